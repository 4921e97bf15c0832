using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.AI;

namespace Anfragen.Assistant.Fakes;

/// <summary>
/// A test embedder with real semantics of a simple kind: hashed bag of analysed German terms. Texts sharing terms get
/// similar vectors, identical texts identical ones; no model download, microseconds per text.
/// </summary>
public sealed class DeterministicEmbeddingGenerator(int dimensions = 64, string modelId = "test-hash-64") : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly GermanTextAnalyzer _analyzer = new();

    public int Dimensions => dimensions;

    public string ModelId => modelId;

    public int Calls { get; private set; }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var term in _analyzer.Analyze(text))
        {
            var hash = Fnv1a(term);
            vector[hash % (uint)dimensions] += (hash & 0x80000000) != 0 ? 1f : -1f;
        }

        vector[0] += 0.01f; // never the zero vector
        return vector;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)) { ModelId = modelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}

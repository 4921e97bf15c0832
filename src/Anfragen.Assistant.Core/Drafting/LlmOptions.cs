using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// "Anfragen:Llm": the language model used for drafts and chat, and the limits that bound every request.
/// Environment: <c>Anfragen__Llm__Provider</c>, <c>Anfragen__Llm__Endpoint</c>, <c>Anfragen__Llm__Model</c>, <c>Anfragen__Llm__ApiKey</c>.
/// Checked on start by <see cref="LlmOptionsValidator"/>.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Anfragen:Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>Azure OpenAI resource URL, or the base URL of an OpenAI-compatible server (e.g. http://127.0.0.1:11434/v1). Optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model id; for Azure OpenAI the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>Required for OpenAI; for Azure OpenAI optional (Entra ID via DefaultAzureCredential when absent); optional for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries after a 429 or 5xx answer (or a timed-out attempt); 0 disables retrying.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Upper bound of one wait between attempts, including a server's Retry-After.</summary>
    [Range(0, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>How many questions of one inquiry are drafted at the same time.</summary>
    [Range(1, 32)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>ArchiveSearch calls the model may make per question or chat answer.</summary>
    [Range(0, 10)]
    public int MaxToolCalls { get; set; } = 3;

    /// <summary>Passages retrieved for a question before the model may search further.</summary>
    [Range(1, 50)]
    public int MaxPassages { get; set; } = 8;

    /// <summary>Passages one ArchiveSearch call may add.</summary>
    [Range(1, 20)]
    public int MaxPassagesPerSearch { get; set; } = 4;

    /// <summary>Longer passages are cut (at a word boundary) before they are shown to the model.</summary>
    [Range(100, 20_000)]
    public int MaxPassageChars { get; set; } = 1_500;

    /// <summary>Longer questions are cut before retrieval and prompting.</summary>
    [Range(10, 20_000)]
    public int MaxQuestionChars { get; set; } = 2_000;

    /// <summary>Earlier chat turns sent with a chat question (most recent first kept).</summary>
    [Range(0, 50)]
    public int MaxHistoryTurns { get; set; } = 6;

    [Range(16, 32_000)]
    public int MaxCompletionTokens { get; set; } = 1_200;

    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.1;

    /// <summary>Directory of the prompt templates (draft-answer.md, chat.md); default: prompts/ next to the binaries.</summary>
    public string? PromptDirectory { get; set; }

    /// <summary>Passages the extractive drafter proposes per question (each from another document).</summary>
    [Range(1, 10)]
    public int ExtractiveSuggestions { get; set; } = 3;
}

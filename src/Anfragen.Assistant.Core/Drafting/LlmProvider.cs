namespace Anfragen.Assistant.Drafting;

/// <summary>Which language model drafts answers. <see cref="None"/> uses the extractive drafter (no model, no key).</summary>
public enum LlmProvider
{
    None = 0,
    AzureOpenAI,
    OpenAI,
    OpenAICompatible,
}

namespace Anfragen.Assistant.Drafting;

/// <summary>What one grounded model conversation produced: the final text, summed token usage of all rounds, and how many tool calls ran.</summary>
internal sealed record ModelReply(string Text, int PromptTokens, int CompletionTokens, int ToolCalls);

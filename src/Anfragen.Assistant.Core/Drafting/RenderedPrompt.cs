namespace Anfragen.Assistant.Drafting;

/// <summary>A prompt ready to send: the fixed system instruction and the user message holding the question and the passages.</summary>
public sealed record RenderedPrompt(string System, string User);

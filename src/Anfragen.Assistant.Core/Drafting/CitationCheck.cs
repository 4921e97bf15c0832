namespace Anfragen.Assistant.Drafting;

/// <summary>The outcome of checking a model's text: the markers that hold, and the markers that point nowhere or misquote.</summary>
public sealed record CitationCheck(IReadOnlyList<Citation> Citations, IReadOnlyList<string> InvalidCitations);

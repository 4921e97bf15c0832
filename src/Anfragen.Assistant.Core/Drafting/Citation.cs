namespace Anfragen.Assistant.Drafting;

/// <summary>A marker in a draft ("[1]") resolved to the passage it points to.</summary>
public sealed record Citation(string Marker, string DocumentId, string ChunkId, string Title, string Text);

using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>A retrieved chunk as numbered for one prompt: the model cites it as "[Number]"; <see cref="Text"/> is what it was shown.</summary>
public sealed record Passage(int Number, Chunk Chunk, string Text)
{
    public string Marker => $"[{Number}]";
}

namespace Anfragen.Assistant.Storage;

/// <summary>The embedding model an index was built with. Searching with another model is an error, not silent garbage.</summary>
public sealed record EmbeddingModelInfo(string ModelId, int Dimensions);

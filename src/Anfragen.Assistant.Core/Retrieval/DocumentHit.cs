using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Retrieval;

/// <summary>A document in a ranked result list, represented by its best-scoring chunk.</summary>
public sealed record DocumentHit(string DocumentId, string Title, double Score, ScoredChunk BestChunk);

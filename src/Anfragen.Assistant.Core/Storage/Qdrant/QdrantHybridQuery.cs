using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>One Query API request: the prefetches (empty for a single search), the main query, its vector name and search parameters.</summary>
internal sealed record QdrantHybridQuery(IReadOnlyList<PrefetchQuery> Prefetches, Query Query, string? Using, Filter Filter, SearchParams? Params = null);

using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Review;

/// <summary>One document in an archive search result, at its best-matching passage.</summary>
public sealed record ArchiveHit(Chunk Passage, double Score);

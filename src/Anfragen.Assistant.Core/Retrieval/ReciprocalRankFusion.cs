using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Retrieval;

/// <summary>Weighted reciprocal rank fusion: score(c) = Σ weight_list / (k + rank_list(c)), ranks 1-based.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>
    /// Fuses a keyword and a dense result list (each ranked best first) into one list of at most <paramref name="top"/>.
    /// Pure: same inputs, same output. Ties are broken by the keyword rank, then the dense rank, then the chunk id, so
    /// results are stable; with a dense weight of 0 the result is the keyword list followed by dense-only chunks in
    /// dense order (dense as a recall fallback only).
    /// </summary>
    public static IReadOnlyList<ScoredChunk> Fuse(IReadOnlyList<ScoredChunk> keyword, IReadOnlyList<ScoredChunk> dense, HybridWeights weights, int top)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(weights);
        if (top <= 0)
        {
            return [];
        }

        var fused = new Dictionary<string, (Chunk Chunk, double Score, int KeywordRank, int DenseRank)>(StringComparer.Ordinal);
        Accumulate(keyword, weights.Keyword, isKeyword: true);
        Accumulate(dense, weights.Dense, isKeyword: false);

        return fused.Values
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.KeywordRank)
            .ThenBy(e => e.DenseRank)
            .ThenBy(e => e.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(top)
            .Select(e => new ScoredChunk(e.Chunk, e.Score))
            .ToList();

        void Accumulate(IReadOnlyList<ScoredChunk> list, double weight, bool isKeyword)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var chunk = list[i].Chunk;
                var contribution = weight / (weights.RrfK + i + 1);
                if (fused.TryGetValue(chunk.ChunkId, out var entry))
                {
                    fused[chunk.ChunkId] = (entry.Chunk, entry.Score + contribution,
                        isKeyword ? Math.Min(entry.KeywordRank, i + 1) : entry.KeywordRank,
                        isKeyword ? entry.DenseRank : Math.Min(entry.DenseRank, i + 1));
                }
                else
                {
                    fused[chunk.ChunkId] = (chunk, contribution, isKeyword ? i + 1 : int.MaxValue, isKeyword ? int.MaxValue : i + 1);
                }
            }
        }
    }
}

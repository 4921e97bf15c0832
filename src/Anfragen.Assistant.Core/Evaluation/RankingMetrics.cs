namespace Anfragen.Assistant.Evaluation;

/// <summary>Mean ranking metrics over a query set (binary relevance, documents ranked once each).</summary>
public sealed record RankingMetrics(int Queries, double RecallAt1, double RecallAt5, double RecallAt10, double MrrAt10, double NdcgAt10)
{
    /// <summary>Averages per-query metrics for ranked document id lists.</summary>
    public static RankingMetrics Compute(IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlyCollection<string> Relevant)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return new RankingMetrics(0, 0, 0, 0, 0, 0);
        }

        double r1 = 0, r5 = 0, r10 = 0, mrr = 0, ndcg = 0;
        foreach (var (ranked, relevantIds) in results)
        {
            var relevant = new HashSet<string>(relevantIds, StringComparer.OrdinalIgnoreCase);
            if (relevant.Count == 0)
            {
                continue;
            }

            r1 += Recall(ranked, relevant, 1);
            r5 += Recall(ranked, relevant, 5);
            r10 += Recall(ranked, relevant, 10);
            for (var i = 0; i < Math.Min(10, ranked.Count); i++)
            {
                if (relevant.Contains(ranked[i]))
                {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }

            double dcg = 0, ideal = 0;
            for (var i = 0; i < Math.Min(10, ranked.Count); i++)
            {
                dcg += relevant.Contains(ranked[i]) ? 1.0 / Math.Log2(i + 2) : 0;
            }

            for (var i = 0; i < Math.Min(10, relevant.Count); i++)
            {
                ideal += 1.0 / Math.Log2(i + 2);
            }

            ndcg += dcg / ideal;
        }

        var n = results.Count;
        return new RankingMetrics(n, r1 / n, r5 / n, r10 / n, mrr / n, ndcg / n);
    }

    private static double Recall(IReadOnlyList<string> ranked, HashSet<string> relevant, int k) =>
        (double)ranked.Take(k).Count(relevant.Contains) / relevant.Count;
}

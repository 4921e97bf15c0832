namespace Anfragen.Assistant.Evaluation;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Computes_recall_mrr_and_ndcg_for_binary_relevance()
    {
        var metrics = RankingMetrics.Compute(
        [
            (["a", "x", "y"], ["a"]),               // hit at rank 1
            (["x", "y", "b", "c"], ["b", "c"]),      // hits at ranks 3 and 4
        ]);

        Assert.Equal(2, metrics.Queries);
        Assert.Equal(0.5, metrics.RecallAt1, 6);
        Assert.Equal(1.0, metrics.RecallAt5, 6);
        Assert.Equal((1.0 + (1.0 / 3)) / 2, metrics.MrrAt10, 6);
        var secondNdcg = ((1 / Math.Log2(4)) + (1 / Math.Log2(5))) / (1 + (1 / Math.Log2(3)));
        Assert.Equal((1.0 + secondNdcg) / 2, metrics.NdcgAt10, 6);
    }
}

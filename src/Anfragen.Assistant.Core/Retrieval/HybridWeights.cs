namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Weights of weighted reciprocal rank fusion: score = Σ weight / (k + rank). Equal weights are plain RRF.
/// Set by measurement (<c>anfragen eval</c>): with an English-trained embedder on German text the keyword side must dominate.
/// <see cref="MinDenseScore"/> keeps dense hits below that cosine similarity out of the fusion, so a query whose words
/// the archive does not hold returns nothing instead of the nearest unrelated papers (0 = no floor).
/// </summary>
public sealed record HybridWeights(double Keyword = 1.0, double Dense = 1.0, int RrfK = 60, double MinDenseScore = 0.0)
{
    public static HybridWeights Equal { get; } = new();
}

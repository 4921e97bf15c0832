namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Weights of weighted reciprocal rank fusion: score = Σ weight / (k + rank). Equal weights are plain RRF.
/// Set by measurement (<c>anfragen eval</c>): with an English-trained embedder on German text the keyword side must dominate.
/// </summary>
public sealed record HybridWeights(double Keyword = 1.0, double Dense = 1.0, int RrfK = 60)
{
    public static HybridWeights Equal { get; } = new();
}

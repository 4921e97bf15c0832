using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// "Anfragen:Retrieval": fusion weights and pool size. The defaults were set by measurement with <c>anfragen eval</c>
/// (docs/knowledge-base.md): with the English-trained local embedder the German keyword side must carry the ranking and
/// the dense side mostly breaks ties and adds recall where keywords find nothing.
/// </summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Anfragen:Retrieval";

    [Range(0.0, 100.0)]
    public double KeywordWeight { get; set; } = 1.0;

    [Range(0.0, 100.0)]
    public double DenseWeight { get; set; } = 0.05;

    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// Dense hits below this cosine similarity do not enter hybrid results. Measured for all-MiniLM-L6-v2 on the real dev
    /// corpus: the best hits of nonsense queries score 0.20–0.29, relevant papers 0.35–0.67. Re-measure for another embedder.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double MinDenseScore { get; set; } = 0.3;

    /// <summary>Chunks fetched from each side before fusion and before grouping chunks into documents.</summary>
    [Range(10, 5000)]
    public int CandidatePool { get; set; } = 100;

    public HybridWeights Weights => new(KeywordWeight, DenseWeight, RrfK, MinDenseScore);
}

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// What <c>anfragen eval</c> measures: query files and/or corpora whose Anfrage/Stellungnahme pairs become queries, the
/// rank depth, the Lucene baseline, the analyzer ablation, a dense-weight sweep, and fusion overrides.
/// </summary>
public sealed record RetrievalEvaluationRequest
{
    public IReadOnlyList<string> QueryFiles { get; init; } = [];

    public IReadOnlyList<string> PairPaths { get; init; } = [];

    public int K { get; init; } = 10;

    /// <summary>Adds the Lucene.Net GermanAnalyzer BM25 row over whole documents (<see cref="LuceneBaseline"/>).</summary>
    public bool LuceneBaseline { get; init; }

    /// <summary>Also measures temporary indexes analysed without stemming / without decompounding / without both.</summary>
    public bool Ablation { get; init; }

    /// <summary>Also measures hybrid search with <see cref="RetrievalEvaluation.SweepDenseWeights"/>.</summary>
    public bool Sweep { get; init; }

    public double? DenseWeight { get; init; }

    public int? RrfK { get; init; }
}

using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>The part of a chunk a keyword term is matched against.</summary>
public enum KeywordField
{
    /// <summary>The chunk's title and text, analysed by the index's <see cref="GermanTextAnalyzer"/>.</summary>
    Text = 0,

    /// <summary>The chunk's expansion terms (<see cref="IndexedDocument.Expansions"/>: document-side expansion), if it has any.</summary>
    Expansion = 1,
}

/// <summary>One analysed term of a keyword query: it adds <see cref="Weight"/> × BM25(term, field) to a chunk's score.</summary>
public readonly record struct WeightedTerm(string Term, float Weight, KeywordField Field = KeywordField.Text);

/// <summary>
/// A keyword query as the index takes it: analysed terms, each with a weight and the field it is matched against. The
/// score of a chunk is Σ weight × BM25(term, field) over the terms it holds (k1 1.2, b 0.75, idf over the whole index,
/// no coordination factor), so a synonym weighted 0.3 counts 0.3 of what the same match of an original term counts.
/// Terms must come from the same analyzer the index analyses its chunks with (<see cref="IKeywordIndex.Analyzer"/>);
/// which terms and weights a query carries is the caller's choice (Retrieval/).
/// </summary>
public sealed record KeywordQuery
{
    public KeywordQuery(IEnumerable<WeightedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);

        // One clause per (term, field), with the largest weight given for it; terms without weight contribute nothing.
        Terms = [.. terms
            .Where(t => !string.IsNullOrEmpty(t.Term) && t.Weight > 0 && float.IsFinite(t.Weight))
            .GroupBy(t => (t.Term, t.Field))
            .Select(g => g.MaxBy(t => t.Weight))];
    }

    public IReadOnlyList<WeightedTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The distinct analysed terms of <paramref name="text"/>, each with weight 1 on the text field (the plain query).</summary>
    public static KeywordQuery FromText(string text, GermanTextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyzer);
        return new KeywordQuery(analyzer.Analyze(text).Select(t => new WeightedTerm(t, 1f)));
    }
}

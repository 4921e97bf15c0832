using System.Text;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Turns German text into the sparse <c>bm25</c> vector of the Qdrant collection.
/// Terms come from <see cref="GermanTextAnalyzer"/> (the same stems the SQLite keyword index uses), each term is hashed
/// to a stable 32-bit index with FNV-1a over its UTF-8 bytes (never <see cref="string.GetHashCode()"/>, which is randomised
/// per process), and the value is the BM25-saturated term frequency
/// <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))</c>.
/// Qdrant's IDF modifier multiplies in the inverse document frequency at query time, computed over the whole collection,
/// so document vectors never need rewriting when the archive grows.
/// <para>
/// avgLen is a fixed assumption (<see cref="AverageDocumentLength"/> analysed terms per chunk), not measured per
/// collection: a measured value would change as the archive grows and silently invalidate the stored vectors.
/// A wrong guess only shifts the length normalisation a little; the ranking between short and long chunks stays BM25-like.
/// </para>
/// Two different terms colliding on one index (2³² buckets: rare at archive vocabularies of ~10⁵ stems) add their values.
/// </summary>
internal sealed class SparseVectorBuilder(GermanTextAnalyzer analyzer)
{
    /// <summary>BM25 term-frequency saturation, the usual Lucene/Elasticsearch default.</summary>
    public const double K1 = 1.2;

    /// <summary>BM25 length normalisation, the usual default.</summary>
    public const double B = 0.75;

    /// <summary>
    /// Assumed average chunk length in analysed terms (title + text, stop words removed) for the length normalisation.
    /// Measured on 67 real council documents (129 chunks of the default chunker): mean 76.5, median 68 terms.
    /// </summary>
    public const double AverageDocumentLength = 80;

    /// <summary>Expansion terms (<see cref="KeywordField.Expansion"/>) are hashed under this prefix, so their idf is counted apart from the text's.</summary>
    public const string ExpansionPrefix = "x:";

    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>
    /// The document-side vector of a chunk text: saturated term frequencies; with <paramref name="expansion"/> (the
    /// chunk's expansion terms), those too under <see cref="ExpansionPrefix"/>, saturated over their own list (as the
    /// embedded index scores its expansion field by its own length).
    /// </summary>
    public SparseTermVector ForDocument(string text, IReadOnlyList<string>? expansion = null)
    {
        var weights = new Dictionary<uint, double>();
        Add(weights, analyzer.Analyze(text), string.Empty, AverageDocumentLength);
        if (expansion is { Count: > 0 })
        {
            Add(weights, expansion, ExpansionPrefix, expansion.Count);
        }

        return ToVector(weights);

        static void Add(Dictionary<uint, double> weights, IReadOnlyList<string> terms, string prefix, double averageLength)
        {
            if (terms.Count == 0)
            {
                return;
            }

            var lengthNorm = 1 - B + (B * terms.Count / averageLength);
            foreach (var (term, tf) in CountTerms(terms))
            {
                var value = tf * (K1 + 1) / (tf + (K1 * lengthNorm));
                var index = TermIndex(prefix + term);
                weights[index] = weights.GetValueOrDefault(index) + value;
            }
        }
    }

    /// <summary>
    /// The query-side vector of a weighted query: each term's weight as its value (Qdrant's IDF modifier multiplies in
    /// the idf), so the score is Σ weight·idf·bm25tf, the weighted BM25 of the embedded index.
    /// </summary>
    public static SparseTermVector ForQuery(KeywordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = new Dictionary<uint, double>();
        foreach (var term in query.Terms)
        {
            var index = TermIndex(term.Field == KeywordField.Expansion ? ExpansionPrefix + term.Term : term.Term);
            weights[index] = weights.GetValueOrDefault(index) + term.Weight;
        }

        return ToVector(weights);
    }

    /// <summary>
    /// The query-side vector: each distinct query term once with weight 1, so the score is Σ idf(t)·bm25tf(t, chunk),
    /// which is BM25 (Qdrant applies the idf of the IDF modifier to the query side).
    /// </summary>
    public SparseTermVector ForQuery(string query) => ForQuery(KeywordQuery.FromText(query, analyzer));

    /// <summary>FNV-1a (32 bit) of the term's UTF-8 bytes: the same index on every machine, process and run.</summary>
    public static uint TermIndex(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(term);
        var bytes = byteCount <= buffer.Length ? buffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(term, bytes);
        var hash = FnvOffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }

    private static Dictionary<string, int> CountTerms(IReadOnlyList<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return counts;
    }

    private static SparseTermVector ToVector(Dictionary<uint, double> weights)
    {
        var indices = weights.Keys.Order().ToArray();
        var values = indices.Select(i => (float)weights[i]).ToArray();
        return new SparseTermVector(indices, values);
    }
}

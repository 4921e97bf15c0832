using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Turns German text into keyword terms: lower case, compounds split into their parts (the compound itself is kept),
/// stop words removed, Snowball German stems, umlauts and ß folded.
/// The same terms feed the Lucene keyword index of the embedded index and Qdrant's sparse bm25 vector, so both indexes match the same way.
/// Thread-safe: one Lucene token stream per call is cheap compared to the work it does.
/// </summary>
public sealed class GermanTextAnalyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly CharArraySet StopWords = GermanAnalyzer.DefaultStopSet;

    /// <summary>The production settings: stemming and compound splitting on (measured in <c>anfragen eval</c>).</summary>
    public GermanTextAnalyzer()
        : this(stemming: true, decompounding: true)
    {
    }

    /// <summary>Switches for measuring each step's effect (<c>anfragen eval --no-stemming --no-decompounding</c>).</summary>
    public GermanTextAnalyzer(bool stemming, bool decompounding)
    {
        Stemming = stemming;
        Decompounding = decompounding;
    }

    public bool Stemming { get; }

    public bool Decompounding { get; }

    /// <summary>Analyses <paramref name="text"/> into terms in order of occurrence (duplicates kept, for term frequencies).</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var reader = new StringReader(text);
        using var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        if (Decompounding)
        {
            // Parts of at least 4 letters inside words of at least 8: "digitalisierungsstrategie" also yields
            // "digitalisierung" and "strategie"; longest match only, so "spielplatz" does not also add "spiel" + "platz".
            stream = new DictionaryCompoundWordTokenFilter(Version, stream, GermanCompoundParts.Dictionary, minWordSize: 8, minSubwordSize: 4, maxSubwordSize: 20, onlyLongestMatch: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        if (Stemming)
        {
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.German2Stemmer());
        }

        stream = new GermanNormalizationFilter(stream);
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        return terms;
    }
}

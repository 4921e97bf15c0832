using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Turns German text into keyword terms: lower case, stop words removed, umlauts and ß folded, Snowball German stems.
/// The same terms feed the SQLite FTS5 table and Qdrant's sparse bm25 vector, so both indexes match the same way.
/// Thread-safe: one Lucene analyzer per call is cheap compared to the work it does.
/// </summary>
public sealed class GermanTextAnalyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly CharArraySet StopWords = GermanAnalyzer.DefaultStopSet;

    /// <summary>Analyses <paramref name="text"/> into terms in order of occurrence (duplicates kept, for term frequencies).</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var reader = new StringReader(text);
        using var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new SetKeywordMarkerFilter(stream, CharArraySet.Empty);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.German2Stemmer());
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

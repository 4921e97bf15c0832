using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// The reference the issue names: plain Lucene.Net <see cref="GermanAnalyzer"/> with BM25 over whole documents
/// (title + text), in memory, query terms OR-ed. Used by <c>anfragen eval --baseline lucene</c> only.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly GermanAnalyzer _analyzer = new(Version);
    private DirectoryReader? _reader;

    public LuceneBaseline(IEnumerable<(string Id, string Title, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (id, title, text) in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", id, Field.Store.YES),
                    new TextField("body", title + "\n" + text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public IReadOnlyList<string> Search(string query, int top, IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var boolean = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("body", query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stream.IncrementToken())
            {
                if (seen.Add(term.ToString()))
                {
                    boolean.Add(new TermQuery(new Term("body", term.ToString())), Occur.SHOULD);
                }
            }

            stream.End();
        }

        if (boolean.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = new IndexSearcher(_reader ?? throw new ObjectDisposedException(nameof(LuceneBaseline))) { Similarity = new BM25Similarity() };
        var excluded = new HashSet<string>(exclude ?? [], StringComparer.OrdinalIgnoreCase);
        var hits = searcher.Search(boolean, top + excluded.Count).ScoreDocs;
        return hits.Select(h => searcher.Doc(h.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture)).Where(id => !excluded.Contains(id)).Take(top).ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _reader = null;
        _analyzer.Dispose();
        _directory.Dispose();
    }
}

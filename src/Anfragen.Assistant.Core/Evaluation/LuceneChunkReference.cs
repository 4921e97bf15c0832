using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// The bench's reference row <c>lucene</c>: a plain Lucene.Net index (BM25, on disk in a temporary directory, memory
/// mapped) over the same chunks as the index under test, with the same <see cref="GermanTextAnalyzer"/> terms, queried
/// as the OR of the analysed query terms under the same visibility filter, top <c>n</c> chunk ids read back. It is what
/// a keyword leg built directly on Lucene costs, without the product's row loading around it.
/// </summary>
internal sealed class LuceneChunkReference : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly string _path = Path.Combine(Path.GetTempPath(), "anfragen-lucene-" + Guid.NewGuid().ToString("N"));
    private readonly GermanTextAnalyzer _analyzer;
    private readonly FSDirectory _directory;
    private readonly Filter _publicOnly = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term("visibility", VisibilityCodes.PublicCode.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    private IndexWriter? _writer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public LuceneChunkReference(GermanTextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _directory = FSDirectory.Open(_path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 64 });
    }

    public void Add(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = _writer ?? throw new InvalidOperationException("Der Lucene-Vergleichsindex ist bereits geschlossen.");
        foreach (var chunk in document.Chunks)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", chunk.ChunkId, Field.Store.YES),
                new StringField("visibility", VisibilityCodes.ToCode(chunk.Visibility).ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                new TextField("terms", string.Join(' ', _analyzer.Analyze(chunk.Title + "\n" + chunk.Text)), Field.Store.NO),
            });
        }
    }

    /// <summary>Commits and merges to one segment, as a finished index would be, then opens the searcher.</summary>
    public void Complete()
    {
        var writer = _writer ?? throw new InvalidOperationException("Der Lucene-Vergleichsindex ist bereits geschlossen.");
        writer.ForceMerge(1);
        writer.Commit();
        writer.Dispose();
        _writer = null;
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<string> Search(string query, bool includeNonPublic, int top)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Zuerst Complete() aufrufen.");
        var boolean = new BooleanQuery();
        foreach (var term in _analyzer.Analyze(query).Distinct(StringComparer.Ordinal))
        {
            boolean.Add(new TermQuery(new Term("terms", term)), Occur.SHOULD);
        }

        if (boolean.Clauses.Count == 0)
        {
            return [];
        }

        var hits = searcher.Search(boolean, includeNonPublic ? null : _publicOnly, top).ScoreDocs;
        var ids = new string[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            ids[i] = searcher.Doc(hits[i].Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture);
        }

        return ids;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _reader?.Dispose();
        _directory.Dispose();
        try
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory; harmless.
        }
    }
}

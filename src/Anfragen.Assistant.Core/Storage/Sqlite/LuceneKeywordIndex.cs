using System.Diagnostics;
using System.Globalization;
using Anfragen.Assistant.Retrieval;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The keyword role of the embedded index: Lucene.Net (BM25) in <c>{DataDirectory}/anfragen.lucene/</c>, one document
/// per chunk (<see cref="LuceneChunkFields"/>), derived from SQLite and never the source of truth.
/// <para>
/// Consistency with SQLite: every write logs the changed document in <c>keyword_log</c> in its own SQLite transaction;
/// the Lucene commit records the generation it reflects. On open the log since that commit is replayed (or the index
/// rebuilt from the chunks when the log does not reach back), so a process killed at any point leaves nothing half
/// done: SQLite holds the old or the new document, Lucene catches up to it. Commits are batched (every second or
/// <see cref="CommitEveryChanges"/> documents); searches of this process see every write at once (near-real-time reader).
/// </para>
/// <para>
/// One process at a time holds Lucene's write lock and maintains the index (it also replays other processes' writes
/// from the log as soon as it sees the generation move). Another process sharing the data directory searches the last
/// commit and takes over the lock when it is free; until then its keyword results lag other processes' newest writes
/// by up to one commit interval (its own writes included, which it cannot index without the lock).
/// </para>
/// </summary>
internal sealed class LuceneKeywordIndex : IKeywordIndex, IVocabularyStatistics, IDisposable
{
    public const int CommitEveryChanges = 2_000;

    /// <summary>Log entries kept after they are committed, so other processes' vector matrices can catch up without a reload.</summary>
    public const long LogRetention = 10_000;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string GenerationKey = "generation";
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    // How often a process that does not hold the lock looks for a newer commit or a free lock while it lags SQLite.
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _path;
    private readonly SqliteDatabase _database;
    private readonly SqliteWriteCoordinator _coordinator;
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _settled = -1;
    private long _committed;
    private long _lastCommit = Stopwatch.GetTimestamp();
    private long _lastFollow;
    private int _uncommitted;
    private Timer? _commitTimer;
    private volatile bool _open;
    private volatile bool _stale;

    public LuceneKeywordIndex(string path, SqliteDatabase database, SqliteWriteCoordinator coordinator, GermanTextAnalyzer analyzer)
    {
        _path = path;
        _database = database;
        _coordinator = coordinator;
        Analyzer = analyzer;
    }

    public GermanTextAnalyzer Analyzer { get; }

    public string DirectoryPath => _path;

    /// <summary>The generation of this process's last Lucene commit (0 when it does not maintain the index).</summary>
    public long CommittedGeneration => _writer is null ? 0 : Interlocked.Read(ref _committed);

    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty || top <= 0)
        {
            return [];
        }

        return await _coordinator.ReadConsistentAsync(ct => SearchOnceAsync(query, filter, top, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountChunksWithTermsAsync(IReadOnlyCollection<string> terms, SearchFilter filter, int cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var searchers = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (searchers is null)
        {
            return terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        }

        var luceneFilter = LuceneChunkFields.ToFilter(filter);
        var searcher = searchers.Acquire();
        try
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                var collector = new TotalHitCountCollector();
                searcher.Search(new TermQuery(new Term(LuceneChunkFields.Text, term)), luceneFilter, collector);
                counts[term] = Math.Min(collector.TotalHits, Math.Max(0, cap));
            }
        }
        finally
        {
            searchers.Release(searcher);
        }

        return counts;
    }

    public async Task<long> CountChunksAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteDatabase.ReadCounterAsync(connection, null, "chunk_count", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the index (taking over maintenance when the lock is free) and catches it up with SQLite.</summary>
    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            return;
        }

        await _coordinator.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _coordinator.Gate.Release();
        }
    }

    /// <summary>
    /// Applies this process's own replace of <paramref name="documentId"/> (empty <paramref name="documents"/>: a delete),
    /// called with the write gate held inside the publish window, right after the SQLite commit.
    /// </summary>
    public async Task ApplyOwnAsync(long generationBefore, long generationAfter, string documentId, IReadOnlyList<LuceneDocument> documents, CancellationToken cancellationToken)
    {
        if (!_open || _writer is null)
        {
            // Not open yet (the first search replays the log) or another process maintains the index (it replays it).
            return;
        }

        if (Interlocked.Read(ref _settled) != generationBefore)
        {
            await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var term = LuceneChunkFields.DocumentTerm(documentId);
        if (documents.Count == 0)
        {
            _writer.DeleteDocuments(term);
        }
        else
        {
            _writer.UpdateDocuments(term, documents);
        }

        Interlocked.Exchange(ref _settled, generationAfter);
        _stale = true;
        _uncommitted++;
        if (_uncommitted >= CommitEveryChanges || Stopwatch.GetElapsedTime(_lastCommit) >= CommitInterval)
        {
            Commit();
        }
        else
        {
            // Commit soon after the last of a burst of writes, so other processes see it without waiting for the next one.
            _commitTimer ??= new Timer(_ => _ = CommitLaterAsync(), null, Timeout.Infinite, Timeout.Infinite);
            _commitTimer.Change(CommitInterval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Differences between the chunks in SQLite and the keyword index, after catching up (empty when consistent).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var searchers = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (searchers is null)
        {
            problems.Add("keyword index missing: " + _path);
            return problems;
        }

        searchers.MaybeRefreshBlocking();
        var indexed = new HashSet<long>();
        var searcher = searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var rowIds = reader.GetNumericDocValues(LuceneChunkFields.RowId);
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if ((live is null || live.Get(doc)) && !indexed.Add(rowIds.Get(doc)))
                    {
                        problems.Add("keyword entry twice: rowid " + rowIds.Get(doc).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        finally
        {
            searchers.Release(searcher);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, chunk_id FROM chunks";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!indexed.Remove(reader.GetInt64(0)))
                {
                    problems.Add("chunk without keyword entry: " + reader.GetString(1));
                }
            }
        }

        problems.AddRange(indexed.Select(rowId => "keyword entry without chunk: rowid " + rowId.ToString(CultureInfo.InvariantCulture)));
        return problems;
    }

    public void Dispose()
    {
        _commitTimer?.Dispose();
        _commitTimer = null;
        try
        {
            if (_writer is not null && _uncommitted > 0)
            {
                Commit();
            }
        }
        finally
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _searchers = null;
            _writer = null;
            _directory = null;
            _open = false;
        }
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchOnceAsync(KeywordQuery query, SearchFilter filter, int top, CancellationToken cancellationToken)
    {
        var searchers = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (searchers is null)
        {
            return [];
        }

        var hits = new List<(long RowId, float Score)>(top);
        var searcher = searchers.Acquire();
        try
        {
            if (LuceneChunkFields.ToQuery(query, searcher.IndexReader) is not { } luceneQuery)
            {
                return [];
            }

            var leaves = searcher.IndexReader.Leaves;
            foreach (var hit in searcher.Search(luceneQuery, LuceneChunkFields.ToFilter(filter), top).ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
                hits.Add((leaf.AtomicReader.GetNumericDocValues(LuceneChunkFields.RowId).Get(hit.Doc - leaf.DocBase), hit.Score));
            }
        }
        finally
        {
            searchers.Release(searcher);
        }

        Dictionary<long, (Chunk Chunk, float[]? Vector)> rows;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            rows = await SqliteRows.LoadAsync(connection, null, [.. hits.Select(h => h.RowId)], withVectors: false, cancellationToken).ConfigureAwait(false);
        }

        var result = new List<ScoredChunk>(hits.Count);
        foreach (var (rowId, score) in hits)
        {
            // A row can vanish between the search and this read (another process wrote); it is skipped, not failed.
            if (rows.TryGetValue(rowId, out var row) && filter.Allows(row.Chunk))
            {
                result.Add(new ScoredChunk(row.Chunk, score));
            }
        }

        return result;
    }

    /// <summary>The searchers at the current SQLite generation (or the newest commit another process made).</summary>
    private async Task<SearcherManager?> CurrentAsync(CancellationToken cancellationToken)
    {
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        long generation;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            generation = await SqliteDatabase.ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }

        if (generation > Interlocked.Read(ref _settled) && (_writer is not null || Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFollow)) >= FollowInterval))
        {
            Interlocked.Exchange(ref _lastFollow, Stopwatch.GetTimestamp());
            await _coordinator.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (generation > Interlocked.Read(ref _settled))
                {
                    await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _coordinator.Gate.Release();
            }
        }

        if (_stale && _searchers is not null)
        {
            _stale = false;
            _searchers.MaybeRefreshBlocking();
        }

        return _searchers;
    }

    private async Task CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            // Take over maintenance if the other process let go of the lock; else follow its commits.
            if (TryOpenWriter())
            {
                _searchers?.Dispose();
                _searchers = null;
                await SyncLockedAsync(ReadGeneration(_writer!.CommitData), cancellationToken).ConfigureAwait(false);
                _searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
                return;
            }

            if (_searchers is null && DirectoryReader.IndexExists(_directory))
            {
                _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
            }

            if (_searchers is not null)
            {
                _searchers.MaybeRefreshBlocking();
                var searcher = _searchers.Acquire();
                try
                {
                    Interlocked.Exchange(ref _settled, searcher.IndexReader is DirectoryReader reader ? ReadGeneration(reader.IndexCommit.UserData) ?? 0 : 0);
                }
                finally
                {
                    _searchers.Release(searcher);
                }
            }

            return;
        }

        await SyncLockedAsync(Interlocked.Read(ref _settled), cancellationToken).ConfigureAwait(false);
        _stale = true;
    }

    private async Task OpenLockedAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(_path);
        _directory = FSDirectory.Open(_path);
        if (TryOpenWriter())
        {
            await SyncLockedAsync(ReadGeneration(_writer!.CommitData), cancellationToken).ConfigureAwait(false);
            _searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
        }
        else if (DirectoryReader.IndexExists(_directory))
        {
            _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
            var searcher = _searchers.Acquire();
            try
            {
                Interlocked.Exchange(ref _settled, searcher.IndexReader is DirectoryReader reader ? ReadGeneration(reader.IndexCommit.UserData) ?? 0 : 0);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }

        _open = true;
    }

    private bool TryOpenWriter()
    {
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 32,
            WriteLockTimeout = 0,
        };
        try
        {
            _writer = new IndexWriter(_directory, config);
            return true;
        }
        catch (LockObtainFailedException)
        {
            return false;
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException)
        {
            // The index is derived: a damaged one is thrown away and rebuilt from SQLite.
            foreach (var file in _directory!.ListAll().Where(f => !f.Equals(IndexWriter.WRITE_LOCK_NAME, StringComparison.Ordinal)))
            {
                _directory.DeleteFile(file);
            }

            _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
            {
                OpenMode = OpenMode.CREATE,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 32,
                WriteLockTimeout = 0,
            });
            return true;
        }
    }

    /// <summary>Brings the index from <paramref name="committed"/> (null: nothing usable) to SQLite's generation and commits.</summary>
    private async Task SyncLockedAsync(long? committed, CancellationToken cancellationToken)
    {
        var writer = _writer!;
        long generation;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = connection.BeginTransaction(deferred: true))
        {
            generation = await SqliteDatabase.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var (keys, oldest) = await SqliteDatabase.ChangesAfterAsync(connection, transaction, committed ?? 0, cancellationToken).ConfigureAwait(false);
            var logReachesBack = committed is { } c && c <= generation && (generation == c || (oldest > 0 && oldest <= c + 1));
            if (!logReachesBack)
            {
                writer.DeleteAll();
                await foreach (var (documentId, documents) in ReadChunksAsync(connection, transaction, null, cancellationToken).ConfigureAwait(false))
                {
                    writer.AddDocuments(documents);
                }
            }
            else
            {
                foreach (var key in keys)
                {
                    var documents = new List<LuceneDocument>();
                    await foreach (var (_, chunkDocuments) in ReadChunksAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false))
                    {
                        documents.AddRange(chunkDocuments);
                    }

                    writer.UpdateDocuments(LuceneChunkFields.DocumentTerm(key), documents);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _settled, generation);
        Commit();
    }

    /// <summary>Lucene documents of every chunk (or of one document), grouped by document, from one SQLite snapshot.</summary>
    private async IAsyncEnumerable<(string DocumentId, List<LuceneDocument> Documents)> ReadChunksAsync(SqliteConnection connection, SqliteTransaction transaction, string? documentKey, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteRows.ChunkColumns}, c.expansion FROM chunks c{(documentKey is null ? string.Empty : " WHERE c.document_id = $id")} ORDER BY c.document_id, c.ordinal";
        if (documentKey is not null)
        {
            command.Parameters.AddWithValue("$id", documentKey);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? current = null;
        var documents = new List<LuceneDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = SqliteRows.ReadChunk(reader);
            if (current is not null && !string.Equals(current, chunk.DocumentId, StringComparison.Ordinal))
            {
                yield return (current, documents);
                documents = [];
            }

            current = chunk.DocumentId;
            var expansion = reader.IsDBNull(SqliteRows.AfterChunkColumns) ? null : reader.GetString(SqliteRows.AfterChunkColumns);
            documents.Add(LuceneChunkFields.ToDocument(reader.GetInt64(0), chunk, KeywordTerms(chunk), expansion));
        }

        if (current is not null)
        {
            yield return (current, documents);
        }
    }

    /// <summary>What the text field of a chunk indexes: its title and text, analysed.</summary>
    public string KeywordTerms(Chunk chunk) => string.Join(' ', Analyzer.Analyze(chunk.Title + "\n" + chunk.Text));

    private async Task CommitLaterAsync()
    {
        try
        {
            await _coordinator.Gate.WaitAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (_writer is not null && _uncommitted > 0)
            {
                Commit();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Not committed now: the next write or dispose commits, and a crash is repaired from keyword_log.
        }
        finally
        {
            try
            {
                _coordinator.Gate.Release();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile.
            }
        }
    }

    private void Commit()
    {
        var generation = Interlocked.Read(ref _settled);
        _writer!.SetCommitData(new Dictionary<string, string> { [GenerationKey] = generation.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        Interlocked.Exchange(ref _committed, generation);
        _uncommitted = 0;
        _lastCommit = Stopwatch.GetTimestamp();
    }

    private static long? ReadGeneration(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(GenerationKey, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var generation) ? generation : null;

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

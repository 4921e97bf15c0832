using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The Lucene keyword index beside SQLite is derived: it catches up from <c>keyword_log</c> after a crash and after
/// another process's writes, and is rebuilt from the chunks when it is missing, damaged or older than the log.
/// </summary>
public sealed class KeywordIndexRecoveryTests : IDisposable
{
    private static readonly EmbeddingModelInfo Model = new("test-hash-64", 64);
    private readonly TempDirectory _directory = new();
    private readonly DeterministicEmbeddingGenerator _embedder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _directory.File(SqliteKnowledgeIndex.DatabaseFileName);

    private string KeywordPath => _directory.File(SqliteKnowledgeIndex.KeywordDirectoryName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_keyword_index_left_at_an_older_commit_catches_up_from_the_log()
    {
        using (var index = await OpenAsync())
        {
            await index.UpsertAsync(Document("30-1", "Der Winterdienst räumt die Radwege."), Ct);
        }

        // The keyword index as a process killed after its first commit would have left it.
        var snapshot = _directory.File("lucene-snapshot");
        CopyDirectory(KeywordPath, snapshot);
        using (var index = await OpenAsync())
        {
            await index.UpsertAsync(Document("30-2", "Die Straßenbeleuchtung wird erneuert."), Ct);
            await index.UpsertAsync(Document("30-1", "Der Winterdienst räumt auch die Gehwege."), Ct);
        }

        Directory.Delete(KeywordPath, recursive: true);
        CopyDirectory(snapshot, KeywordPath);

        using var reopened = await OpenAsync();
        Assert.Equal(["30-2"], (await reopened.KeywordSearchAsync("Straßenbeleuchtung", SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Contains("Gehwege", Assert.Single(await reopened.KeywordSearchAsync("Winterdienst", SearchFilter.PublicOnly, 10, Ct)).Chunk.Text, StringComparison.Ordinal);
        Assert.Empty(await reopened.CheckIntegrityAsync(Ct));
    }

    [Fact]
    public async Task A_missing_keyword_index_is_rebuilt_from_the_chunks()
    {
        using (var index = await OpenAsync())
        {
            await index.UpsertAsync(Document("31-1", "Der Winterdienst räumt die Radwege."), Ct);
            await index.UpsertAsync(Document("31-2", "Die Straßenbeleuchtung wird erneuert.") with { Expansions = [["laterne"]] }, Ct);
        }

        Directory.Delete(KeywordPath, recursive: true);

        using var reopened = await OpenAsync();
        Assert.Equal(["31-1"], (await reopened.KeywordSearchAsync("Radwege", SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Equal(["31-2"], (await reopened.KeywordSearchAsync(new KeywordQuery([new("laterne", 1f, KeywordField.Expansion)]), SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Empty(await reopened.CheckIntegrityAsync(Ct));
    }

    [Fact]
    public async Task A_damaged_keyword_index_is_thrown_away_and_rebuilt()
    {
        using (var index = await OpenAsync())
        {
            await index.UpsertAsync(Document("32-1", "Der Winterdienst räumt die Radwege."), Ct);
        }

        foreach (var file in Directory.GetFiles(KeywordPath, "segments_*"))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3], Ct);
        }

        using var reopened = await OpenAsync();
        Assert.Equal(["32-1"], (await reopened.KeywordSearchAsync("Radwege", SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
    }

    [Fact]
    public async Task Keyword_search_sees_documents_another_instance_wrote_while_this_one_holds_the_index()
    {
        using var maintainer = await OpenAsync();
        await maintainer.UpsertAsync(Document("33-1", "Der Winterdienst räumt die Radwege."), Ct);
        Assert.Single(await maintainer.KeywordSearchAsync("Winterdienst", SearchFilter.PublicOnly, 10, Ct));

        using (var other = await OpenAsync())
        {
            await other.UpsertAsync(Document("33-2", "Auch der Winterdienst am Ring wird ausgeweitet."), Ct);
            await other.DeleteAsync("33-1", Ct);
        }

        Assert.Equal(["33-2"], (await maintainer.KeywordSearchAsync("Winterdienst", SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Equal(["33-2"], (await maintainer.DenseSearchAsync(_embedder.Embed("Winterdienst"), SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Empty(await maintainer.CheckIntegrityAsync(Ct));
    }

    [Fact]
    public async Task A_database_of_the_FTS5_era_gets_its_keyword_index_built_on_first_open()
    {
        using (var index = await OpenAsync())
        {
            await index.UpsertAsync(Document("34-1", "Der Winterdienst räumt die Radwege."), Ct);
        }

        Directory.Delete(KeywordPath, recursive: true);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE VIRTUAL TABLE chunk_fts USING fts5 (terms); DROP TABLE keyword_log; ALTER TABLE chunks DROP COLUMN expansion;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = await OpenAsync();
        Assert.Equal(["34-1"], (await reopened.KeywordSearchAsync("Winterdienst", SearchFilter.PublicOnly, 10, Ct)).Select(h => h.Chunk.DocumentId));
        await reopened.UpsertAsync(Document("34-2", "Neue Streufahrzeuge für den Winterdienst."), Ct);
        Assert.Equal(2, (await reopened.KeywordSearchAsync("Winterdienst", SearchFilter.PublicOnly, 10, Ct)).Count);
        Assert.Empty(await reopened.CheckIntegrityAsync(Ct));
    }

    private async Task<SqliteKnowledgeIndex> OpenAsync()
    {
        var index = new SqliteKnowledgeIndex(DatabasePath, new GermanTextAnalyzer());
        await index.InitializeAsync(Model, Ct);
        return index;
    }

    private IndexedDocument Document(string id, string text)
    {
        var chunk = new Chunk { ChunkId = Chunk.MakeId(id, 0), DocumentId = id, Ordinal = 0, DocumentType = DocumentType.Mitteilung, Title = "Mitteilung", Text = text, Visibility = Visibility.Public };
        var document = new StoredDocument { Id = id, Type = DocumentType.Mitteilung, Title = "Mitteilung", ContentHash = "h-" + text.GetHashCode(StringComparison.Ordinal), ChunkCount = 1, Visibility = Visibility.Public };
        return new IndexedDocument(document, [chunk], [_embedder.Embed(text)]);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}

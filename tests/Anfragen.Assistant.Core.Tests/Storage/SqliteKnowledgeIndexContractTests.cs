using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage;

/// <summary>The shared contract on the embedded SQLite index, plus what only SQLite promises (one WAL file, cross-instance freshness).</summary>
public sealed class SqliteKnowledgeIndexContractTests : KnowledgeIndexContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anfragen-contract-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteKnowledgeIndex> _opened = [];

    private string DatabasePath => Path.Combine(_directory, SqliteKnowledgeIndex.DatabaseFileName);

    protected override Task<IKnowledgeIndex> CreateIndexAsync(EmbeddingModelInfo model, CancellationToken ct) => Task.FromResult<IKnowledgeIndex>(Open());

    protected override Task<IKnowledgeIndex> OpenSameStoreAsync(CancellationToken ct) => Task.FromResult<IKnowledgeIndex>(Open());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _opened.ForEach(i => i.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Keeps_the_archive_in_one_WAL_database_named_anfragen_db_and_the_keyword_index_beside_it()
    {
        await Index.UpsertAsync(Indexed(Doc("1", DocumentType.Mitteilung, "T", "Text")), Ct);
        Assert.True(File.Exists(DatabasePath));
        Assert.True(Directory.Exists(Path.Combine(_directory, SqliteKnowledgeIndex.KeywordDirectoryName)));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('documents', 'chunks', 'keyword_log', 'kb_meta')";
        Assert.Equal(4L, (long)(await command.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task Dense_search_sees_documents_written_by_another_instance()
    {
        var embedder = new Fakes.DeterministicEmbeddingGenerator();
        await Index.UpsertAsync(Indexed(Doc("1", DocumentType.Mitteilung, "Radweg", "Radweg Hondelage")), Ct);
        Assert.Single(await Index.DenseSearchAsync(embedder.Embed("Radweg"), SearchFilter.PublicOnly, 10, Ct));

        var writer = (SqliteKnowledgeIndex)await OpenSameStoreAsync(Ct);
        await writer.UpsertAsync(Indexed(Doc("2", DocumentType.Mitteilung, "Radweg", "Radweg Waggum")), Ct);

        Assert.Equal(2, (await Index.DenseSearchAsync(embedder.Embed("Radweg"), SearchFilter.PublicOnly, 10, Ct)).Count);
    }

    [Fact]
    public async Task Integrity_check_is_clean_after_replacements_and_deletes()
    {
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                await Index.UpsertAsync(Indexed(Doc($"d{i}", DocumentType.Mitteilung, "T", string.Join("\n\n", Enumerable.Repeat($"Absatz {round} über Straßen und Wege in Runde {round}.", i + 1)))), Ct);
            }

            await Index.DeleteAsync($"d{round}", Ct);
        }

        var index = (SqliteKnowledgeIndex)Index;
        Assert.Empty(await index.CheckIntegrityAsync(Ct));
    }

    [Fact]
    public async Task Dense_search_with_a_vector_of_another_dimension_is_a_mismatch()
    {
        await Index.UpsertAsync(Indexed(Doc("1", DocumentType.Mitteilung, "T", "Text")), Ct);
        await Assert.ThrowsAsync<IndexMismatchException>(() => Index.DenseSearchAsync(new float[384], SearchFilter.PublicOnly, 5, Ct));
    }

    private SqliteKnowledgeIndex Open()
    {
        var index = new SqliteKnowledgeIndex(DatabasePath, new GermanTextAnalyzer());
        _opened.Add(index);
        return index;
    }
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Qdrant;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli.Commands;

public sealed class MigrateCommandTests : IDisposable
{
    private static readonly EmbeddingModelInfo Model = new("test-model", 3);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("anfragen-migrate-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Migrate_without_a_target_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync("migrate");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--to", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_to_an_unknown_target_is_a_usage_error()
    {
        var (exitCode, _, _) = await RunAsync("migrate", "--to", "elasticsearch");

        Assert.Equal(ExitCodes.UsageError, exitCode);
    }

    [Fact]
    public async Task Migrate_without_an_embedded_index_names_the_missing_database()
    {
        var (exitCode, _, error) = await RunAsync("migrate", "--to", "qdrant", "--data-dir", _dataDirectory);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains(SqliteKnowledgeIndex.DatabaseFileName, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_to_an_unreachable_server_reports_the_address_without_a_stack_trace()
    {
        await CreateEmbeddedIndexAsync();

        var (exitCode, _, error) = await RunAsync("migrate", "--to", "qdrant", "--qdrant-url", "http://127.0.0.1:9", "--data-dir", _dataDirectory);

        Assert.Equal(ExitCodes.SystemError, exitCode);
        Assert.Contains("http://127.0.0.1:9", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_command_with_index_qdrant_reports_an_unreachable_server_by_address()
    {
        // The whole wiring: --index qdrant → AddKnowledgeBase switch → AddQdrantIndex → initializer → clear error.
        var (exitCode, _, error) = await RunAsync("--index", "qdrant", "--qdrant-url", "http://127.0.0.1:9", "search", "Radweg", "--data-dir", _dataDirectory);

        Assert.Equal(ExitCodes.SystemError, exitCode);
        Assert.Contains("Qdrant unter http://127.0.0.1:9 ist nicht erreichbar", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Migrate_copies_documents_chunks_and_vectors_into_Qdrant()
    {
        var url = Environment.GetEnvironmentVariable("ANFRAGEN_QDRANT_URL");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(url), "ANFRAGEN_QDRANT_URL ist nicht gesetzt: kein Qdrant-Server für den Migrationstest.");
        await CreateEmbeddedIndexAsync();
        var collection = $"anfragen-migrate-{Guid.NewGuid():N}";
        var options = new QdrantOptions { Url = url!, ApiKey = Environment.GetEnvironmentVariable("ANFRAGEN_QDRANT_API_KEY"), Collection = collection };
        using var target = new QdrantKnowledgeIndex(Options.Create(options), new GermanTextAnalyzer(), NullLoggerFactory.Instance);
        try
        {
            var (exitCode, output, error) = await RunAsync("migrate", "--to", "qdrant", "--qdrant-url", url!, "--collection", collection, "--data-dir", _dataDirectory);
            Assert.True(exitCode == ExitCodes.Success, error);
            Assert.Contains("2 Dokumente mit 3 Abschnitten übertragen", output, StringComparison.Ordinal);

            await target.InitializeAsync(Model, TestContext.Current.CancellationToken);
            var statistics = await target.GetStatisticsAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new IndexStatistics(2, 3, Model), statistics);
            var hit = Assert.Single(await target.DenseSearchAsync(new float[] { 0, 0, 1 }, SearchFilter.PublicOnly, 1, TestContext.Current.CancellationToken));
            Assert.Equal("25-00002#0", hit.Chunk.ChunkId);

            // A second run finds everything unchanged.
            var (_, again, _) = await RunAsync("migrate", "--to", "qdrant", "--qdrant-url", url!, "--collection", collection, "--data-dir", _dataDirectory);
            Assert.Contains("2 unverändert übersprungen", again, StringComparison.Ordinal);
        }
        finally
        {
            await target.DeleteCollectionAsync(CancellationToken.None);
        }
    }

    private async Task CreateEmbeddedIndexAsync()
    {
        using var index = new SqliteKnowledgeIndex(Path.Combine(_dataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        await index.InitializeAsync(Model, TestContext.Current.CancellationToken);
        await index.UpsertAsync(Document("25-00001", "Radwege in der Innenstadt", [1, 0, 0], [0, 1, 0]), TestContext.Current.CancellationToken);
        await index.UpsertAsync(Document("25-00002", "Spielplätze im Norden", [0, 0, 1]), TestContext.Current.CancellationToken);
    }

    private static IndexedDocument Document(string id, string title, params float[][] vectors)
    {
        var chunks = vectors.Select((_, i) => new Chunk
        {
            ChunkId = Chunk.MakeId(id, i),
            DocumentId = id,
            Ordinal = i,
            DocumentType = DocumentType.Anfrage,
            Title = title,
            Date = new DateOnly(2025, 1, 10),
            Text = $"{title}, Abschnitt {i}",
        }).ToList();
        var document = new StoredDocument { Id = id, Type = DocumentType.Anfrage, Title = title, Date = new DateOnly(2025, 1, 10), ContentHash = "hash-" + id, ChunkCount = chunks.Count };
        return new IndexedDocument(document, chunks, [.. vectors.Select(v => new ReadOnlyMemory<float>(v))]);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var overrides = new Dictionary<string, string?> { ["Anfragen:Qdrant:MaxRetries"] = "0" };
        var exitCode = await CliApplication.RunAsync(args, output, error, overrides, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}

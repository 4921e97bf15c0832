using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Fakes;

/// <summary>A temporary directory with a real SQLite index, the deterministic embedder and the pipeline around them.</summary>
public sealed class TestKnowledgeBase : IDisposable
{
    /// <param name="chunking">Chunk sizes; the default ones when null.</param>
    /// <param name="limits">Input limits for the readers and the chunker's caps; the defaults when null.</param>
    public TestKnowledgeBase(ChunkingOptions? chunking = null, IngestionLimits? limits = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "anfragen-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Generator = new DeterministicEmbeddingGenerator();
        Embeddings = new EmbeddingService(Generator, Options.Create(new EmbeddingsOptions { Provider = EmbeddingProvider.OpenAICompatible, Model = Generator.ModelId, Endpoint = "http://unused", BatchSize = 8 }));
        Index = new SqliteKnowledgeIndex(Path.Combine(Directory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        Initializer = new KnowledgeIndexInitializer(Index, Embeddings);
        var assistant = Options.Create(new AssistantOptions { DataDirectory = Directory, MaxFileBytes = 64 * 1024, Ingestion = limits ?? new IngestionLimits() });
        if (limits is not null)
        {
            chunking = (chunking ?? ChunkingOptions.Default) with { MaxTextChars = limits.MaxTextChars, MaxChunks = limits.MaxChunksPerDocument };
        }

        var reader = new DocumentTextReader(assistant);
        Loader = new DocumentLoader(reader, new InquiryParser(reader), assistant);
        AppState = new AppStateDatabase(assistant);
        Audit = new AuditLog(AppState, TimeProvider.System);
        Versions = new DocumentVersionLog(AppState, Audit, TimeProvider.System);
        Pipeline = new IngestionPipeline(Loader, new DocumentChunker(chunking), Embeddings, Index, Initializer, Versions, TimeProvider.System, NullLogger<IngestionPipeline>.Instance);
        Retriever = new HybridRetriever(Index, Embeddings, Initializer, Options.Create(new RetrievalOptions()));
    }

    public string Directory { get; }

    public DeterministicEmbeddingGenerator Generator { get; }

    public EmbeddingService Embeddings { get; }

    public SqliteKnowledgeIndex Index { get; }

    public KnowledgeIndexInitializer Initializer { get; }

    public DocumentLoader Loader { get; }

    /// <summary>The app state beside the index (same data directory): version records and audit log of replacements.</summary>
    public AppStateDatabase AppState { get; }

    public AuditLog Audit { get; }

    public DocumentVersionLog Versions { get; }

    public IngestionPipeline Pipeline { get; }

    public HybridRetriever Retriever { get; }

    public void Dispose()
    {
        Initializer.Dispose();
        AppState.Dispose();
        Embeddings.Dispose();
        Index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

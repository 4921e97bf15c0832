using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Web.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Anfragen.Assistant.Web.Infrastructure;

/// <summary>
/// The real app with its own temporary data directory (real SQLite), the deterministic embedder, and the repository's
/// sample archive (data/corpus.jsonl, with the two nichtöffentlich canary documents) ingested once before the tests.
/// No language model is configured, so drafts and chat are extractive.
/// </summary>
public class AnfragenWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDataDirectory;

    public AnfragenWebFactory()
        : this(Path.Combine(Path.GetTempPath(), "anfragen-web-tests", Guid.NewGuid().ToString("N")), ownsDataDirectory: true)
    {
    }

    /// <summary>An app on <paramref name="dataDirectory"/>; unless it owns it, disposing leaves the directory for the next instance.</summary>
    protected AnfragenWebFactory(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string DataDirectory { get; }

    public IngestionReport? Ingested { get; private set; }

    /// <summary>False: the deterministic hash embedder (fast, hermetic). True: the shipped MiniLM model, for measuring.</summary>
    protected virtual bool UseRealEmbedder => false;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        StartServer();
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        Ingested = await pipeline.IngestPathsAsync([Path.Combine(RepositoryPaths.Data, "corpus.jsonl")], null, TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Anfragen:DataDirectory", DataDirectory);
        builder.UseSetting("Anfragen:Web:IngestSampleDataOnEmptyIndex", "false");
        builder.UseSetting("Anfragen:Authentication:Mode", "Development");
        builder.UseSetting("Anfragen:Llm:Provider", "None");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Anfragen:Web:DraftRequestsPerMinute", "1000");
        builder.UseSetting("Anfragen:Web:ChatRequestsPerMinute", "1000");
        builder.UseSetting("Anfragen:Web:SignInRequestsPerMinute", "10000");
        builder.UseSetting("Anfragen:Web:UploadRequestsPerMinute", "1000");
        builder.ConfigureTestServices(services =>
        {
            if (UseRealEmbedder)
            {
                return;
            }

            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, HashEmbeddingGenerator>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS cache; the temp folder is cleaned up by the system.
        }
    }

    /// <summary>A second app instance on an existing data directory, as after a restart; it ingests nothing and deletes nothing.</summary>
    public sealed class OnDataDirectory(string dataDirectory) : AnfragenWebFactory(dataDirectory, ownsDataDirectory: false);
}

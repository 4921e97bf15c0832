using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The real service graph (AddAnfragenAssistant) over a SQLite index in a temp directory holding <see cref="DraftingArchive"/>,
/// with the deterministic embedder, and optionally a model at a scripted server.
/// </summary>
internal sealed class DraftingHost : IAsyncDisposable
{
    private readonly string _directory;

    private DraftingHost(IHost host, string directory)
    {
        Host = host;
        _directory = directory;
    }

    public IHost Host { get; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<DraftingHost> StartAsync(ScriptedOpenAiServer? server, CancellationToken cancellationToken, Action<Dictionary<string, string?>>? configure = null, IReadOnlyList<string>? ingestPaths = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "anfragen-drafting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Anfragen:DataDirectory"] = directory,
            ["Anfragen:Llm:Provider"] = server is null ? "None" : "OpenAICompatible",
            ["Anfragen:Llm:Endpoint"] = server?.BaseUrl.ToString(),
            ["Anfragen:Llm:Model"] = server is null ? null : "scripted-model",
            ["Anfragen:Llm:MaxRetries"] = "1",
        };
        configure?.Invoke(settings);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new TermHashEmbeddingGenerator());
        builder.AddAnfragenAssistant();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        if (ingestPaths is null)
        {
            await pipeline.IngestDocumentsAsync(DraftingArchive.Documents, ct: cancellationToken);
        }
        else
        {
            var report = await pipeline.IngestPathsAsync(ingestPaths, ct: cancellationToken);
            Assert.Empty(report.Errors);
        }

        return new DraftingHost(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp directory is cleaned up by the OS.
        }
    }
}

using Anfragen.Assistant.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>The real service graph (AddAnfragenAssistant) over a SQLite index in a temp directory, with short OParl timeouts and backoff.</summary>
internal sealed class OParlImportHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OParlImportHost(IHost host, string directory)
    {
        _host = host;
        Directory = directory;
    }

    public string Directory { get; }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static OParlImportHost Create(Action<Dictionary<string, string?>>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "anfragen-oparl-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Anfragen:DataDirectory"] = directory,
            ["Anfragen:OParl:RequestTimeoutSeconds"] = "2",
            ["Anfragen:OParl:RetryDelaySeconds"] = "0.05",
            ["Anfragen:OParl:MaxRetries"] = "3",
            ["Anfragen:OParl:PageSize"] = "4",
        };
        configure?.Invoke(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new TermHashEmbeddingGenerator());
        builder.AddAnfragenAssistant();
        return new OParlImportHost(builder.Build(), directory);
    }

    public Task<OParlSyncReport> SyncAsync(OParlTestServer server, CancellationToken cancellationToken, DateTimeOffset? since = null) =>
        Get<OParlSynchronizer>().SyncAsync(new OParlSyncRequest(server.Site.SystemUrl, null, since), null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

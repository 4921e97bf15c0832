using Anfragen.Assistant.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Anfragen.Assistant.Cli;

/// <summary>
/// What every command needs: the output writers (captured in tests) and a way to build the service host
/// once the global options (--data-dir, --index, --qdrant-url) are known.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? configurationOverrides = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A Spectre console writing to <see cref="Output"/>; plain text when output is redirected.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Builds the host with configuration from appsettings/environment, then the global options on top.</summary>
    public IHost BuildHost(ParseResultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A request that fails after its retries is reported with its URL; a warning (with stack trace) per retry would bury the progress bar.
        builder.Logging.AddFilter("Polly", LogLevel.Error);

        // Likewise a retry of a transient Qdrant failure: either a later attempt succeeds, or the command ends with one
        // German line naming the address (a server that is down printed 56 lines of traces first).
        builder.Logging.AddFilter("Anfragen.Assistant.Storage.Qdrant", LogLevel.Error);

        var overrides = new Dictionary<string, string?>(configurationOverrides ?? new Dictionary<string, string?>());
        if (settings.DataDirectory is not null)
        {
            overrides[$"{AssistantOptions.SectionName}:{nameof(AssistantOptions.DataDirectory)}"] = settings.DataDirectory;
        }

        if (settings.Index is not null)
        {
            overrides[$"{IndexOptions.SectionName}:{nameof(IndexOptions.Provider)}"] = settings.Index;
        }

        if (settings.QdrantUrl is not null)
        {
            overrides["Anfragen:Qdrant:Url"] = settings.QdrantUrl;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddAnfragenAssistant();
        return builder.Build();
    }

    /// <summary>Resolves a service from a freshly built host; the caller disposes the host.</summary>
    public static T Get<T>(IHost host)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<T>();
    }
}

/// <summary>The global options every command accepts.</summary>
public sealed record ParseResultSettings(string? DataDirectory, string? Index, string? QdrantUrl);

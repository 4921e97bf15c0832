using System.CommandLine;
using Anfragen.Assistant.Cli.Commands;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli;

/// <summary>Builds the command tree and runs it; used by Program.cs and, with captured writers, by the tests.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? configurationOverrides = null,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, configurationOverrides);
        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (DocumentReadException ex)
        {
            await error.WriteLineAsync($"Fehler: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync($"Fehler: {ex.FileName ?? ex.Message}: Datei nicht gefunden");
            return ExitCodes.InputError;
        }
        catch (DirectoryNotFoundException ex)
        {
            await error.WriteLineAsync($"Fehler: Verzeichnis nicht gefunden ({ex.Message})");
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IndexMismatchException or IndexUnavailableException or Drafting.LanguageModelException
            or HttpRequestException or System.ClientModel.ClientResultException or AggregateException or NotSupportedException or IOException)
        {
            // Failures outside the user's input, reported plainly (System.CommandLine's default handler is off so the typed
            // mappings above run): no stack trace.
            await error.WriteLineAsync($"Fehler: {ex.Message}");
            return ExitCodes.SystemError;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Konfigurationsfehler: {ex.Message}");
            return ExitCodes.SystemError;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: System.CommandLine cancels the token and waits (ProcessTerminationTimeout) for this.
            await error.WriteLineAsync("Abgebrochen (Strg+C oder SIGTERM); bereits Gespeichertes bleibt erhalten.");
            return ExitCodes.Interrupted;
        }
    }

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("anfragen – Anfragen.Assistant: Anfragen parsen, Archiv indexieren und durchsuchen, Antworten entwerfen");
        root.Options.Add(GlobalOptions.DataDirectory);
        root.Options.Add(GlobalOptions.Index);
        root.Options.Add(GlobalOptions.QdrantUrl);
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // One line per verb; each verb lives in Commands/<Verb>Command.cs.
    private static IEnumerable<Command> Commands(CliContext context)
    {
        yield return ParseCommand.Create(context);
        yield return IngestCommand.Create(context);
        yield return ImportCommand.Create(context);
        yield return SampleOParlCommand.Create(context);
        yield return SearchCommand.Create(context);
        yield return EvalCommand.Create(context);
        yield return BenchCommand.Create(context);
        yield return DraftCommand.Create(context);
        yield return AskCommand.Create(context);
        yield return MigrateCommand.Create(context);
    }
}

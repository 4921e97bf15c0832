using System.Diagnostics;
using System.Runtime.InteropServices;
using Anfragen.Assistant.Cli.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage.Sqlite;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// The real `anfragen` process stopped by a signal, and a server that is down: each ends in one German line and a
/// documented exit code, never a stack trace.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private const int DocumentCount = 40;
    private readonly CliTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sigterm_during_embedding_ends_with_one_line_and_exit_130_and_keeps_the_committed_documents()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM gibt es nur unter Unix.");
        var ct = TestContext.Current.CancellationToken;
        using var server = new FakeEmbeddingServer { HoldAfter = 6 };
        var corpus = SampleCorpus.Write(_dir.Path, extraDocuments: DocumentCount - 4);
        using var child = Start(server.Configuration(), "ingest", corpus, "--data-dir", _dir.DataDirectory);
        var stdout = child.StandardOutput.ReadToEndAsync(ct);
        var stderr = child.StandardError.ReadToEndAsync(ct);

        // The 7th embedding request is held: the child is certainly mid-embedding, with earlier documents committed.
        var waited = Stopwatch.StartNew();
        while (server.Requests < 7 && !child.HasExited && waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20, ct);
        }

        await Task.Delay(500, ct); // the batch before the held one finishes writing
        if (child.HasExited)
        {
            Assert.Fail($"the child finished before the signal ({child.ExitCode}): {await stderr}");
        }

        Assert.True(Signals.Kill(child.Id, Signals.SigTerm) == 0, $"kill({child.Id}, SIGTERM) failed: {Marshal.GetLastPInvokeError()}");

        await child.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        var error = await stderr;
        await stdout;

        Assert.Equal(ExitCodes.Interrupted, child.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Abgebrochen", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);

        using var index = new SqliteKnowledgeIndex(Path.Combine(_dir.DataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        Assert.Empty(await index.CheckIntegrityAsync(ct));
        var stored = (await index.GetStatisticsAsync(ct)).Documents;
        Assert.InRange(stored, 1, DocumentCount - 1);
        Assert.Contains($" {stored} von {DocumentCount} Dokumenten", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_to_a_server_that_is_down_prints_one_line_even_while_retrying()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = new FakeEmbeddingServer();
        var corpus = SampleCorpus.Write(_dir.Path);
        var configuration = server.Configuration();
        var ingest = await CliTestDirectory.RunAsync(configuration, "ingest", corpus, "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, ingest.Exit);

        // Retries stay on (as in production), only shortened: each one used to log a warning with a stack trace.
        configuration["Anfragen:Qdrant:MaxRetries"] = "3";
        configuration["Anfragen:Qdrant:RetryBaseDelay"] = "00:00:00.010";
        using var child = Start(configuration, "migrate", "--to", "qdrant", "--qdrant-url", "http://127.0.0.1:9", "--data-dir", _dir.DataDirectory);
        var output = await child.StandardOutput.ReadToEndAsync(ct) + await child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);

        Assert.Equal(ExitCodes.SystemError, child.ExitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Qdrant unter http://127.0.0.1:9 ist nicht erreichbar", line, StringComparison.Ordinal);
    }

    private static class Signals
    {
        public const int SigTerm = 15;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }

    private static Process Start(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "anfragen.dll");
        Assert.True(File.Exists(cli), $"CLI not found at {cli}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start)!;
    }
}

using System.Diagnostics;
using Anfragen.Assistant.Cli.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage.Sqlite;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// Kills a real `anfragen ingest` child process after its first documents are committed, checks the index is
/// consistent, re-runs it to completion and compares with the expected content.
/// </summary>
public sealed class CrashConsistencyTests : IDisposable
{
    private const int DocumentCount = 40;
    private readonly CliTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_killed_ingest_leaves_a_consistent_index_and_a_rerun_completes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = new FakeEmbeddingServer { HoldAfter = 6 };
        var corpus = SampleCorpus.Write(_dir.Path, extraDocuments: DocumentCount - 4);

        int requestsAtKill;
        using (var child = StartIngest(server, corpus))
        {
            // Batches of 4 chunks: after 6 answered requests several documents are committed; the 7th request is held
            // unanswered, so the child is certainly mid-batch when it is killed.
            var deadline = Stopwatch.StartNew();
            while (server.Requests < 7 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(20, ct);
            }

            if (child.HasExited)
            {
                Assert.Fail("the child finished before it could be killed: " + await child.StandardError.ReadToEndAsync(ct));
            }

            requestsAtKill = server.Requests;
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(ct);
        }

        var partial = await InspectAsync(ct);
        Assert.True(partial.Problems.Count == 0, "after the kill: " + string.Join("; ", partial.Problems));
        Assert.True(partial.Documents is >= 1 and < DocumentCount, $"{partial.Documents} documents after the kill at request {requestsAtKill}");

        server.Release();
        using (var rerun = StartIngest(server, corpus))
        {
            var stdout = await rerun.StandardOutput.ReadToEndAsync(ct);
            await rerun.WaitForExitAsync(ct);
            Assert.True(rerun.ExitCode == 0, stdout + await rerun.StandardError.ReadToEndAsync(ct));
            Assert.Contains($"Übersprungen (unverändert): {partial.Documents}", stdout, StringComparison.Ordinal);
        }

        var complete = await InspectAsync(ct);
        Assert.True(complete.Problems.Count == 0, "after the re-run: " + string.Join("; ", complete.Problems));
        Assert.Equal(DocumentCount, complete.Documents);

        // Same content as one uninterrupted run into a fresh directory.
        var fresh = Path.Combine(_dir.Path, "fresh");
        using (var clean = StartIngest(server, corpus, fresh))
        {
            await clean.WaitForExitAsync(ct);
            Assert.Equal(0, clean.ExitCode);
        }

        Assert.Equal(await ChunkIdsAsync(fresh, ct), await ChunkIdsAsync(_dir.DataDirectory, ct));
    }

    private async Task<(long Documents, IReadOnlyList<string> Problems)> InspectAsync(CancellationToken ct)
    {
        using var index = new SqliteKnowledgeIndex(Path.Combine(_dir.DataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        var problems = await index.CheckIntegrityAsync(ct);
        var stats = await index.GetStatisticsAsync(ct);
        return (stats.Documents, problems);
    }

    private static async Task<List<string>> ChunkIdsAsync(string dataDirectory, CancellationToken ct)
    {
        using var index = new SqliteKnowledgeIndex(Path.Combine(dataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        var ids = new List<string>();
        await foreach (var document in index.ExportAsync(ct))
        {
            ids.AddRange(document.Chunks.Select(c => c.ChunkId + "|" + c.Text.GetHashCode(StringComparison.Ordinal)));
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private Process StartIngest(FakeEmbeddingServer server, string corpus, string? dataDirectory = null)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "anfragen.dll");
        Assert.True(File.Exists(cli), $"CLI not found at {cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "ingest", corpus, "--data-dir", dataDirectory ?? _dir.DataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in server.Configuration())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start)!;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Anfragen.Assistant.Cli.Fakes;
using Anfragen.Assistant.Ingestion.OParl.Sample;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary><c>anfragen import oparl</c> in-process against an OParl sample server on 127.0.0.1 and a real SQLite index.</summary>
public sealed class ImportOParlCommandTests : IAsyncDisposable
{
    private readonly CliTestDirectory _dir = new();
    private readonly FakeEmbeddingServer _embeddings = new();
    private readonly OParlSampleServer _oparl = OParlSampleServer.Start();

    public async ValueTask DisposeAsync()
    {
        await _oparl.DisposeAsync();
        _embeddings.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Import_prints_the_counts_and_a_second_run_downloads_nothing()
    {
        var site = _oparl.Site;
        site.AddPaper("26-50001", "Schulwegsicherheit Lindenschule", "Anfrage", new DateOnly(2026, 3, 1), site.TextFile("Anfrage", "Wir fragen die Verwaltung:\n\n1. Wann kommt der Zebrastreifen vor der Lindenschule?\n"));
        site.AddPaper("26-50001-01", "Schulwegsicherheit Lindenschule", "Stellungnahme der Verwaltung", new DateOnly(2026, 3, 20), site.TextFile("Stellungnahme", "Zu Frage 1:\nDer Zebrastreifen wird in den Osterferien markiert."));
        site.AddPaper("26-50002", "Winterdienst auf Radwegen", "Mitteilung", null, site.TextFile("Mitteilung", "Die Radwege werden ab sofort vorrangig geräumt."));

        var first = await Run("import", "oparl", site.SystemUrl, "--data-dir", _dir.DataDirectory);
        var second = await Run("import", "oparl", site.SystemUrl, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, first.Exit);
        Assert.Matches(@"aufgenommen \(neu/geändert\)\s*│\s*3", first.Output);
        Assert.Matches(@"Dateien geladen\s*│\s*3", first.Output);
        Assert.Equal(ExitCodes.Success, second.Exit);
        Assert.Matches(@"unverändert\s*│\s*3", second.Output);
        Assert.Matches(@"Dateien geladen\s*│\s*0", second.Output);
        var search = await Run("search", "Zebrastreifen Lindenschule", "--json", "--mode", "keyword", "--data-dir", _dir.DataDirectory);
        Assert.Contains("26-50001-01", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_reported_by_url_and_exits_with_input_error()
    {
        var site = _oparl.Site;
        site.AddPaper("26-50010", "Kaputte Vorlage", "Beschlussvorlage", null, site.File("Vorlage", "vorlage.pdf", "application/pdf", Encoding.ASCII.GetBytes("kein PDF")));
        site.AddPaper("26-50011", "Heile Mitteilung", "Mitteilung", null, site.TextFile("Mitteilung", "Die Mitteilung ist lesbar."));

        var result = await Run("import", "oparl", site.SystemUrl, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains("/file/1/access", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"aufgenommen \(neu/geändert\)\s*│\s*1", result.Output);
    }

    [Fact]
    public async Task A_bad_url_is_a_usage_error_and_an_unreachable_server_a_failure_outside_the_input()
    {
        var bad = await Run("import", "oparl", "ratsinfo.lindenau.example", "--data-dir", _dir.DataDirectory);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var unreachable = await Run("import", "oparl", $"http://127.0.0.1:{port}/oparl/system", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.UsageError, bad.Exit);
        Assert.Contains("keine http(s)-Adresse", bad.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.SystemError, unreachable.Exit);
        Assert.Contains("nicht erreichbar", unreachable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_body_is_bad_input_and_the_message_lists_the_bodies()
    {
        var result = await Run("import", "oparl", _oparl.Site.SystemUrl, "--body", "Kreistag", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains("Kreistag", result.Error, StringComparison.Ordinal);
        Assert.Contains(_oparl.Site.BodyUrl, result.Error, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var configuration = new Dictionary<string, string?>(_embeddings.Configuration())
        {
            ["Anfragen:OParl:RetryDelaySeconds"] = "0.05",
            ["Anfragen:OParl:MaxRetries"] = "1",
        };
        return CliTestDirectory.RunAsync(configuration, args);
    }
}

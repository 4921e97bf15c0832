namespace Anfragen.Assistant.Cli.Commands;

/// <summary>The default configuration end to end: the bundled all-MiniLM-L6-v2 model, no key, tiny input.</summary>
public sealed class LocalModelSmokeTests : IDisposable
{
    private readonly CliTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_and_dense_search_work_with_the_bundled_local_model()
    {
        var corpus = Fakes.SampleCorpus.Write(_dir.Path);
        var none = new Dictionary<string, string?>();

        var ingest = await CliTestDirectory.RunAsync(none, "ingest", corpus, "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, ingest.Exit);

        var search = await CliTestDirectory.RunAsync(none, "search", "Schulhöfe Spielflächen", "--mode", "dense", "--json", "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, search.Exit);
        Assert.Contains("\"documentId\":\"24-20002\"", search.Output, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>draft and ask through the real command line, host, SQLite index and local embedder, without a model.</summary>
[Collection(nameof(DraftAndAskCommandTests))]
[CollectionDefinition(nameof(DraftAndAskCommandTests), DisableParallelization = true)]
public sealed class DraftAndAskCommandTests : IAsyncLifetime
{
    private const string Corpus = """
        {"id":"24-11001-01","type":"Stellungnahme","title":"Beleuchtung am Ringgleis","date":"02.04.2024","visibility":"öffentlich","text":"Zu Frage 1: Die Beleuchtung des Ringgleises wird im Jahr 2026 mit insektenfreundlichen LED-Leuchten ergänzt.\n\nZu Frage 2: Die Kosten betragen rund 480.000 Euro."}
        {"id":"23-12003-01","type":"Stellungnahme","title":"Winterdienst auf Radwegen","date":"05.12.2023","visibility":"öffentlich","text":"Zu Frage 1: Radwege an Hauptverkehrsstraßen werden beim Winterdienst vorrangig geräumt."}
        {"id":"24-90002-01","type":"Stellungnahme","title":"Grundstücksankauf am Ringgleis","date":"06.06.2024","visibility":"nichtöffentlich","text":"Zu Frage 1: Für die Beleuchtung des Ringgleises wird ein Grundstück angekauft; Kennung KANARIENVOGEL-3M8X-GRUNDSTUECK."}
        """;

    private const string Inquiry = """
        Betreff: Beleuchtung am Ringgleis

        Datum: 15.04.2026

        Sachverhalt: Das Ringgleis ist abends dunkel (vgl. Ds. 25-26577).

        Daher fragen wir:
        1. Wann wird die Beleuchtung des Ringgleises ergänzt?
        2. Welche Kosten entstehen für die Beleuchtung?
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anfragen-cli-draft-" + Guid.NewGuid().ToString("N"));

    private string DataDirectory => Path.Combine(_directory, "data");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "corpus.jsonl"), Corpus);
        await File.WriteAllTextAsync(Path.Combine(_directory, "anfrage.txt"), Inquiry);
        var (code, _, error) = await RunAsync("ingest", Path.Combine(_directory, "corpus.jsonl"), "--data-dir", DataDirectory);
        Assert.True(code == ExitCodes.Success, error);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Draft_json_has_the_documented_shape_with_extractive_answers_and_citations()
    {
        var (code, output, error) = await RunAsync("draft", Path.Combine(_directory, "anfrage.txt"), "--json", "--data-dir", DataDirectory);

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var inquiry = json.RootElement.GetProperty("inquiry");
        Assert.Equal("Beleuchtung am Ringgleis", inquiry.GetProperty("subject").GetString());
        Assert.Equal("2026-04-15", inquiry.GetProperty("date").GetString());
        Assert.Equal(["25-26577"], inquiry.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        var answers = json.RootElement.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal([1, 2], answers.Select(a => a.GetProperty("number").GetInt32()));
        var first = answers[0];
        Assert.Equal("extractive", first.GetProperty("mode").GetString());
        // The draft is the answer text alone (no "Zu Frage 1:" heading); how it came about is the note beside it.
        Assert.StartsWith("Die Beleuchtung des Ringgleises", first.GetProperty("draft").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Vorschlag aus früheren Stellungnahmen", first.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("Wann wird die Beleuchtung des Ringgleises ergänzt?", first.GetProperty("question").GetString());
        var citation = first.GetProperty("citations").EnumerateArray().First();
        Assert.Equal("[1]", citation.GetProperty("marker").GetString());
        Assert.Equal("24-11001-01", citation.GetProperty("documentId").GetString());
        Assert.StartsWith("24-11001-01#", citation.GetProperty("chunkId").GetString(), StringComparison.Ordinal);
        Assert.Equal("Beleuchtung am Ringgleis", citation.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("invalidCitations").ValueKind);
        Assert.Equal(0, first.GetProperty("promptTokens").GetInt32());
        Assert.Equal(0, first.GetProperty("completionTokens").GetInt32());
        Assert.True(first.GetProperty("elapsedMs").GetInt64() >= 0);
        Assert.True(first.TryGetProperty("model", out _));
        Assert.DoesNotContain("KANARIENVOGEL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_of_a_nichtoeffentlich_inquiry_with_include_nonpublic_may_use_nichtoeffentlich_answers()
    {
        var (code, output, error) = await RunAsync("draft", Path.Combine(_directory, "anfrage.txt"), "--json", "--include-nonpublic", "--visibility", "nichtöffentlich", "--data-dir", DataDirectory);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("KANARIENVOGEL-3M8X-GRUNDSTUECK", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beratungsfolge:\tSitzungstermin\tStatus\nBauausschuss (zur Beantwortung)\t30.04.2026\tÖ\n\n", null)]
    [InlineData("", null)]
    [InlineData("", "öffentlich")]
    public async Task Draft_of_a_public_or_unmarked_inquiry_uses_public_sources_only_even_with_include_nonpublic(string status, string? visibility)
    {
        var path = Path.Combine(_directory, "oeffentlich.txt");
        await File.WriteAllTextAsync(path, Inquiry.Replace("Sachverhalt:", status + "Sachverhalt:", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        string[] args = visibility is null
            ? ["draft", path, "--json", "--include-nonpublic", "--data-dir", DataDirectory]
            : ["draft", path, "--json", "--include-nonpublic", "--visibility", visibility, "--data-dir", DataDirectory];

        var (code, output, error) = await RunAsync(args);

        Assert.True(code == ExitCodes.Success, error);
        Assert.DoesNotContain("KANARIENVOGEL", output, StringComparison.Ordinal);
        Assert.Contains("nur auf öffentliche Quellen", error, StringComparison.Ordinal);
        Assert.Contains("24-11001-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_of_a_file_without_questions_is_an_input_error()
    {
        var path = Path.Combine(_directory, "leer.txt");
        await File.WriteAllTextAsync(path, "Betreff: Nichts\n\nNur Text ohne Fragen.", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync("draft", path, "--data-dir", DataDirectory);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("leer.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_without_json_shows_each_question_its_draft_and_sources()
    {
        var (code, output, error) = await RunAsync("draft", Path.Combine(_directory, "anfrage.txt"), "--data-dir", DataDirectory);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Frage 1 · extractive", output, StringComparison.Ordinal);
        Assert.Contains("Vorschlag aus früheren Stellungnahmen", output, StringComparison.Ordinal);
        Assert.Contains("24-11001-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_returns_the_answer_with_its_sources()
    {
        var (code, output, error) = await RunAsync("ask", "Welche Radwege werden beim Winterdienst vorrangig geräumt?", "--json", "--data-dir", DataDirectory);

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        Assert.Equal("Welche Radwege werden beim Winterdienst vorrangig geräumt?", root.GetProperty("question").GetString());
        Assert.Contains(root.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentId").GetString() == "23-12003-01");
        Assert.Contains("vorrangig geräumt", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_without_json_prints_the_answer_and_a_sources_table()
    {
        var (code, output, error) = await RunAsync("ask", "Welche Radwege werden beim Winterdienst vorrangig geräumt?", "--data-dir", DataDirectory);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("vorrangig geräumt", output, StringComparison.Ordinal);
        Assert.Contains("23-12003-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_model_is_a_system_error_that_names_the_endpoint()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Anfragen:Llm:Provider"] = "OpenAICompatible",
            ["Anfragen:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Anfragen:Llm:Model"] = "nirgends",
            ["Anfragen:Llm:MaxRetries"] = "0",
        };

        var (code, _, error) = await RunAsync(overrides, "ask", "Welche Radwege werden geräumt?", "--data-dir", DataDirectory);

        Assert.Equal(ExitCodes.SystemError, code);
        Assert.Contains("Sprachmodell 'nirgends'", error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    private static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? overrides, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error, overrides, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

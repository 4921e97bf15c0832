using System.Text;
using System.Text.Json;

namespace Anfragen.Assistant.Cli.Commands;

public sealed class ParseCommandTests : IDisposable
{
    private const string Inquiry = """
        Betreff:
        Öffnungszeiten der Bürgerämter

        Empfänger:
        Stadt Musterstadt
        Der Oberbürgermeister

        Datum:
        03.03.2026

        Beratungsfolge:	Sitzungstermin	Status
        Ausschuss für Bürgerdienste (zur Beantwortung)	19.03.2026	Ö

        Sachverhalt:
        Die Bürgerämter schließen mittwochs früher (Ds. 25-30001).

        Wir fragen die Verwaltung:
        1. Warum wurden die Zeiten geändert?
        2. Wie viele Termine fallen dadurch weg?

        Anlage/n:
        keine
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anfragen-cli-" + Guid.NewGuid().ToString("N"));

    public ParseCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, cancellationToken: TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Json_output_has_exactly_the_documented_fields()
    {
        var path = Write("anfrage.txt", Inquiry);

        var (exitCode, output, error) = await RunAsync("parse", path, "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["file", "subject", "recipient", "date", "committee", "sessionDate", "visibility", "references", "questions"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Equal("Öffnungszeiten der Bürgerämter", root.GetProperty("subject").GetString());
        Assert.Equal("Stadt Musterstadt, Der Oberbürgermeister", root.GetProperty("recipient").GetString());
        Assert.Equal("2026-03-03", root.GetProperty("date").GetString());
        Assert.Equal("Ausschuss für Bürgerdienste", root.GetProperty("committee").GetString());
        Assert.Equal("2026-03-19", root.GetProperty("sessionDate").GetString());
        Assert.Equal("öffentlich", root.GetProperty("visibility").GetString());
        Assert.Equal(["25-30001"], root.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, questions.Count);
        Assert.Equal(1, questions[0].GetProperty("number").GetInt32());
        Assert.Equal("Warum wurden die Zeiten geändert?", questions[0].GetProperty("text").GetString());
        Assert.Equal(2, questions[1].GetProperty("number").GetInt32());
        Assert.Equal("Wie viele Termine fallen dadurch weg?", questions[1].GetProperty("text").GetString());

        // German text is written as is, not as \u escapes.
        Assert.Contains("Öffnungszeiten der Bürgerämter", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_writes_null_for_absent_fields_and_an_empty_reference_list()
    {
        var path = Write("knapp.md", "Daher fragen wir:\n\n1. Wie geht es weiter?\n");

        var (exitCode, output, _) = await RunAsync("parse", path, "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var name in new[] { "subject", "recipient", "date", "committee", "sessionDate", "visibility" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(name).ValueKind);
        }

        Assert.Equal(0, root.GetProperty("references").GetArrayLength());
        Assert.Equal(1, root.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task Readable_view_shows_metadata_and_numbered_questions()
    {
        var path = Write("anfrage.txt", Inquiry);

        var (exitCode, output, _) = await RunAsync("parse", path);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Öffnungszeiten der Bürgerämter", output, StringComparison.Ordinal);
        Assert.Contains("Ausschuss für Bürgerdienste", output, StringComparison.Ordinal);
        Assert.Contains("19.03.2026", output, StringComparison.Ordinal);
        Assert.Contains("2 Frage(n)", output, StringComparison.Ordinal);
        Assert.Contains("1. Warum wurden die Zeiten geändert?", output, StringComparison.Ordinal);
        Assert.Contains("2. Wie viele Termine fallen dadurch weg?", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leer.txt", "", "ist leer")]
    [InlineData("ohne-fragen.txt", "Betreff: Hinweis\n\nSachverhalt:\nDer Markt beginnt um 8 Uhr.", "keine Fragen gefunden")]
    [InlineData("tabelle.xlsx", "x", "wird nicht unterstützt")]
    [InlineData("kaputt.pdf", "%PDF-1.4 kein echtes pdf", "PDF")]
    [InlineData("kaputt.docx", "PK kein echtes docx", "Word")]
    public async Task Bad_input_exits_with_2_and_names_file_and_problem(string name, string content, string problem)
    {
        var path = Write(name, content);

        var (exitCode, output, error) = await RunAsync("parse", path, "--json");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_input_exits_with_2()
    {
        var path = Path.Combine(_directory, "bild.txt");
        await File.WriteAllBytesAsync(path, [0x00, 0x01, 0x02, 0xFF, 0x00], TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await RunAsync("parse", path);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("Binärdaten", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_with_2()
    {
        var path = Path.Combine(_directory, "fehlt.txt");

        var (exitCode, _, error) = await RunAsync("parse", path);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("fehlt.txt: Datei nicht gefunden", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_argument_is_a_usage_error()
    {
        var (exitCode, _, _) = await RunAsync("parse");

        Assert.Equal(ExitCodes.UsageError, exitCode);
    }
}

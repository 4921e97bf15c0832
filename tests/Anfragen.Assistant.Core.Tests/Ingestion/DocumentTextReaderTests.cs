using System.Text;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Microsoft.Extensions.Options;
using static Anfragen.Assistant.Ingestion.TestDocuments;

namespace Anfragen.Assistant.Ingestion;

public sealed class DocumentTextReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static DocumentTextReader CreateReader(long maxFileBytes = 50L * 1024 * 1024) =>
        new(Options.Create(new AssistantOptions { MaxFileBytes = maxFileBytes }));

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_utf8_with_and_without_byte_order_mark(bool bom)
    {
        var path = _temp.File("anfrage.txt");
        await File.WriteAllTextAsync(path, "Betreff: Grünflächen an der Oker\nÄrger über Straßenbäume", new UTF8Encoding(bom), Ct);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        Assert.Equal("Betreff: Grünflächen an der Oker\nÄrger über Straßenbäume", text);
    }

    [Fact]
    public async Task Reads_windows_1252_when_bytes_are_not_utf8()
    {
        var path = _temp.File("alt.txt");
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        await File.WriteAllBytesAsync(path, cp1252.GetBytes("Schließung der Bücherei – „Fragen“ zur Förderung"), Ct);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        Assert.Equal("Schließung der Bücherei – „Fragen“ zur Förderung", text);
    }

    [Fact]
    public async Task Refuses_binary_content_with_the_file_name()
    {
        var path = _temp.File("bild.txt");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03, 0x00, 0x10], Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Contains("bild.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("keine Textdatei (Binärdaten)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_control_character_soup_as_binary()
    {
        var path = _temp.File("steuer.md");
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Contains("Binärdaten", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leer.txt", "")]
    [InlineData("leer.md", "   \n\n\t  \n")]
    [InlineData("leer.html", "<html><head><style>p{}</style></head><body>  </body></html>")]
    public async Task Refuses_empty_or_whitespace_files(string name, string content)
    {
        var path = _temp.File(name);
        await File.WriteAllTextAsync(path, content, Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("ist leer", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_files_above_the_configured_size()
    {
        var path = _temp.File("gross.txt");
        await File.WriteAllTextAsync(path, new string('x', 2048), Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader(maxFileBytes: 1024).ReadTextAsync(path, Ct));

        Assert.Contains("zu groß", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_oversized_streams_that_cannot_tell_their_length()
    {
        await using var stream = new NonSeekableStream(new byte[4096]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader(maxFileBytes: 1024).ReadTextAsync(stream, "upload.txt", Ct));

        Assert.Contains("zu groß", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tabelle.xlsx")]
    [InlineData("alt.doc")]
    [InlineData("ohne-endung")]
    public async Task Refuses_unsupported_formats(string name)
    {
        var path = _temp.File(name);
        await File.WriteAllTextAsync(path, "Inhalt", Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Contains("wird nicht unterstützt", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_missing_file_by_name()
    {
        var path = _temp.File("gibt-es-nicht.pdf");

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("nicht gefunden", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_corrupt_pdf()
    {
        var path = _temp.File("kaputt.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.7\nthis is not really a pdf\n%%EOF", Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Contains("kaputt.pdf", error.Message, StringComparison.Ordinal);
        Assert.Contains("PDF", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_corrupt_docx()
    {
        var path = _temp.File("kaputt.docx");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42], Ct);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader().ReadTextAsync(path, Ct));

        Assert.Contains("kaputt.docx", error.Message, StringComparison.Ordinal);
        Assert.Contains("Word", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilds_automatic_list_numbers_from_docx_numbering()
    {
        var path = _temp.File("anfrage.docx");
        WriteDocx(path,
        [
            new("Betreff:"),
            new("Lärmschutz an der Ringstraße"),
            new("Daher fragen wir:"),
            new("Wie hoch ist die Belastung?", 0),
            new("tagsüber", 1),
            new("nachts", 1),
            new("Welche Maßnahmen sind geplant?", 0),
            new("Spalte A\tSpalte B"),
        ]);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        var lines = text.Split('\n');
        Assert.Contains("1. Wie hoch ist die Belastung?", lines);
        Assert.Contains("a) tagsüber", lines);
        Assert.Contains("b) nachts", lines);
        Assert.Contains("2. Welche Maßnahmen sind geplant?", lines);
        Assert.Contains("Spalte A\tSpalte B", lines);
    }

    [Fact]
    public async Task Reads_pdf_text_one_line_per_text_line()
    {
        var path = _temp.File("anfrage.pdf");
        await File.WriteAllBytesAsync(path, BuildPdf(["Daher fragen wir:", "1. Wie viele Plaetze gibt es?", "2. Wann beginnt der Bau?"]), Ct);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("1. Wie viele Plaetze gibt es?", lines);
        Assert.Contains("2. Wann beginnt der Bau?", lines);
    }

    [Fact]
    public async Task Html_drops_scripts_and_styles_and_keeps_blocks_cells_and_list_numbers()
    {
        var path = _temp.File("seite.html");
        const string Html = """
            <html><head><title>Titel</title><style>.x { color: red }</style></head>
            <body><script>var frage = "1. nicht";</script>
            <h1>Betreff:&nbsp;Radwege &amp; Gehwege</h1>
            <table><tr><td>Bauausschuss</td><td>30.04.2026</td><td>&Ouml;</td></tr></table>
            <p>Wir fragen die Verwaltung:</p>
            <ol><li>Wie breit sind die Wege?</li><li>Wer ist zust&auml;ndig?</li></ol>
            <!-- <p>Kommentar</p> -->
            </body></html>
            """;
        await File.WriteAllTextAsync(path, Html, Ct);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        var lines = text.Split('\n');
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nicht", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommentar", text, StringComparison.Ordinal);
        Assert.Contains("Betreff: Radwege & Gehwege", lines);
        Assert.Contains("Bauausschuss\t30.04.2026\tÖ", lines);
        Assert.Contains("1. Wie breit sind die Wege?", lines);
        Assert.Contains("2. Wer ist zuständig?", lines);
    }

    [Fact]
    public async Task Markdown_loses_emphasis_and_heading_marks_but_keeps_list_markers()
    {
        var path = _temp.File("anfrage.md");
        await File.WriteAllTextAsync(path, "### Sachverhalt:\n**Wichtig** für Bürger*innen\n1. Erste Frage?\n- Punkt", Ct);

        var text = await CreateReader().ReadTextAsync(path, Ct);

        Assert.Equal("Sachverhalt:\nWichtig für Bürger*innen\n1. Erste Frage?\n- Punkt", text);
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

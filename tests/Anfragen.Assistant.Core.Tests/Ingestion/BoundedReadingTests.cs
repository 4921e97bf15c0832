using System.Text;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Microsoft.Extensions.Options;
using static Anfragen.Assistant.Ingestion.TestDocuments;

namespace Anfragen.Assistant.Ingestion;

/// <summary>Each reader refuses input beyond <see cref="IngestionLimits"/> while reading it, with a German message naming the file and the setting.</summary>
public sealed class BoundedReadingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DocumentTextReader CreateReader(Action<IngestionLimits>? configure = null)
    {
        var options = new AssistantOptions();
        configure?.Invoke(options.Ingestion);
        return new DocumentTextReader(Options.Create(options));
    }

    private async Task<DocumentReadException> RefusedAsync(string path, Action<IngestionLimits>? configure = null) =>
        await Assert.ThrowsAsync<DocumentReadException>(() => CreateReader(configure).ReadTextAsync(path, Ct));

    [Fact]
    public async Task A_zip_bomb_docx_is_refused_by_its_compression_ratio_naming_the_file_and_the_setting()
    {
        var path = _temp.File("bombe.docx");
        BadInputs.WriteZipBombDocx(path, textBytes: 8 * 1024 * 1024);
        Assert.True(new FileInfo(path).Length < 200 * 1024);

        var error = await RefusedAsync(path);

        Assert.Equal(path, error.FilePath);
        Assert.Contains("word/document.xml", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxCompressionRatio", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_that_inflates_past_the_decompression_limit_is_refused()
    {
        var path = _temp.File("gross.docx");
        BadInputs.WriteZipBombDocx(path, textBytes: 3 * 1024 * 1024);

        var error = await RefusedAsync(path, l => (l.MaxDecompressedBytes, l.MaxCompressionRatio) = (1024 * 1024, 1_000_000));

        Assert.Contains("beim Entpacken größer als 1 MB", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxDecompressedBytes", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_with_more_text_than_the_cap_is_refused_while_its_text_is_read()
    {
        var path = _temp.File("lang.docx");
        WriteDocx(path, Enumerable.Range(0, 200).Select(i => new DocxLine($"Absatz {i}: {BadInputs.Sentence}")));

        var error = await RefusedAsync(path, l => l.MaxTextChars = 5_000);

        Assert.Contains("mehr als 5.000 Zeichen Text", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxTextChars", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_run_of_text_beyond_the_cap_is_refused_too()
    {
        var path = _temp.File("ein-lauf.docx");
        BadInputs.WriteZipBombDocx(path, textBytes: 200_000, paragraphChars: 200_000);

        var error = await RefusedAsync(path, l => l.MaxTextChars = 50_000);

        Assert.Contains("mehr als 50.000 Zeichen Text", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_with_too_many_archive_entries_is_refused_before_they_are_listed()
    {
        var path = _temp.File("eintraege.docx");
        BadInputs.WriteDocxWithEntries(path, 300);

        var error = await RefusedAsync(path, l => l.MaxArchiveEntries = 100);

        Assert.Contains("303 Archiv-Einträge", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxArchiveEntries", error.Problem, StringComparison.Ordinal);
        Assert.Equal("Bericht\n", await CreateReader().ReadTextAsync(path, Ct));
    }

    [Fact]
    public async Task A_docx_nested_deeper_than_the_limit_is_refused()
    {
        var path = _temp.File("tief.docx");
        BadInputs.WriteDeepDocx(path, 200);

        var error = await RefusedAsync(path, l => l.MaxNestingDepth = 100);

        Assert.Contains("tiefer als 100 Ebenen", error.Problem, StringComparison.Ordinal);
        Assert.Equal("Tief\n", await CreateReader().ReadTextAsync(path, Ct));
    }

    [Fact]
    public async Task Nesting_inside_a_part_that_is_skipped_is_bounded_too()
    {
        var path = _temp.File("tief-im-fallback.docx");
        var deep = string.Concat(Enumerable.Repeat("<w:r>", 300)) + string.Concat(Enumerable.Repeat("</w:r>", 300));
        BadInputs.WriteDocxBody(path, $"<w:p><w:r><w:t>Sichtbar</w:t><mc:AlternateContent><mc:Fallback>{deep}</mc:Fallback></mc:AlternateContent></w:r></w:p>");

        var error = await RefusedAsync(path, l => l.MaxNestingDepth = 100);

        Assert.Contains("tiefer als 100 Ebenen", error.Problem, StringComparison.Ordinal);
        Assert.Equal("Sichtbar\n", await CreateReader().ReadTextAsync(path, Ct));
    }

    [Fact]
    public async Task A_docx_keeps_tables_text_boxes_once_and_skips_deleted_text()
    {
        var path = _temp.File("inhalt.docx");
        BadInputs.WriteDocxBody(path, """
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Betreff:</w:t><w:tab/><w:t xml:space="preserve">Radwege </w:t></w:r><w:del><w:r><w:delText>alt</w:delText></w:r></w:del><w:r><w:t>am Ring</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Kasten</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kasten</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ausschuss</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>30.04.2026</w:t></w:r></w:p><w:p><w:r><w:t>Ö</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Ende</w:t><w:br/><w:t>Zeile</w:t></w:r></w:p>
            """);

        var lines = (await CreateReader().ReadTextAsync(path, Ct)).Split('\n');

        Assert.Equal(["Betreff:\tRadwege am Ring", "Kasten", "Ausschuss\t30.04.2026 Ö", string.Empty, "Ende", "Zeile", string.Empty], lines);
    }

    [Fact]
    public async Task A_pdf_whose_content_stream_inflates_past_the_limit_is_refused_while_it_is_decoded()
    {
        var path = _temp.File("bombe.pdf");
        await File.WriteAllBytesAsync(path, BadInputs.FlateBombPdf(3 * 1024 * 1024), Ct);

        var ratio = await RefusedAsync(path);
        var size = await RefusedAsync(path, l => (l.MaxDecompressedBytes, l.MaxCompressionRatio) = (1024 * 1024, 1_000_000));

        Assert.Contains("Anfragen:Ingestion:MaxCompressionRatio", ratio.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxDecompressedBytes", size.Problem, StringComparison.Ordinal);
        Assert.Equal(path, size.FilePath);
    }

    [Fact]
    public async Task A_pdf_with_more_pages_than_allowed_is_refused()
    {
        var path = _temp.File("seiten.pdf");
        await File.WriteAllBytesAsync(path, BuildPdf(["Seite 1", "\f", "Seite 2", "\f", "Seite 3"]), Ct);

        var error = await RefusedAsync(path, l => l.MaxPdfPages = 2);

        Assert.Contains("hat 3 Seiten, erlaubt sind höchstens 2", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxPdfPages", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_page_with_more_characters_than_allowed_is_refused_naming_the_page()
    {
        var path = _temp.File("seite.pdf");
        await File.WriteAllBytesAsync(path, BuildPdf(["kurz", "\f", string.Concat(Enumerable.Repeat("Die Verwaltung berichtet. ", 60))]), Ct);

        var error = await RefusedAsync(path, l => l.MaxPdfPageChars = 1000);

        Assert.Contains("Seite 2 enthält mehr als 1.000 Zeichen", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_pdf_gets_a_german_error_without_pdfpig_english()
    {
        var path = _temp.File("abgeschnitten.pdf");
        var whole = BuildPdf(["Daher fragen wir:", "1. Wann beginnt der Bau?"]);
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 3)], Ct);

        var error = await RefusedAsync(path);

        Assert.Equal($"{path}: ist keine lesbare PDF-Datei (beschädigt oder unvollständig)", error.Message);
    }

    [Fact]
    public async Task Html_nested_deeper_than_the_limit_is_refused_but_unclosed_paragraphs_and_items_do_not_count()
    {
        var deep = _temp.File("tief.html");
        await File.WriteAllTextAsync(deep, BadInputs.DeepHtml(2_000), Ct);
        var sloppy = _temp.File("alt.html");
        var paragraphs = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"<p>Absatz {i}<br><img src=x.png>"));
        var items = "<ul>" + string.Concat(Enumerable.Range(1, 2_000).Select(i => $"<li>Punkt {i}")) + "</ul>";
        await File.WriteAllTextAsync(sloppy, $"<html><body>{paragraphs}{items}</body></html>", Ct);

        var error = await RefusedAsync(deep);
        var text = await CreateReader().ReadTextAsync(sloppy, Ct);

        Assert.Contains("tiefer als 512 Ebenen", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Ingestion:MaxNestingDepth", error.Problem, StringComparison.Ordinal);
        Assert.Contains("- Punkt 2000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_with_more_text_than_the_cap_is_refused()
    {
        var path = _temp.File("lang.html");
        await File.WriteAllTextAsync(path, "<html><body><p>" + BadInputs.Repeat(20_000) + "</p></body></html>", Ct);

        var error = await RefusedAsync(path, l => l.MaxTextChars = 10_000);

        Assert.Contains("mehr als 10.000 Zeichen Text", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lang.txt")]
    [InlineData("lang.md")]
    public async Task Text_and_markdown_longer_than_the_cap_are_refused(string name)
    {
        var path = _temp.File(name);
        await File.WriteAllTextAsync(path, BadInputs.Repeat(20_000), Ct);

        var error = await RefusedAsync(path, l => l.MaxTextChars = 10_000);

        Assert.Equal(path, error.FilePath);
        Assert.Contains("mehr als 10.000 Zeichen Text", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mostly_utf8_text_with_a_few_invalid_bytes_stays_utf8_with_replacement_and_a_warning()
    {
        var path = _temp.File("kaputt.txt");
        await File.WriteAllBytesAsync(path, BadInputs.MostlyUtf8(badBytes: 2), Ct);

        var read = await CreateReader().ReadAsync(path, Ct);

        Assert.Contains("Änderung der Gebührensatzung für Straßenreinigung", read.Text, StringComparison.Ordinal);
        Assert.Contains("Die Grünflächen \uFFFD\uFFFD werden im Frühjahr gepflegt.", read.Text, StringComparison.Ordinal);
        var warning = Assert.Single(read.Warnings);
        Assert.Contains("2 ungültige UTF-8-Bytefolgen (erste in Zeile 3)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_file_with_a_stray_utf8_sequence_is_read_as_windows_1252_with_a_warning()
    {
        var path = _temp.File("gemischt.txt");
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        byte[] bytes = [.. cp1252.GetBytes("Schließung der Bücherei in Völkenrode\nÖffnungszeiten: "), .. Encoding.UTF8.GetBytes("Mo–Fr"), .. cp1252.GetBytes(" 9 bis 12 Uhr\n")];
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var read = await CreateReader().ReadAsync(path, Ct);

        Assert.StartsWith("Schließung der Bücherei in Völkenrode\nÖffnungszeiten: ", read.Text, StringComparison.Ordinal);
        var warning = Assert.Single(read.Warnings);
        Assert.Contains("als Windows-1252 gelesen", warning, StringComparison.Ordinal);
        Assert.Contains("Zeile 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_utf8_and_clean_windows_1252_files_get_no_warning()
    {
        var utf8 = _temp.File("utf8.txt");
        await File.WriteAllTextAsync(utf8, "Grünflächen an der Oker", Ct);
        var cp1252 = _temp.File("alt.txt");
        await File.WriteAllBytesAsync(cp1252, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Grünflächen an der Oker"), Ct);

        var fromUtf8 = await CreateReader().ReadAsync(utf8, Ct);
        var fromCp1252 = await CreateReader().ReadAsync(cp1252, Ct);

        Assert.Equal("Grünflächen an der Oker", fromUtf8.Text);
        Assert.Empty(fromUtf8.Warnings);
        Assert.Equal("Grünflächen an der Oker", fromCp1252.Text);
        Assert.Empty(fromCp1252.Warnings);
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Cli.Fakes;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>`anfragen ingest` on bad input: refusals and warnings reach the clerk's screen, the exit code says bad input.</summary>
public sealed class IngestBadInputTests : IDisposable
{
    private readonly CliTestDirectory _dir = new();
    private readonly FakeEmbeddingServer _server = new();

    public void Dispose()
    {
        _dir.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Ingest_names_the_refused_bomb_and_warns_about_replaced_bytes_while_storing_the_rest()
    {
        var folder = Path.Combine(_dir.Path, "eingang");
        Directory.CreateDirectory(folder);
        WriteZipBomb(Path.Combine(folder, "bombe.docx"), 8 * 1024 * 1024);
        byte[] mostlyUtf8 = [.. Encoding.UTF8.GetBytes("Mitteilung der Verwaltung\n\nDie Grünflächen "), 0xFF, .. Encoding.UTF8.GetBytes(" werden im Frühjahr gepflegt.\n")];
        await File.WriteAllBytesAsync(Path.Combine(folder, "bytes.txt"), mostlyUtf8, TestContext.Current.CancellationToken);

        var result = await CliTestDirectory.RunAsync(_server.Configuration(), "ingest", folder, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Matches(@"Neu\s*│\s*1", result.Output);
        Assert.Matches(@"Warnungen\s*│\s*1", result.Output);
        var output = Unwrapped(result.Output);
        Assert.Contains($"Warnung: {Path.Combine(folder, "bytes.txt")}: enthält 1 ungültige UTF-8-Bytefolge (erste in Zeile 3)", output, StringComparison.Ordinal);
        Assert.Contains($"Fehler: {Path.Combine(folder, "bombe.docx")}: ist verdächtig stark komprimiert", output, StringComparison.Ordinal);
        Assert.Contains("(Grenze Anfragen:Ingestion:MaxCompressionRatio)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_cap_is_configurable_for_the_cli()
    {
        var file = Path.Combine(_dir.Path, "lang.txt");
        await File.WriteAllTextAsync(file, "Mitteilung der Verwaltung\n\n" + string.Concat(Enumerable.Repeat("Die Brücke wird saniert. ", 400)), TestContext.Current.CancellationToken);
        var configuration = new Dictionary<string, string?>(_server.Configuration()) { ["Anfragen:Ingestion:MaxTextChars"] = "5000" };

        var result = await CliTestDirectory.RunAsync(configuration, "ingest", file, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains("lang.txt: enthält mehr als 5.000 Zeichen Text und wird nicht aufgenommen (Grenze Anfragen:Ingestion:MaxTextChars)", Unwrapped(result.Output), StringComparison.Ordinal);
    }

    /// <summary>The console wraps long lines at 80 columns, at a space.</summary>
    private static string Unwrapped(string output) => Regex.Replace(output, @"[ \t]*\r?\n", " ");

    private static void WriteZipBomb(string path, int textBytes)
    {
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        part.Write(Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{W}\"><w:body>"));
        var paragraph = Encoding.UTF8.GetBytes($"<w:p><w:r><w:t>{new string('a', 1000)}</w:t></w:r></w:p>");
        for (var written = 0; written < textBytes; written += 1000)
        {
            part.Write(paragraph);
        }

        part.Write(Encoding.UTF8.GetBytes("</w:body></w:document>"));
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}

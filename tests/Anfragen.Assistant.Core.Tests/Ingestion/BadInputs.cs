using System.IO.Compression;
using System.Text;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Bad inputs built in the test, never checked in: zip-bomb .docx, .docx with thousands of entries, deeply nested
/// HTML, truncated and Flate-bomb .pdf, text with invalid UTF-8, JSONL with a huge line.
/// </summary>
public static class BadInputs
{
    public const string Sentence = "Die Verwaltung prüft die Sanierung der Grundschule am Lindenplatz und berichtet im Ausschuss. ";

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A .docx whose document.xml inflates to about <paramref name="textBytes"/> of text from a few KB.</summary>
    public static void WriteZipBombDocx(string path, long textBytes, int paragraphChars = 2000)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        WriteMinimalParts(zip);
        using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        Write(part, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        var paragraph = Encoding.UTF8.GetBytes($"<w:p><w:r><w:t>{Repeat(paragraphChars)}</w:t></w:r></w:p>");
        for (long written = 0; written < textBytes; written += paragraphChars)
        {
            part.Write(paragraph);
        }

        Write(part, "</w:body></w:document>");
    }

    /// <summary>A valid .docx with <paramref name="entries"/> extra tiny entries (images, say).</summary>
    public static void WriteDocxWithEntries(string path, int entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        WriteMinimalParts(zip);
        using (var part = zip.CreateEntry("word/document.xml").Open())
        {
            Write(part, $"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Bericht</w:t></w:r></w:p></w:body></w:document>");
        }

        for (var i = 0; i < entries; i++)
        {
            using var entry = zip.CreateEntry($"word/media/bild{i}.bin").Open();
            entry.WriteByte((byte)i);
        }
    }

    /// <summary>A .docx whose body nests <paramref name="depth"/> content controls inside each other.</summary>
    public static void WriteDeepDocx(string path, int depth) =>
        WriteDocxBody(path, string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + "<w:p><w:r><w:t>Tief</w:t></w:r></w:p>" + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)));

    /// <summary>A .docx with the given WordprocessingML inside its body (prefixes w: and mc: are declared).</summary>
    public static void WriteDocxBody(string path, string bodyXml)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        WriteMinimalParts(zip);
        using var part = zip.CreateEntry("word/document.xml").Open();
        Write(part, $"<w:document xmlns:w=\"{WordNamespace}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{bodyXml}</w:body></w:document>");
    }

    public static string DeepHtml(int depth) =>
        "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "Tief unten." + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

    /// <summary>A one-page PDF whose content stream inflates to <paramref name="contentBytes"/> of text operators.</summary>
    public static byte[] FlateBombPdf(int contentBytes)
    {
        var content = new MemoryStream();
        using (var zlib = new ZLibStream(content, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 40 800 Td (Bericht der Verwaltung) Tj ET\n"u8);
            var filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("BT /F1 1 Tf 0 0 Td (x) Tj ET\n", 1000)));
            for (var written = 0; written < contentBytes; written += filler.Length)
            {
                zlib.Write(filler);
            }
        }

        return Pdf(content.ToArray());
    }

    /// <summary>A UTF-8 German text with <paramref name="badBytes"/> single invalid bytes (0xFF) in its third line.</summary>
    public static byte[] MostlyUtf8(int badBytes)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("Mitteilung der Verwaltung\nÄnderung der Gebührensatzung für Straßenreinigung\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("Die Grünflächen "));
        for (var i = 0; i < badBytes; i++)
        {
            bytes.Add(0xFF);
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(" werden im Frühjahr gepflegt. Überweisung an den Ausschuss für Umwelt.\n"));
        return [.. bytes];
    }

    public static string Repeat(int characters) =>
        string.Concat(Enumerable.Repeat(Sentence, (characters / Sentence.Length) + 1))[..characters];

    private static byte[] Pdf(byte[] stream)
    {
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Encoding.ASCII.GetBytes($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n").Concat(stream).Concat(Encoding.ASCII.GetBytes("\nendstream")).ToArray(),
            Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        var output = new MemoryStream();
        output.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private static void WriteMinimalParts(ZipArchive zip)
    {
        using (var types = zip.CreateEntry("[Content_Types].xml").Open())
        {
            Write(types, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        }

        using var rels = zip.CreateEntry("_rels/.rels").Open();
        Write(rels, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}

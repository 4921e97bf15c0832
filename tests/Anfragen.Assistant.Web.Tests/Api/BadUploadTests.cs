using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

/// <summary>A zip bomb and a file with broken bytes uploaded to the archive: the status names the refusal and the warning.</summary>
[Collection(WebAppGroup.Name)]
public sealed class BadUploadTests(AnfragenWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_zip_bomb_is_refused_by_name_and_a_mostly_utf8_file_is_stored_with_a_warning()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        byte[] mostlyUtf8 = [.. Encoding.UTF8.GetBytes("Mitteilung der Verwaltung\n\nDie Grünflächen am Weiher "), 0xFF, .. Encoding.UTF8.GetBytes(" werden im Frühjahr gepflegt.\n")];

        var message = await UploadAndWaitAsync(admin, ("bombe.docx", ZipBomb(8 * 1024 * 1024)), ("weiher.txt", mostlyUtf8));

        Assert.Contains("bombe.docx: ist verdächtig stark komprimiert", message, StringComparison.Ordinal);
        Assert.Contains("Warnung: weiher.txt: enthält 1 ungültige UTF-8-Bytefolge (erste in Zeile 3)", message, StringComparison.Ordinal);
        Assert.Contains("fertig: 1 neu", message, StringComparison.Ordinal);
    }

    private static async Task<string> UploadAndWaitAsync(HttpClient admin, params (string Name, byte[] Content)[] files)
    {
        var token = await admin.GetFromJsonAsync<string>("/api/antiforgery", Ct);
        while (true)
        {
            using var content = new MultipartFormDataContent();
            foreach (var (name, bytes) in files)
            {
                content.Add(new ByteArrayContent(bytes), "files", name);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest") { Content = content };
            request.Headers.Add("RequestVerificationToken", token);
            var response = await admin.SendAsync(request, Ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                break;
            }

            // Another ingestion (the sample archive at start) is still running.
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            await Task.Delay(200, Ct);
        }

        while (true)
        {
            var status = await ApiCalls.ReadObjectAsync(await admin.GetAsync("/api/admin/status", Ct));
            var ingestion = status["ingestion"]!;
            if (!ingestion["running"]!.GetValue<bool>())
            {
                return ingestion["message"]!.GetValue<string>();
            }

            await Task.Delay(100, Ct);
        }
    }

    private static byte[] ZipBomb(int textBytes)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var rels = zip.CreateEntry("_rels/.rels").Open())
            {
                rels.Write(Encoding.UTF8.GetBytes("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            }

            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"));
            var paragraph = Encoding.UTF8.GetBytes($"<w:p><w:r><w:t>{new string('a', 1000)}</w:t></w:r></w:p>");
            for (var written = 0; written < textBytes; written += 1000)
            {
                part.Write(paragraph);
            }

            part.Write(Encoding.UTF8.GetBytes("</w:body></w:document>"));
        }

        return output.ToArray();
    }
}

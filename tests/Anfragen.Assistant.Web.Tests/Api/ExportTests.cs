using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace Anfragen.Assistant.Web.Api;

[Collection(WebAppGroup.Name)]
public sealed class ExportTests(AnfragenWebFactory factory)
{
    [Fact]
    public async Task Fully_approved_inquiry_exports_docx_and_markdown_and_enters_the_archive()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/inquiries/{id}/export/docx", TestContext.Current.CancellationToken)).StatusCode);

        var expected = new Dictionary<int, string>();
        foreach (var answer in ApiCalls.Answers(detail))
        {
            var number = answer["number"]!.GetValue<int>();
            var text = $"Antwort der Verwaltung auf Frage {number}: geprüft und freigegeben.";
            var edit = await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/{number}", new { text, expectedVersion = answer["version"]!.GetValue<int>() }, TestContext.Current.CancellationToken);
            var edited = await ApiCalls.ReadObjectAsync(edit);
            var approve = await reviewer.PostAsJsonAsync($"/api/inquiries/{id}/questions/{number}/approve", new { expectedVersion = edited["version"]!.GetValue<int>() }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
            expected[number] = text;
        }

        var docx = await staff.GetAsync($"/api/inquiries/{id}/export/docx", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        // The demo inquiry carries no Drucksache number: the file is named after the app's id of the inquiry.
        Assert.Equal($"Stellungnahme-{id}.docx", docx.Content.Headers.ContentDisposition!.FileName);
        await using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.StartsWith("Stellungnahme zu", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("Betreff:", StringComparison.Ordinal));
        foreach (var (number, text) in expected)
        {
            var heading = paragraphs.IndexOf($"Zu Frage {number}:");
            Assert.True(heading >= 0, $"Zu Frage {number}: fehlt");
            Assert.Contains(text, paragraphs.Skip(heading));
        }

        var markdown = await staff.GetStringAsync($"/api/inquiries/{id}/export/markdown", TestContext.Current.CancellationToken);
        Assert.All(expected, e => Assert.Contains($"## Zu Frage {e.Key}:\n", markdown, StringComparison.Ordinal));

        // The approved Stellungnahme flows back into the archive and is found by search.
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        var archivedId = after["inquiry"]!["archivedDocumentId"]!.GetValue<string>();
        var document = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/documents/{archivedId}", TestContext.Current.CancellationToken));
        Assert.Equal("Stellungnahme", document["document"]!["type"]!.GetValue<string>());
        Assert.Contains(document["chunks"]!.AsArray(), c => c!["text"]!.GetValue<string>().Contains(expected[1], StringComparison.Ordinal));
    }
}

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
            var submitted = await ApiCalls.SubmitAsync(staff, id, number, ApiCalls.Version(edited));
            var approve = await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(submitted));
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
            expected[number] = text;
        }

        var docx = await staff.GetAsync($"/api/inquiries/{id}/export/docx", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.True(docx.Headers.CacheControl?.NoStore, "a downloaded Stellungnahme must not stay in a browser or proxy cache");
        // The demo inquiry carries no Drucksache number: the file is named after the app's id of the inquiry.
        Assert.Equal($"Stellungnahme-{id}.docx", docx.Content.Headers.ContentDisposition!.FileName);
        await using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Stellungnahme der Verwaltung", paragraphs[0]);
        Assert.Equal(detail["inquiry"]!["title"]!.GetValue<string>(), paragraphs[1]);
        foreach (var (number, text) in expected)
        {
            var heading = paragraphs.IndexOf($"Zu Frage {number}:");
            Assert.True(heading >= 0, $"Zu Frage {number}: fehlt");
            Assert.Contains(text, paragraphs.Skip(heading));
        }

        var markdownResponse = await staff.GetAsync($"/api/inquiries/{id}/export/markdown", TestContext.Current.CancellationToken);
        Assert.True(markdownResponse.Headers.CacheControl?.NoStore, "a downloaded Stellungnahme must not stay in a browser or proxy cache");
        var markdown = await markdownResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.All(expected, e => Assert.Contains($"## Zu Frage {e.Key}:\n", markdown, StringComparison.Ordinal));

        // The approved Stellungnahme flows back into the archive and is found by search.
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        var archivedId = after["inquiry"]!["archivedDocumentId"]!.GetValue<string>();
        var document = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/documents/{archivedId}", TestContext.Current.CancellationToken));
        Assert.Equal("Stellungnahme", document["document"]!["type"]!.GetValue<string>());
        Assert.Contains(document["chunks"]!.AsArray(), c => c!["text"]!.GetValue<string>().Contains(expected[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_letter_of_untouched_proposals_carries_references_instead_of_markers_and_no_note_of_the_assistant()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: true);
        var id = ApiCalls.Id(detail);
        foreach (var answer in ApiCalls.Answers(detail))
        {
            var number = answer["number"]!.GetValue<int>();
            var version = ApiCalls.Version(answer);
            if (answer["text"]!.GetValue<string>().Length == 0)
            {
                // Nothing in the archive: the Fachbereich supplies the answer.
                version = ApiCalls.Version(await ApiCalls.ReadObjectAsync(await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/{number}", new { text = "Die Antwort des Fachbereichs.", expectedVersion = version }, TestContext.Current.CancellationToken)));
            }

            var submitted = await ApiCalls.SubmitAsync(staff, id, number, version);
            Assert.Equal(HttpStatusCode.OK, (await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(submitted), confirmUntouched: true)).StatusCode);
        }

        var markdown = await staff.GetStringAsync($"/api/inquiries/{id}/export/markdown", TestContext.Current.CancellationToken);

        Assert.StartsWith("# Stellungnahme der Verwaltung\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Gremium:** Mobilitätsausschuss", markdown, StringComparison.Ordinal);
        Assert.Contains("**Sitzung:** 30.04.2026, öffentlich", markdown, StringComparison.Ordinal);
        Assert.Contains("(vgl. Ds. ", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\\?\[\d+\\?\]", markdown);
        Assert.DoesNotContain("Vorschlag aus früheren", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("bitte prüfen", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("ohne Sprachmodell", markdown, StringComparison.Ordinal);
        foreach (var answer in ApiCalls.Answers(detail))
        {
            var heading = $"## Zu Frage {answer["number"]}:";
            Assert.Equal(1, markdown.Split(heading).Length - 1);
            Assert.Equal(1, markdown.Split($"Zu Frage {answer["number"]}:").Length - 1);
        }
    }

    [Fact]
    public async Task Markdown_export_keeps_markup_in_an_answer_as_text()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: true);
        var id = ApiCalls.Id(detail);
        const string Hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [hier klicken](javascript:alert(3)) <javascript:alert(4)>\n# Kein Titel\n1. Januar";
        foreach (var answer in ApiCalls.Answers(detail))
        {
            var number = answer["number"]!.GetValue<int>();
            var edited = await ApiCalls.ReadObjectAsync(await staff.PutAsJsonAsync($"/api/inquiries/{id}/questions/{number}", new { text = Hostile, expectedVersion = ApiCalls.Version(answer) }, TestContext.Current.CancellationToken));
            var submitted = await ApiCalls.SubmitAsync(staff, id, number, ApiCalls.Version(edited));
            Assert.Equal(HttpStatusCode.OK, (await ApiCalls.ApproveAsync(reviewer, id, number, ApiCalls.Version(submitted))).StatusCode);
        }

        var markdown = await staff.GetStringAsync($"/api/inquiries/{id}/export/markdown", TestContext.Current.CancellationToken);

        // Rendered by a Markdown viewer that allows raw HTML: every piece stays visible text.
        var html = Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h1>Kein Titel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("[hier klicken](javascript:alert(3))", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Anfragen.Assistant.Web.E2E;

/// <summary>The issue's end-to-end flows in a real chromium against the app on Kestrel (extractive mode, no language model).</summary>
[Trait("Category", "E2E")]
public sealed class BrowserFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string EditedText = "Die Verwaltung prüft derzeit den Standort für ein Fahrradparkhaus am Bahnhof; eine Entscheidung fällt 2026.";

    [Fact]
    public async Task Staff_uploads_and_edits_then_reviewer_approves_all_and_exports_docx()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        var output = TestContext.Current.TestOutputHelper!;

        // Staff: upload an inquiry file, confirm the parsed preview, drafts appear per question.
        await using var staff = await BrowserSession.SignInAsync(fixture, Users.Staff);
        var page = staff.Page;
        await page.ClickAsync("[data-testid=new-inquiry]");
        await staff.WaitInteractiveAsync();

        // The upload and paste inputs carry labels; the H1 focused after navigation shows no focus ring.
        Assert.Equal("inquiry-file", await page.GetByLabel("Datei der Anfrage").GetAttributeAsync("data-testid"));
        Assert.Equal("inquiry-text", await page.GetByLabel("Text der Anfrage").GetAttributeAsync("data-testid"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => { const h = document.querySelector('h1'); h.setAttribute('tabindex', '-1'); h.focus(); return getComputedStyle(h).outlineStyle; }"));
        var upload = Stopwatch.StartNew();
        await page.Locator("[data-testid=inquiry-file]").SetInputFilesAsync(Path.Combine(RepositoryPaths.Data, "new", "2026-04_anfrage_radverkehr_fahrradparkhaus.txt"));
        await page.Locator("[data-testid=inquiry-preview]").WaitForAsync();
        var previewMs = upload.ElapsedMilliseconds;
        var questions = await page.Locator("[data-testid=inquiry-preview] ol.questions > li").CountAsync();
        Assert.True(questions >= 2, $"preview shows {questions} questions");
        await staff.ScreenshotAsync("01-vorschau-neue-anfrage");

        await page.ClickAsync("[data-testid=confirm-inquiry]");
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid^=answer-][data-drafted=yes]').length === n && !document.querySelector('[data-testid=drafting]')",
            questions,
            new() { Timeout = 120_000 });
        var allDraftsMs = upload.ElapsedMilliseconds;
        output.WriteLine($"upload → preview: {previewMs} ms; upload → all {questions} drafts shown: {allDraftsMs} ms (extractive)");
        await File.WriteAllTextAsync(Path.Combine(fixture.ScreenshotDirectory, "timing.txt"), $"upload→preview {previewMs} ms\nupload→all {questions} drafts shown {allDraftsMs} ms\n", TestContext.Current.CancellationToken);
        var inquiryUrl = page.Url;

        // Nothing is missing any more, so the button for missing drafts is gone; the note of a proposal is beside its text.
        Assert.Equal(0, await page.Locator("[data-testid=draft-all]").CountAsync());
        Assert.Contains("Vorschlag aus früheren Stellungnahmen", await page.Locator("[data-testid=note-1]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Vorschlag aus früheren", await page.Locator("[data-testid=draft-1]").InnerTextAsync(), StringComparison.Ordinal);

        // A citation shows its source passage, with a link to the document.
        await page.Locator("[data-testid=citation-1]").First.ClickAsync();
        await page.Locator("[data-testid=passage-1]").WaitForAsync();
        Assert.Contains("/archiv/dokument?id=", await page.Locator("[data-testid=passage-1] a").GetAttributeAsync("href") ?? string.Empty, StringComparison.Ordinal);
        await staff.ScreenshotAsync("02-entwuerfe-mit-quelle");

        // Edit and save question 1; where the archive had nothing, the Fachbereich's answer is typed in.
        await EditAsync(page, 1, EditedText);
        Assert.Equal(0, await page.Locator("[data-testid=note-1]").CountAsync());
        for (var n = 2; n <= questions; n++)
        {
            if (await page.Locator($"[data-testid=empty-{n}]").CountAsync() > 0)
            {
                await EditAsync(page, n, $"Antwort des Fachbereichs zu Frage {n}.");
            }
        }

        Assert.Equal(0, await page.Locator("[data-testid^=approve-]").CountAsync());
        await staff.ScreenshotAsync("03-bearbeitet");
        await page.ClickAsync("[data-testid=submit-all]");
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid^=answer-][data-status=Submitted]').length === n", questions);
        await staff.ScreenshotAsync("03b-eingereicht");

        // Reviewer: the list of answers to review, then approve each; an untouched proposal asks for confirmation.
        await using var reviewer = await BrowserSession.SignInAsync(fixture, Users.Reviewer);
        await reviewer.GotoAsync("/anfragen?ansicht=pruefung");
        await reviewer.Page.Locator("[data-testid=inquiry-list]").WaitForAsync();
        Assert.Contains("zur Prüfung eingereicht", await reviewer.Page.Locator("[data-testid=inquiry-list]").InnerTextAsync(), StringComparison.Ordinal);
        await reviewer.ScreenshotAsync("03c-zur-pruefung");
        await reviewer.GotoAsync(inquiryUrl);
        var confirmed = 0;
        for (var n = 1; n <= questions; n++)
        {
            await reviewer.Page.ClickAsync($"[data-testid=approve-{n}]");
            var confirm = reviewer.Page.Locator($"[data-testid=confirm-approve-{n}]");
            var approved = reviewer.Page.Locator($"[data-testid=answer-{n}][data-status=Approved]");
            await confirm.Or(approved).First.WaitForAsync();
            if (await confirm.CountAsync() > 0)
            {
                if (confirmed++ == 0)
                {
                    await reviewer.ScreenshotAsync("03d-unveraenderten-vorschlag-bestaetigen");
                }

                await confirm.ClickAsync();
            }

            await approved.WaitForAsync();
        }

        Assert.True(confirmed > 0, "at least one untouched proposal was approved with confirmation");

        // Approved, the assistant's hint is gone from every answer.
        Assert.Equal(0, await reviewer.Page.Locator("[data-testid^=note-]").CountAsync());
        await reviewer.Page.ClickAsync("[data-testid=show-stellungnahme]");
        await reviewer.Page.Locator("[data-testid=stellungnahme]").WaitForAsync();
        var letter = await reviewer.Page.Locator("[data-testid=stellungnahme]").InnerTextAsync();
        Assert.DoesNotContain("Vorschlag aus früheren", letter, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[\d+\]", letter);
        Assert.Contains("vgl. Ds.", letter, StringComparison.Ordinal);
        await reviewer.ScreenshotAsync("04-stellungnahme-freigegeben");
        var download = await reviewer.Page.RunAndWaitForDownloadAsync(() => reviewer.Page.ClickAsync("[data-testid=export-docx]"));
        var docxPath = Path.Combine(fixture.ScreenshotDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(docxPath);

        using (var word = WordprocessingDocument.Open(docxPath, false))
        {
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
            for (var n = 1; n <= questions; n++)
            {
                Assert.Single(paragraphs, p => p.Text.Contains($"Zu Frage {n}:", StringComparison.Ordinal));
                Assert.Contains(("Heading2", $"Zu Frage {n}:"), paragraphs);
            }

            Assert.Contains(("Normal", EditedText), paragraphs);
            Assert.Equal("Title", paragraphs[0].Style);
            Assert.DoesNotContain(paragraphs, p => p.Text.Contains("bitte prüfen", StringComparison.Ordinal));
        }

        // The list shows the inquiry as complete (n/n approved).
        await reviewer.GotoAsync("/anfragen");
        await reviewer.Page.Locator("[data-testid=inquiry-list]").WaitForAsync();
        Assert.Contains($"{questions}/{questions}", await reviewer.Page.Locator("[data-testid=inquiry-list]").InnerTextAsync(), StringComparison.Ordinal);
        await reviewer.ScreenshotAsync("09-anfragenliste");

        Assert.Empty(staff.ConsoleErrors);
        Assert.Empty(reviewer.ConsoleErrors);
    }

    private static async Task EditAsync(IPage page, int number, string text)
    {
        await page.ClickAsync($"[data-testid=edit-{number}]");
        await page.FillAsync($"[data-testid=edit-text-{number}]", text);
        await page.ClickAsync($"[data-testid=save-{number}]");
        await page.Locator($"[data-testid=answer-{number}][data-status=Edited] [data-testid=draft-{number}]", new() { HasTextString = text }).WaitForAsync();
    }

    [Fact]
    public async Task Administration_page_shows_the_index_and_the_audit_log()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var reviewer = await BrowserSession.SignInAsync(fixture, Users.Reviewer);
        await reviewer.GotoAsync($"/archiv/dokument?id={Users.NonPublicPersonnelDocument}");
        await reviewer.Page.Locator("[data-testid=document]").WaitForAsync();

        await using var admin = await BrowserSession.SignInAsync(fixture, Users.Admin);
        await admin.GotoAsync("/verwaltung");
        await admin.Page.Locator("[data-testid=index-stats]").WaitForAsync();
        Assert.Matches(@"^\d+ Dokumente", await admin.Page.Locator("[data-testid=index-stats]").InnerTextAsync());
        var audit = await admin.Page.Locator("[data-testid=audit]").InnerTextAsync();
        Assert.Contains(Users.NonPublicPersonnelDocument, audit, StringComparison.Ordinal);
        Assert.Contains(Users.Reviewer, audit, StringComparison.Ordinal);
        await admin.ScreenshotAsync("10-verwaltung-audit");
        Assert.Empty(admin.ConsoleErrors);
    }

    [Fact]
    public async Task Chat_answers_with_a_source()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var staff = await BrowserSession.SignInAsync(fixture, Users.Staff);
        await staff.GotoAsync("/chat");
        Assert.Equal("chat-question", await staff.Page.GetByLabel("Ihre Frage an das Archiv").GetAttributeAsync("data-testid"));

        // The earlier conversation (other flows of this user) is shown first; the new answer is the one after it.
        await staff.Page.Locator("[data-testid=chat-question]:enabled").WaitForAsync();
        var answersBefore = await staff.Page.Locator("[data-testid=chat-assistant]").CountAsync();
        await staff.Page.FillAsync("[data-testid=chat-question]", "Welche Maßnahmen gibt es zur Fachkräftegewinnung in der Verwaltung?");
        await staff.Page.ClickAsync("[data-testid=chat-send]");
        await staff.Page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid=chat-assistant]').length === n + 1 && !document.querySelector('[data-testid=chat-streaming]')",
            answersBefore,
            new() { Timeout = 90_000 });
        var newAnswer = staff.Page.Locator("[data-testid=chat-assistant]").Last;
        await newAnswer.Locator("[data-testid=chat-source]").First.WaitForAsync();
        var href = await newAnswer.Locator("[data-testid=chat-source]").First.GetAttributeAsync("href");
        Assert.StartsWith("/archiv/dokument?id=", href, StringComparison.Ordinal);
        Assert.Contains("Fachkräftegewinnung", await newAnswer.InnerTextAsync(), StringComparison.Ordinal);
        await staff.ScreenshotAsync("05-chat-mit-quelle");

        // The conversation is kept per user: it is still there after a reload (asking is possible once it is shown).
        var messages = await staff.Page.Locator("[data-testid=chat-user]").CountAsync();
        await staff.GotoAsync("/chat");
        await staff.Page.Locator("[data-testid=chat-question]:enabled").WaitForAsync();
        Assert.Equal(messages, await staff.Page.Locator("[data-testid=chat-user]").CountAsync());
        Assert.Contains("Fachkräftegewinnung", await staff.Page.Locator("[data-testid=chat-user]").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(staff.ConsoleErrors);
    }

    [Fact]
    public async Task Staff_never_sees_the_nonpublic_canary_while_the_reviewer_does()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var staff = await BrowserSession.SignInAsync(fixture, Users.Staff);
        var seen = new List<string>();

        foreach (var query in new[] { "Personalgestellung Leitung Fachbereich 37 Auswahlverfahren", "Grundstücksankauf Gewerbegebiet Nord Kaufpreis", "KANARIENVOGEL" })
        {
            await staff.GotoAsync($"/archiv?q={Uri.EscapeDataString(query)}");
            await staff.Page.Locator("[data-testid=hit-count]").WaitForAsync();
            seen.Add(await staff.Page.ContentAsync());
        }

        await staff.ScreenshotAsync("06-archiv-sachbearbeitung");
        await staff.GotoAsync($"/archiv/dokument?id={Users.NonPublicPersonnelDocument}");
        await staff.Page.Locator("[data-testid=document-missing]").WaitForAsync();
        seen.Add(await staff.Page.ContentAsync());
        await staff.ScreenshotAsync("07-dokument-nichtoeffentlich-gesperrt");

        await staff.GotoAsync("/chat");
        await staff.Page.Locator("[data-testid=chat-question]:enabled").WaitForAsync();
        var answersBefore = await staff.Page.Locator("[data-testid=chat-assistant]").CountAsync();
        await staff.Page.FillAsync("[data-testid=chat-question]", "Wie läuft das Auswahlverfahren für die Leitung des Fachbereichs 37?");
        await staff.Page.ClickAsync("[data-testid=chat-send]");
        await staff.Page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid=chat-assistant]').length === n + 1 && !document.querySelector('[data-testid=chat-streaming]')",
            answersBefore,
            new() { Timeout = 90_000 });
        seen.Add(await staff.Page.ContentAsync());

        foreach (var html in seen)
        {
            Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, html, StringComparison.Ordinal));
        }

        // Positive control: the same document page shows the canary to the cleared reviewer.
        await using var reviewer = await BrowserSession.SignInAsync(fixture, Users.Reviewer);
        await reviewer.GotoAsync($"/archiv/dokument?id={Users.NonPublicPersonnelDocument}");
        await reviewer.Page.Locator("[data-testid=document]").WaitForAsync();
        Assert.Contains(Users.Canaries[0], await reviewer.Page.ContentAsync(), StringComparison.Ordinal);
        await reviewer.ScreenshotAsync("08-dokument-nichtoeffentlich-fachbereichsleitung");
    }

    [Fact]
    public async Task A_withdrawn_clearance_holds_from_the_next_click_on_without_a_reload()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        var clearances = fixture.App.Services.GetRequiredService<UserClearanceStore>();
        var administrator = new Actor(Users.Admin, "Ada Administration", new HashSet<StaffRole> { StaffRole.Administration }, true);
        await using var reviewer = await BrowserSession.SignInAsync(fixture, Users.Reviewer);
        try
        {
            await reviewer.GotoAsync("/archiv");
            await reviewer.Page.FillAsync("[data-testid=search-text]", "Personalgestellung Leitung Fachbereich 37 Auswahlverfahren");
            await reviewer.Page.ClickAsync("[data-testid=search-submit]");
            await reviewer.Page.Locator("[data-testid=hits]", new() { HasTextString = Users.NonPublicPersonnelDocument }).WaitForAsync();

            // The administrator withdraws the clearance (as the Verwaltung page does) while the reviewer's tab stays open.
            await clearances.SetAsync(administrator, Users.Reviewer, cleared: false, TestContext.Current.CancellationToken);
            await reviewer.Page.ClickAsync("[data-testid=search-submit]");
            await reviewer.Page.WaitForFunctionAsync(
                "id => { const hits = document.querySelector('[data-testid=hits]'); return hits && !hits.innerText.includes(id); }",
                Users.NonPublicPersonnelDocument,
                new() { Timeout = 30_000 });
            await reviewer.ScreenshotAsync("13-freischaltung-entzogen-ohne-neu-laden");
            var html = await reviewer.Page.ContentAsync();
            Assert.All(Users.Canaries, canary => Assert.DoesNotContain(canary, html, StringComparison.Ordinal));
        }
        finally
        {
            await clearances.SetAsync(administrator, Users.Reviewer, cleared: true, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Api_reference_page_renders_under_its_content_security_policy()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var admin = await BrowserSession.SignInAsync(fixture, Users.Admin);
        await admin.Page.GotoAsync("/scalar/");
        await admin.Page.GetByText("/api/inquiries").First.WaitForAsync(new() { Timeout = 90_000 });
        await admin.ScreenshotAsync("11-api-referenz", fullPage: false);
        Assert.DoesNotContain(admin.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Administration_ingests_an_uploaded_file_in_the_background_and_it_becomes_searchable()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        var file = Path.Combine(Path.GetTempPath(), $"mitteilung-wasserspielplatz-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(file, "# Mitteilung: Wasserspielplatz im Stadtpark\n\nDer Wasserspielplatz Zauberquelle im Stadtpark wird im Juni 2026 eröffnet.\n", TestContext.Current.CancellationToken);
        try
        {
            await using var admin = await BrowserSession.SignInAsync(fixture, Users.Admin);
            await admin.GotoAsync("/verwaltung");
            // The file carries no visibility marker of its own: the uploader's explicit choice applies (default nichtöffentlich).
            await admin.Page.Locator("[data-testid=ingest-visibility]").SelectOptionAsync(nameof(Documents.Visibility.Public));
            await admin.Page.Locator("[data-testid=ingest-files]").SetInputFilesAsync(file);
            await admin.Page.Locator("[data-testid=ingestion-status]", new() { HasTextString = "fertig: 1 neu" }).WaitForAsync(new() { Timeout = 90_000 });
            await admin.Page.Locator("[data-testid=ingestion-report]", new() { HasTextString = "1 neu" }).WaitForAsync();
            await admin.ScreenshotAsync("12-verwaltung-aufnahme");

            // Chosen öffentlich, so staff without clearance find it too.
            await using var staff = await BrowserSession.SignInAsync(fixture, Users.Staff);
            await staff.GotoAsync($"/archiv?q={Uri.EscapeDataString("Zauberquelle Wasserspielplatz")}");
            await staff.Page.Locator("[data-testid=hits] mark", new() { HasTextString = "Zauberquelle" }).First.WaitForAsync();
            Assert.Empty(admin.ConsoleErrors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Administration_syncs_the_council_information_system_and_shows_the_counts()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        var site = fixture.OParl.Site;
        site.AddPaper("26-60001", "Trinkbrunnen in der Fußgängerzone", "Mitteilung", null, site.TextFile("Mitteilung", "In der Fußgängerzone werden im Mai drei Trinkbrunnen aufgestellt."));
        site.AddPaper("26-60002", "Trinkbrunnen an Spielplätzen", "Antrag", null, site.TextFile("Antrag", "Die Verwaltung wird beauftragt, Trinkbrunnen an Spielplätzen zu prüfen."));
        await using var admin = await BrowserSession.SignInAsync(fixture, Users.Admin);
        await admin.GotoAsync("/verwaltung");
        Assert.Contains(site.SystemUrl, await admin.Page.Locator("[data-testid=oparl-endpoint]").InnerTextAsync(), StringComparison.Ordinal);

        await admin.Page.ClickAsync("[data-testid=oparl-sync]");
        await admin.Page.Locator("[data-testid=oparl-status]", new() { HasTextString = "fertig: 2 aufgenommen" }).WaitForAsync(new() { Timeout = 90_000 });
        var bodies = admin.Page.Locator("[data-testid=oparl-bodies]");
        await bodies.Locator("td", new() { HasTextString = "Lindenau" }).WaitForAsync();
        await admin.ScreenshotAsync("13-verwaltung-oparl");

        await admin.Page.ClickAsync("[data-testid=oparl-sync]");
        await admin.Page.Locator("[data-testid=oparl-status]", new() { HasTextString = "2 unverändert" }).WaitForAsync(new() { Timeout = 90_000 });
        Assert.Contains("0 Dateien geladen", await admin.Page.Locator("[data-testid=oparl-status]").InnerTextAsync(), StringComparison.Ordinal);

        await admin.GotoAsync($"/archiv?q={Uri.EscapeDataString("Trinkbrunnen Fußgängerzone")}");
        await admin.Page.Locator("[data-testid=hits] mark", new() { HasTextString = "Trinkbrunnen" }).First.WaitForAsync();
        Assert.Empty(admin.ConsoleErrors);
    }

    [Fact]
    public async Task Concurrent_edits_show_a_conflict_and_keep_what_was_typed()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        await using var staff = await BrowserSession.SignInAsync(fixture, Users.Staff);
        await staff.GotoAsync("/anfragen/neu");
        await staff.Page.FillAsync("[data-testid=inquiry-text]", ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"));
        await staff.Page.ClickAsync("[data-testid=parse-text]");
        await staff.Page.ClickAsync("[data-testid=confirm-inquiry]");
        await staff.Page.Locator("[data-testid=answer-1][data-status=Proposed]").WaitForAsync(new() { Timeout = 90_000 });
        await staff.Page.Locator("[data-testid=drafting]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var url = staff.Page.Url;

        await using var reviewer = await BrowserSession.SignInAsync(fixture, Users.Reviewer);
        await reviewer.GotoAsync(url);

        // Both open the editor on the same version; the reviewer saves first.
        await staff.Page.ClickAsync("[data-testid=edit-1]");
        await reviewer.Page.ClickAsync("[data-testid=edit-1]");
        await reviewer.Page.FillAsync("[data-testid=edit-text-1]", "Fassung der Fachbereichsleitung.");
        await reviewer.Page.ClickAsync("[data-testid=save-1]");
        await reviewer.Page.Locator("[data-testid=answer-1][data-status=Edited]").WaitForAsync();

        await staff.Page.FillAsync("[data-testid=edit-text-1]", "Fassung der Sachbearbeitung.");
        await staff.Page.ClickAsync("[data-testid=save-1]");
        var conflict = staff.Page.Locator("[data-testid=conflict-1]");
        await conflict.WaitForAsync();
        Assert.Contains("Fassung der Fachbereichsleitung.", await conflict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Fassung der Sachbearbeitung.", await staff.Page.InputValueAsync("[data-testid=edit-text-1]"));
        await staff.ScreenshotAsync("13-bearbeitungskonflikt");

        // Keeping one's own text is a deliberate second step, and it is saved on top of the current version.
        await staff.Page.ClickAsync("[data-testid=conflict-1] >> text=Meine Fassung trotzdem speichern");
        await staff.Page.Locator("[data-testid=draft-1]", new() { HasTextString = "Fassung der Sachbearbeitung." }).WaitForAsync();
        await staff.Page.ClickAsync("[data-testid=submit-2]");
        await staff.Page.Locator("[data-testid=answer-2][data-status=Submitted]").WaitForAsync();

        // The reviewer comes back and sees what changed since the version they saw last.
        await reviewer.GotoAsync(url);
        var changed = reviewer.Page.Locator("[data-testid=changed-1]");
        await changed.WaitForAsync();
        Assert.Contains("Sachbearbeitung", await changed.Locator("ins").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Fachbereichsleitung", await changed.Locator("del").First.InnerTextAsync(), StringComparison.Ordinal);
        await reviewer.ScreenshotAsync("13b-geaendert-seit-letzter-ansicht");

        // The reviewer returns question 2 with a reason; the comment is shown with the answer.
        Assert.True(await reviewer.Page.IsDisabledAsync("[data-testid=reject-2]"));
        await reviewer.Page.FillAsync("[data-testid=comment-2]", "Bitte Zahlen aus dem Personalamt ergänzen.");
        await reviewer.Page.ClickAsync("[data-testid=reject-2]");
        await reviewer.Page.Locator("[data-testid=answer-2][data-status=Rejected]", new() { HasTextString = "Bitte Zahlen aus dem Personalamt ergänzen." }).WaitForAsync();

        // Four-eyes: what the reviewer wrote and submitted, the reviewer cannot approve.
        await reviewer.Page.ClickAsync("[data-testid=edit-3]");
        await reviewer.Page.FillAsync("[data-testid=edit-text-3]", "Von der Fachbereichsleitung selbst geschrieben.");
        await reviewer.Page.ClickAsync("[data-testid=save-3]");
        await reviewer.Page.ClickAsync("[data-testid=submit-3]");
        await reviewer.Page.Locator("[data-testid=four-eyes-3]").WaitForAsync();
        Assert.Equal(0, await reviewer.Page.Locator("[data-testid=approve-3]").CountAsync());
        await reviewer.ScreenshotAsync("14-abgelehnt-mit-kommentar");
        Assert.Empty(staff.ConsoleErrors);
        Assert.Empty(reviewer.ConsoleErrors);
    }
}

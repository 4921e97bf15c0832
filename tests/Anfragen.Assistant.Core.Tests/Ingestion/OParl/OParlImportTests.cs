using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion.OParl.Sample;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>The OParl import against a local OParl server over real HTTP, into a real SQLite index.</summary>
public sealed class OParlImportTests
{
    private static readonly SearchFilter Everything = new() { IncludeNonPublic = true };

    [Fact]
    public async Task Imports_every_paper_of_a_paginated_list_with_files_in_every_format()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        var site = server.Site;
        site.MaxPageSize = 2;
        var inquiry = site.AddPaper("26-40001", "Sanierung der Sporthalle Am Weiher", "Anfrage", new DateOnly(2026, 2, 2),
            site.TextFile("Anfrage", "Anfrage der Fraktion Die Grünen\n\nDie Sporthalle Am Weiher ist seit dem Herbst gesperrt.\n\nWir fragen die Verwaltung:\n\n1. Wann beginnt die Sanierung der Sporthalle?\n2. Wo trainieren die Vereine bis dahin?\n"));
        inquiry.Consultations.Add(new SampleConsultation("Sportausschuss", new DateOnly(2026, 3, 12), "Beantwortung", true));
        site.AddPaper("26-40002", "Hallenbelegung im Winter", "Mitteilung",  new DateOnly(2026, 2, 3),
            site.File("Mitteilung", "mitteilung.html", "text/html", Encoding.UTF8.GetBytes("<html><body><h1>Hallenbelegung</h1><p>Die Belegungspläne der Turnhallen werden im Winter neu verteilt.</p><script>alert(1)</script></body></html>")));
        site.AddPaper("26-40003", "Neubau Feuerwache Nord", "Beschlussvorlage", new DateOnly(2026, 2, 4),
            site.File("Vorlage", "vorlage.pdf", "application/pdf", TestDocuments.BuildPdf(["Beschlussvorlage Feuerwache Nord", "Der Rat beschliesst den Neubau der Feuerwache Nord am Lindenring."])));
        site.AddPaper("26-40004", "Mehr Sitzbänke am Stadtpark", "Antrag der Fraktion", new DateOnly(2026, 2, 5),
            site.File("Antrag", "antrag.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx("Antrag", "Die Verwaltung wird beauftragt, zwölf Sitzbänke am Stadtpark aufzustellen.")),
            site.File("Lageplan", "lageplan.md", "text/markdown", Encoding.UTF8.GetBytes("# Lageplan\n\nDie Bänke stehen am **Uferweg** des Stadtparks.")));
        site.AddPaper("26-40005", "Niederschrift Sportausschuss", "Niederschrift", new DateOnly(2026, 2, 6), site.TextFile("Niederschrift", "Niederschrift über die Sitzung des Sportausschusses."));

        var report = await host.SyncAsync(server, ct);

        Assert.Empty(report.Issues);
        Assert.Equal(5, report.Counts.Imported);
        Assert.Equal(6, report.Counts.Downloads);
        Assert.Equal(3, report.Bodies[0].Pages);
        Assert.Equal(3, server.CountRequests("papers?"));
        var index = host.Get<IKnowledgeIndex>();
        var anfrage = await index.GetDocumentAsync("26-40001", SearchFilter.PublicOnly, ct);
        Assert.Equal((DocumentType.Anfrage, "Sportausschuss", Visibility.Public, site.PaperUrl(inquiry.Number)), (anfrage!.Type, anfrage.Committee, anfrage.Visibility, anfrage.Source));
        var chunks = await index.GetChunksAsync("26-40001", SearchFilter.PublicOnly, ct);
        Assert.Contains(chunks, c => c.QuestionNumber == 2 && c.Text.Contains("Wo trainieren die Vereine", StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Text.Contains("Sportausschuss (Beantwortung)\t12.03.2026\tÖ", StringComparison.Ordinal));
        Assert.Equal(DocumentType.Mitteilung, (await index.GetDocumentAsync("26-40002", SearchFilter.PublicOnly, ct))!.Type);
        Assert.DoesNotContain(await index.GetChunksAsync("26-40002", SearchFilter.PublicOnly, ct), c => c.Text.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(DocumentType.Vorlage, (await index.GetDocumentAsync("26-40003", SearchFilter.PublicOnly, ct))!.Type);
        Assert.Contains(await index.GetChunksAsync("26-40003", SearchFilter.PublicOnly, ct), c => c.Text.Contains("Feuerwache Nord am Lindenring", StringComparison.Ordinal));
        var antrag = await index.GetChunksAsync("26-40004", SearchFilter.PublicOnly, ct);
        Assert.Equal(DocumentType.Antrag, antrag[0].DocumentType);
        Assert.Contains(antrag, c => c.Text.Contains("zwölf Sitzbänke", StringComparison.Ordinal));
        Assert.Contains(antrag, c => c.Text.Contains("Anlage: Lageplan", StringComparison.Ordinal) && c.Text.Contains("Uferweg", StringComparison.Ordinal));
        Assert.Equal(DocumentType.Other, (await index.GetDocumentAsync("26-40005", SearchFilter.PublicOnly, ct))!.Type);
    }

    [Fact]
    public async Task A_second_run_when_nothing_changed_downloads_nothing_and_asks_with_modified_since()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        AddPapers(server.Site, 6);
        await host.SyncAsync(server, ct);
        var downloadsBefore = server.FileDownloads;

        var second = await host.SyncAsync(server, ct);

        Assert.Equal(6, downloadsBefore);
        Assert.Equal(downloadsBefore, server.FileDownloads);
        Assert.Equal((0, 0, 6), (second.Counts.Downloads, second.Counts.Imported, second.Counts.Unchanged));
        Assert.Contains(server.Requests, r => r.Contains("papers?modified_since=", StringComparison.Ordinal));
        var state = await host.Get<OParlStore>().GetStateAsync(server.Site.BodyUrl, ct);
        Assert.NotNull(state!.LastCompletedAt);
        Assert.Null(state.CheckpointUrl);
    }

    [Fact]
    public async Task A_later_run_downloads_only_new_and_changed_files_and_removes_deleted_papers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        var site = server.Site;
        var papers = AddPapers(site, 5);
        await host.SyncAsync(server, ct);
        var before = server.FileDownloads;

        site.Change(papers[0], p => p.MainFile!.Content = Encoding.UTF8.GetBytes("Die Verwaltung berichtet über den neuen Stand der Radwege im Ortsteil Nord."), filesChanged: true);
        site.Change(papers[1], p => p.Consultations.Add(new SampleConsultation("Bauausschuss", new DateOnly(2026, 4, 1), "Kenntnisnahme", true)));
        site.Delete(papers[2]);
        site.AddPaper("26-49999", "Neue Mitteilung zum Winterdienst", "Mitteilung", null, site.TextFile("Mitteilung", "Der Winterdienst räumt ab sofort auch die Radwege."));
        var report = await host.SyncAsync(server, ct);

        Assert.Equal(2, server.FileDownloads - before);
        Assert.Equal((3, 1, 2), (report.Counts.Imported, report.Counts.Deleted, report.Counts.Unchanged));
        var index = host.Get<IKnowledgeIndex>();
        Assert.Contains(await index.GetChunksAsync(papers[0].Reference!, SearchFilter.PublicOnly, ct), c => c.Text.Contains("Ortsteil Nord", StringComparison.Ordinal));
        Assert.Equal("Bauausschuss", (await index.GetDocumentAsync(papers[1].Reference!, SearchFilter.PublicOnly, ct))!.Committee);
        Assert.Null(await index.GetDocumentAsync(papers[2].Reference!, Everything, ct));
        Assert.NotNull(await index.GetDocumentAsync("26-49999", SearchFilter.PublicOnly, ct));
    }

    [Fact]
    public async Task Answers_503_429_and_a_stalled_attempt_are_retried_until_the_server_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create(s => s["Anfragen:OParl:RequestTimeoutSeconds"] = "0.5");
        AddPapers(server.Site, 3);
        server.Fail("/system", 2);
        server.Fail("papers", 1, 429);
        server.Fail("/access", 2);
        server.Stall("/bodies", 1, TimeSpan.FromSeconds(5));

        var report = await host.SyncAsync(server, ct);

        Assert.Empty(report.Issues);
        Assert.Equal(3, report.Counts.Imported);
        Assert.Equal(3, server.CountRequests("/system"));
        Assert.Equal(2, server.CountRequests("/bodies"));
    }

    [Fact]
    public async Task A_server_that_stays_down_is_reported_with_its_url_after_the_retries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create(s => s["Anfragen:OParl:MaxRetries"] = "2");
        server.Fail("/system", 100);

        var error = await Assert.ThrowsAsync<OParlException>(() => host.SyncAsync(server, ct));

        Assert.Contains("/oparl/system", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.CountRequests("/system"));
    }

    [Fact]
    public async Task A_broken_file_and_files_over_the_limit_are_reported_and_the_rest_is_imported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create(s => s["Anfragen:OParl:MaxFileBytes"] = "2000");
        var site = server.Site;
        site.AddPaper("26-41001", "Kaputte Datei", "Vorlage", null, site.File("Vorlage", "vorlage.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 kein echtes PDF")));
        var announced = site.File("Plan", "plan.txt", "text/plain", new byte[5000]);
        site.AddPaper("26-41002", "Großer Plan, angekündigt", "Vorlage", null, announced);
        var unannounced = site.File("Plan", "plan2.txt", "text/plain", Encoding.UTF8.GetBytes(new string('x', 5000)));
        unannounced.AnnouncedSize = null;
        site.AddPaper("26-41003", "Großer Plan, nicht angekündigt", "Vorlage", null, site.TextFile("Vorlage", "Die Vorlage zum Bebauungsplan Lindenhof liegt bei."), unannounced);
        site.AddPaper("26-41004", "Heile Mitteilung", "Mitteilung", null, site.TextFile("Mitteilung", "Die Mitteilung zur Grünpflege ist vollständig."));

        var report = await host.SyncAsync(server, ct);

        Assert.True(report.Issues.Any(i => i.Reason.Contains("PDF", StringComparison.Ordinal)), string.Join("\n", report.Issues));
        Assert.Equal(2, report.Issues.Count(i => i.Reason.Contains("zu groß", StringComparison.Ordinal)));
        var index = host.Get<IKnowledgeIndex>();
        Assert.Null(await index.GetDocumentAsync("26-41001", Everything, ct));
        Assert.Null(await index.GetDocumentAsync("26-41002", Everything, ct));
        Assert.Contains(await index.GetChunksAsync("26-41003", SearchFilter.PublicOnly, ct), c => c.Text.Contains("Lindenhof", StringComparison.Ordinal));
        Assert.NotNull(await index.GetDocumentAsync("26-41004", SearchFilter.PublicOnly, ct));

        // The announced size is refused without a request; the unannounced one is cut off while streaming.
        Assert.Equal(0, server.CountRequests($"/file/{announced.Number}/"));
        Assert.Equal(1, server.CountRequests($"/file/{unannounced.Number}/access"));
        var second = await host.SyncAsync(server, ct);
        Assert.Equal(0, second.Counts.Downloads);
    }

    [Fact]
    public async Task A_paper_without_reference_gets_a_readable_id_from_its_oparl_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        var paper = server.Site.AddPaper(null, "Mitteilung ohne Nummer", "Mitteilung", null, server.Site.TextFile("Mitteilung", "Die Stadtbücherei öffnet samstags länger."));

        await host.SyncAsync(server, ct);

        var id = OParlDocumentMapper.ReadableId(server.Site.PaperUrl(paper.Number));
        Assert.Equal("oparl-127-0-0-1-oparl-paper-1", id);
        var document = await host.Get<IKnowledgeIndex>().GetDocumentAsync(id, SearchFilter.PublicOnly, ct);
        Assert.Equal("Mitteilung ohne Nummer", document!.Title);
    }

    [Fact]
    public async Task An_import_never_changes_a_nichtoeffentlich_document_with_the_same_id_and_reports_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        const string Secret = "Kaufpreisverhandlung Grundstück Mühlenweg, vertraulich";
        await host.Get<IngestionPipeline>().IngestDocumentsAsync([new SourceDocument
        {
            Id = "26-42000", Type = DocumentType.Vorlage, Title = "Grundstück Mühlenweg", Visibility = Visibility.NonPublic, Text = Secret, Source = "intern.txt",
        }], ct: ct);
        var index = host.Get<IKnowledgeIndex>();
        var hashBefore = await index.GetContentHashAsync("26-42000", ct);
        var publicCopy = server.Site.AddPaper("26-42000", "Grundstück Mühlenweg", "Vorlage", null, server.Site.TextFile("Vorlage", "Öffentliche Fassung ohne Zahlen."));
        server.Site.AddPaper("26-42001", "Öffentliche Mitteilung", "Mitteilung", null, server.Site.TextFile("Mitteilung", "Der Mühlenweg wird im Sommer neu asphaltiert."));

        var report = await host.SyncAsync(server, ct);
        var again = await host.SyncAsync(server, ct);

        Assert.Equal((1, 1), (report.Counts.Refused, report.Counts.Imported));
        Assert.Contains(report.Issues, i => i.Reason.Contains("26-42000", StringComparison.Ordinal) && i.Reason.Contains("nichtöffentlich", StringComparison.Ordinal));
        Assert.Equal(1, again.Counts.Refused);
        var stored = await index.GetDocumentAsync("26-42000", Everything, ct);
        Assert.Equal((Visibility.NonPublic, "intern.txt", hashBefore), (stored!.Visibility, stored.Source, await index.GetContentHashAsync("26-42000", ct)));
        Assert.Equal(Secret, (await index.GetChunksAsync("26-42000", Everything, ct))[0].Text);

        // A deletion of the refused paper in the council system must not delete the nichtöffentlich document either.
        var refused = await host.Get<OParlStore>().GetPapersAsync([server.Site.PaperUrl(1)], ct);
        Assert.Equal(StoredPaperState.Refused, refused[server.Site.PaperUrl(1)].State);
        server.Site.Delete(publicCopy);
        await host.SyncAsync(server, ct);
        Assert.NotNull(await index.GetDocumentAsync("26-42000", Everything, ct));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_at_the_page_it_stopped_at()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create(s => s["Anfragen:OParl:MaxRetries"] = "1");
        server.Site.MaxPageSize = 2;
        AddPapers(server.Site, 6);
        server.Fail("page=2", 100);

        var first = await host.SyncAsync(server, ct);

        Assert.NotNull(first.Bodies[0].Error);
        Assert.Equal(2, first.Counts.Imported);
        var state = await host.Get<OParlStore>().GetStateAsync(server.Site.BodyUrl, ct);
        Assert.Contains("page=2", state!.CheckpointUrl, StringComparison.Ordinal);

        server.ClearFaults();
        var firstPageRequests = server.CountRequests("page=1") + server.Requests.Count(r => r.EndsWith("papers?limit=4", StringComparison.Ordinal));
        var downloads = server.FileDownloads;
        var second = await host.SyncAsync(server, ct);

        Assert.True(second.Bodies[0].Resumed);
        Assert.Null(second.Bodies[0].Error);
        Assert.Equal(6, second.Counts.Imported);
        Assert.Equal(4, server.FileDownloads - downloads);
        Assert.Equal(firstPageRequests, server.CountRequests("page=1") + server.Requests.Count(r => r.EndsWith("papers?limit=4", StringComparison.Ordinal)));
        Assert.Equal(6, (await host.Get<IKnowledgeIndex>().GetStatisticsAsync(ct)).Documents);
    }

    private static List<SamplePaper> AddPapers(OParlSampleSite site, int count) =>
        [.. Enumerable.Range(1, count).Select(i => site.AddPaper($"26-3{i:0000}", $"Mitteilung Nummer {i} zum Radverkehr", "Mitteilung", new DateOnly(2026, 1, i),
            site.TextFile("Mitteilung", $"Die Verwaltung teilt zum Radweg {i} mit, dass die Markierung im Frühjahr erneuert wird.")))];

    private static byte[] Docx(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "oparl-" + Guid.NewGuid().ToString("N") + ".docx");
        try
        {
            TestDocuments.WriteDocx(path, lines.Select(l => new TestDocuments.DocxLine(l)));
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

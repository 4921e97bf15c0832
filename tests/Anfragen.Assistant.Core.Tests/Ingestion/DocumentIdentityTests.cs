using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Ingestion;

/// <summary>A document's id is its own Drucksache number (header, number field, letterhead), else the file's; never one it cites.</summary>
public sealed class DocumentIdentityTests : IDisposable
{
    private readonly TestKnowledgeBase _kb = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void Ingesting_a_paper_that_only_cites_a_Drucksache_keeps_its_own_id()
    {
        var document = _kb.Loader.FromFileText(
            Path.Combine(_kb.Directory, "mitteilung_spielplatzsanierung.txt"),
            "Mitteilung der Verwaltung\n\nBezugnehmend auf die Mitteilung (Ds. 26-90001) wird über den Stand der Spielplatzsanierung berichtet.\n\nDie Arbeiten beginnen im Mai.");

        Assert.Equal("mitteilung-spielplatzsanierung", document.Id);
    }

    [Theory]
    [InlineData("Anfrage (öffentlich) - 26-13001\nBetreff: Radwege\n\nSachverhalt:\nWie in Ds. 26-90001 dargestellt …")]
    [InlineData("Drucksache 26-13001 – Mitteilung außerhalb von Sitzungen\n\nHitzeschutz\n\nSachverhalt:\nVgl. Drucksache 26-90001.")]
    [InlineData("Bezug: Ds. 26-90001\nDs.-Nr.: 26-13001\nBetreff: Radwege\n\nSachverhalt:\nText.")]
    [InlineData("Vorlage 26-13001: Sanierung der Stadtbibliothek\n\nSachverhalt:\nSiehe Vorlage 26-90001.")]
    [InlineData("Stadt Lindenau\nDrucksachen-Nr.:\n26-13001\n\nBetreff:\nRadwege\n\nSachverhalt:\nText.")]
    [InlineData("Vorlagen-Nr. 26-13001\nStatus: öffentlich\n\nSachverhalt:\nBezugnehmend auf 26-90001 …")]
    [InlineData("Stellungnahme - 26-13001-01\nBetreff: Radwege\n\nSachverhalt:\nZur Anfrage (Ds. 26-13001) nimmt die Verwaltung wie folgt Stellung:\nZu Frage 1: Ja.")]
    [InlineData("Anfrage\n\nDatum\n\nNummer\n\nÖffentlich\n\n06.03.2026\n\n26-13001\n\nAbsender\n\nCDU-Fraktion\n\nBetreff\nRadwege\n\nBezug: 26-90001")]
    public void The_own_number_comes_from_the_header_whatever_the_layout(string text)
    {
        var document = _kb.Loader.FromFileText(Path.Combine(_kb.Directory, "eingang.txt"), text);
        Assert.Equal(text.Contains("26-13001-01", StringComparison.Ordinal) ? "26-13001-01" : "26-13001", document.Id);
    }

    [Theory]
    [InlineData("Bezug: Ds. 26-90001\n\nDie Verwaltung berichtet über den Stand.")]
    [InlineData("Bezug:\nDrucksache 26-90001\n\nBetreff: Radwege\n\nSachverhalt:\nText.")]
    [InlineData("Bezüglich:\n26-90001\nBetreff: Radwege\n\nSachverhalt:\nText.")]
    [InlineData("vgl. Drucksache 26-90001\n\nDie Verwaltung berichtet.")]
    [InlineData("Drucksache 26-90001 wurde im Rat beschlossen. Die Verwaltung berichtet über die Umsetzung.")]
    [InlineData("Betreff: Radwege\n\nSachverhalt:\nVorlage 26-90001: Der Rat hat beschlossen …\nAnfrage (öffentlich) - 26-90001")]
    [InlineData("Anfrage 26-90001 – Radwege in der Oststadt\n\nStellungnahme der Verwaltung\n\nSachverhalt:\nZu Frage 1: Die Radwege werden saniert.")]
    [InlineData("Mitteilung der Verwaltung\nAnlagen:\nStellungnahme 26-90001 - Radwege\n\nDer Bericht folgt.")]
    public void A_number_the_paper_only_cites_is_never_its_id(string text)
    {
        var document = _kb.Loader.FromFileText(Path.Combine(_kb.Directory, "bericht_radwege.txt"), text);
        Assert.Equal("bericht-radwege", document.Id);
    }

    [Theory]
    [InlineData("23-10590-01_stellungnahme_buergerbuero.txt", "23-10590-01")]
    [InlineData("24-11888_anfrage_schulwegsicherheit.md", "24-11888")]
    [InlineData("Anfrage 24-11888.pdf", "24-11888")]
    [InlineData("2026-04_anfrage_radverkehr.txt", "2026-04-anfrage-radverkehr")]
    public void Without_an_own_number_in_the_text_the_file_name_gives_the_id(string fileName, string expected)
    {
        var document = _kb.Loader.FromFileText(Path.Combine(_kb.Directory, fileName), "Zur Anfrage (Ds. 26-90001) wird wie folgt Stellung genommen:\nZu Frage 1: Ja.");
        Assert.Equal(expected, document.Id);
    }

    [Fact]
    public void On_real_council_pages_the_parser_reads_the_papers_own_number_or_none_never_a_cited_one()
    {
        var corpus = Path.Combine(SharedData.Require(), "data", "corpus-dev.jsonl");
        var parser = new InquiryParser(new DocumentTextReader(Microsoft.Extensions.Options.Options.Create(new Configuration.AssistantOptions())));
        var found = 0;
        foreach (var line in File.ReadLines(corpus))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var page = json.RootElement.GetProperty("page").GetString()!;
            var parsed = parser.ParseLenient(page).Id;
            Assert.True(parsed is null || parsed == id, $"page of {id} read as {parsed}");
            found += parsed is null ? 0 : 1;
        }

        // Most real pages carry their own number in the header ("Anfrage (öffentlich) - …", "Vorlage - …").
        Assert.True(found >= 50, $"only {found} own numbers read");
    }

    [Fact]
    public async Task Ingesting_the_sample_archive_stores_every_document_it_reports_and_keeps_the_archived_anfragen()
    {
        var report = await _kb.Pipeline.IngestPathsAsync([RepositoryData()], IngestionRequest.Default, null, Ct);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Refused);
        Assert.Equal(report.New, (await _kb.Index.GetStatisticsAsync(Ct)).Documents);
        foreach (var id in new[] { "23-10230", "24-12004", "25-12877" })
        {
            var archived = await _kb.Index.GetDocumentAsync(id, SearchFilter.PublicOnly, Ct);
            Assert.Equal(DocumentType.Anfrage, archived?.Type);
            Assert.EndsWith("corpus.jsonl", PaperIdentity.SourceFile(archived!.Source), StringComparison.Ordinal);
        }

        // The two nichtöffentlich papers stay so; every loose file carries an öffentlich marker of its own.
        var all = await _kb.Index.ListDocumentsAsync(new SearchFilter { IncludeNonPublic = true }, 0, 1000, Ct);
        Assert.Equal(["24-11733", "25-12380"], all.Where(d => d.Visibility == Visibility.NonPublic).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    internal static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anfragen.Assistant.sln")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("Repository root with data/ not found.");
    }
}

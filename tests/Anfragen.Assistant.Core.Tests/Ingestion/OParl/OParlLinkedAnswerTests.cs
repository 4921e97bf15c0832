using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion.OParl;

public sealed class OParlLinkedAnswerTests
{
    [Fact]
    public async Task The_prior_answer_of_an_imported_Anfrage_is_found_through_the_papers_the_council_system_links()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await OParlTestServer.StartAsync(ct);
        await using var host = OParlImportHost.Create();
        var site = server.Site;

        // Numbers that say nothing about each other: only the OParl links tie the answer to the inquiry.
        var anfrage = site.AddPaper("A-2025-117", "Beleuchtung des Uferwegs", "Anfrage", new DateOnly(2025, 9, 1), site.TextFile("Anfrage",
            "Anfrage der SPD-Fraktion\n\nDer Uferweg ist abends unbeleuchtet.\n\nWir fragen die Verwaltung:\n\n1. Wann wird der Uferweg beleuchtet?\n2. Was kostet die Beleuchtung?\n"));
        var antwort = site.AddPaper("V-2025-0480", "Beleuchtung des Uferwegs", "Beantwortung einer Anfrage", new DateOnly(2025, 10, 1), site.TextFile("Antwort",
            "Die Verwaltung beantwortet die Anfrage wie folgt:\n\nZu 1.: Die Leuchten werden im Frühjahr 2026 aufgestellt.\n\nZu 2.: Die Beleuchtung kostet 84.000 Euro.\n"));
        site.Change(antwort, p => p.SuperordinatedPapers.Add(anfrage.Number));
        await host.SyncAsync(server, ct);

        var index = host.Get<IKnowledgeIndex>();
        var links = host.Get<IPaperLinks>();
        var question = (await index.GetChunksAsync("A-2025-117", SearchFilter.PublicOnly, ct)).First(c => c.QuestionNumber == 2);
        var answer = await PriorAnswer.FindAsync(index, links, question, SearchFilter.PublicOnly, ct);

        Assert.Equal(["V-2025-0480"], await links.LinkedDocumentIdsAsync("A-2025-117", ct));
        Assert.Equal(["A-2025-117"], await links.LinkedDocumentIdsAsync("V-2025-0480", ct));
        Assert.Equal(("V-2025-0480", 2), (answer!.DocumentId, answer.QuestionNumber!.Value));
        Assert.Contains("84.000 Euro", answer.Text, StringComparison.Ordinal);

        // Without the link there is no answer: neither the "-NN" numbering nor a naming head applies.
        site.Change(antwort, p => p.SuperordinatedPapers.Clear());
        await host.SyncAsync(server, ct);
        Assert.Null(await PriorAnswer.FindAsync(index, links, question, SearchFilter.PublicOnly, ct));
    }
}

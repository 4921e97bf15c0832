using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;

namespace Anfragen.Assistant.Ingestion;

public sealed class DocumentLoaderTests : IDisposable
{
    private readonly TestKnowledgeBase _kb = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Reads_corpus_lines_with_empty_fields_both_date_formats_and_extra_fields()
    {
        var corpus = Write("corpus.jsonl", """
            {"id":"25-26577","type":"Anfrage","title":"Radweg Hondelage","date":"04.03.2025","committee":"Bauausschuss","visibility":"öffentlich","url":"https://example.org/1","text":"Der Radweg ist marode. Daher fragen wir:\n1. Wann wird saniert?","questions":["Wann wird saniert?"],"page":"ignored","extra":42}
            {"id":"25-26577-01","type":"Stellungnahme","title":"","date":"2025-04-01","committee":"","visibility":"nichtöffentlich","url":"","text":"Zu Frage 1: Im Herbst.","questions":[]}

            {"id":"24-1","type":"","title":"Ohne Datum","date":"","visibility":"","text":"Mitteilung der Verwaltung über Bänke."}
            """);

        var items = await LoadAsync(corpus);

        Assert.All(items, i => Assert.Null(i.Error));
        var first = items[0].Document!;
        Assert.Equal(("25-26577", DocumentType.Anfrage, "Radweg Hondelage", new DateOnly(2025, 3, 4), "Bauausschuss", Visibility.Public, "https://example.org/1"),
            (first.Id, first.Type, first.Title, first.Date!.Value, first.Committee!, first.Visibility, first.Url!));
        Assert.Equal(["Wann wird saniert?"], first.Questions);
        Assert.Equal($"{corpus}:1", first.Source);
        var second = items[1].Document!;
        Assert.Equal(new DateOnly(2025, 4, 1), second.Date);
        Assert.Equal(Visibility.NonPublic, second.Visibility);
        Assert.Null(second.Committee);
        Assert.Null(second.Url);
        Assert.False(string.IsNullOrWhiteSpace(second.Title));
        var third = items[2].Document!;
        Assert.Null(third.Date);
        Assert.Equal(DocumentType.Mitteilung, third.Type);
        Assert.Equal($"{corpus}:4", third.Source);
    }

    [Fact]
    public async Task Empty_metadata_fields_are_filled_from_the_letter_head_in_the_text()
    {
        var corpus = Write("head.jsonl", """
            {"id":"23-30001","type":"Anfrage","title":"Spielplätze","date":"","committee":"","visibility":"","text":"Betreff:\nSpielplätze\n\nDatum:\n01.03.2023\n\nBeratungsfolge:\tSitzungstermin\tStatus\nJugendhilfeausschuss (zur Beantwortung)\t16.03.2023\tN\n\nSachverhalt:\nDie Geräte sind alt.\n\nDaher fragen wir:\n1. Wann werden sie ersetzt?"}
            """);

        var document = Assert.Single(await LoadAsync(corpus)).Document!;

        Assert.Equal(new DateOnly(2023, 3, 1), document.Date);
        Assert.Equal("Jugendhilfeausschuss", document.Committee);
        // Status N in the Beratungsfolge: nichtöffentlich, although the field was left empty.
        Assert.Equal(Visibility.NonPublic, document.Visibility);
    }

    [Fact]
    public async Task Uses_the_page_text_when_text_is_empty()
    {
        var corpus = Write("page.jsonl", """
            {"id":"23-21694","type":"Anfrage","title":"","text":"","page":"Anfrage (öffentlich) - 23-21694\nSachverhalt:\nDie Anwohner des Brodwegs wurden nie gefragt.\n1) Gab es eine Befragung?"}
            """);
        var document = Assert.Single(await LoadAsync(corpus)).Document!;
        Assert.Contains("Brodwegs", document.Text, StringComparison.Ordinal);
        Assert.Equal("23-21694", document.Id);
    }

    [Theory]
    [InlineData("Die Lokalzeitung berichtete am 12.3. über die geplante Schließung des Hallenbads Nord; Anwohner kritisieren das.", "Die Lokalzeitung berichtete am 12.3. über die geplante Schließung des Hallenbads Nord")]
    [InlineData("Seit der Sitzung vom 4. Mai 2025 (Ds. 25-10001) ist nichts geschehen. Wir fragen daher nach.", "Seit der Sitzung vom 4. Mai 2025 (Ds. 25-10001) ist nichts geschehen")]
    [InlineData("Die Kosten steigen z. B. bei Nr. 4 deutlich an. Mehr dazu unten.", "Die Kosten steigen z. B. bei Nr. 4 deutlich an")]
    public async Task Without_a_title_the_first_sentence_is_the_title_not_cut_at_a_date_or_abbreviation(string text, string title)
    {
        var corpus = Write("untitled.jsonl", JsonSerializer.Serialize(new { id = "25-10002", type = "Mitteilung", title = "", text }));

        var document = Assert.Single(await LoadAsync(corpus)).Document!;

        Assert.Equal(title, document.Title);
    }

    [Fact]
    public async Task An_untitled_answer_takes_the_title_of_its_inquiry_wherever_it_stands_in_the_file()
    {
        var corpus = Write("pairs.jsonl", string.Join('\n',
            JsonSerializer.Serialize(new { id = "25-10003-01", type = "Stellungnahme", title = "", text = "Zur Anfrage vom 3.2.2025 wird wie folgt Stellung genommen:\nZu Frage 1: Das Hallenbad öffnet im Mai." }),
            JsonSerializer.Serialize(new { id = "25-10003", type = "Anfrage", title = "Wiedereröffnung Hallenbad Nord", text = "Wir fragen:\n1. Wann öffnet das Hallenbad?" })));

        var documents = (await LoadAsync(corpus)).Select(i => i.Document!).ToList();

        Assert.Equal("Wiedereröffnung Hallenbad Nord", documents.Single(d => d.Id == "25-10003-01").Title);
    }

    [Fact]
    public async Task Reports_bad_corpus_lines_with_file_and_line_and_goes_on()
    {
        var corpus = Write("bad.jsonl", """
            {"id":"1","type":"Mitteilung","title":"Gut","text":"Erster guter Text."}
            {"id":"2","type":"Mitteilung", kaputt
            ["kein", "objekt"]
            {"id":"3","type":"Mitteilung","title":"Leer","text":"   "}
            {"id":"4","type":"Mitteilung","title":"Gut","text":"Zweiter guter Text."}
            """);

        var items = await LoadAsync(corpus);

        Assert.Equal(["1", "4"], items.Where(i => i.Document is not null).Select(i => i.Document!.Id));
        var errors = items.Where(i => i.Error is not null).ToList();
        Assert.Equal([$"{corpus}:2", $"{corpus}:3", $"{corpus}:4"], errors.Select(e => e.Source));
        Assert.Contains("JSON", errors[0].Error, StringComparison.Ordinal);
        Assert.Contains("text", errors[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_text_files_with_metadata_from_the_file_and_its_name()
    {
        var dir = Path.Combine(_kb.Directory, "archiv", "2024");
        Directory.CreateDirectory(dir);
        Write(Path.Combine("archiv", "2024", "24-24284-01 Antwort.txt"), "Stellungnahme der Verwaltung\n\nZu Frage 1:\nDie Plattform wird nicht genutzt.");
        Write(Path.Combine("archiv", "notiz über Bänke.md"), "# Bänke im Park\n\nDie Bänke werden erneuert.");
        Write(Path.Combine("archiv", "anfrage.txt"), "Betreff: Spielplätze\n\nEs fehlen Spielplätze. Daher fragen wir die Verwaltung:\n1. Wo fehlen Spielplätze?\n2. Was wird getan?");
        Write(Path.Combine("archiv", "ignoriert.xyz"), "nicht unterstützt");
        Write(Path.Combine("archiv", "README.md"), "# Über dieses Archiv");
        Write(Path.Combine("archiv", "queries.jsonl"), "{\"id\":\"q1\",\"query\":\"Bänke\",\"relevant\":[\"x\"]}");
        Write(Path.Combine("archiv", "chat-questions.jsonl"), "{\"id\":\"c1\",\"question\":\"Wo stehen Bänke?\",\"relevant\":[]}");
        Write(Path.Combine("archiv", "draft-questions.jsonl"), "{\"id\":\"d1\",\"subject\":\"Bänke\",\"question\":\"Wie viele Bänke?\",\"relevant\":[\"x\"]}");

        var items = await LoadAsync(Path.Combine(_kb.Directory, "archiv"));

        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(3, items.Count);
        var byId = items.Select(i => i.Document!).ToDictionary(d => d.Id);
        Assert.Equal(DocumentType.Stellungnahme, byId["24-24284-01"].Type);
        var note = byId["notiz-ueber-baenke"];
        Assert.Equal("Bänke im Park", note.Title);
        var inquiry = Assert.Single(byId.Values, d => d.Type == DocumentType.Anfrage);
        Assert.Equal(2, inquiry.Questions.Count);
    }

    [Fact]
    public async Task A_nonpublic_mark_in_the_head_of_a_file_makes_it_nonpublic()
    {
        var file = Write("geheim.txt", "Mitteilung (nichtöffentlich)\n\nGrundstücksangelegenheit.");
        Assert.Equal(Visibility.NonPublic, Assert.Single(await LoadAsync(file)).Document!.Visibility);
    }

    [Fact]
    public async Task Reports_each_bad_file_with_its_reason_and_goes_on()
    {
        var empty = Write("leer.txt", string.Empty);
        var binary = Path.Combine(_kb.Directory, "binär.txt");
        await File.WriteAllBytesAsync(binary, [0x50, 0x4B, 0x00, 0x01, 0xFF, 0x00], Ct);
        var corruptPdf = Path.Combine(_kb.Directory, "kaputt.pdf");
        await File.WriteAllTextAsync(corruptPdf, "%PDF-1.7 this is not a pdf", Ct);
        var corruptDocx = Path.Combine(_kb.Directory, "kaputt.docx");
        await File.WriteAllTextAsync(corruptDocx, "not a zip archive", Ct);
        var large = Write("gross.txt", new string('a', 70 * 1024));
        var unsupported = Write("bild.png", "png");
        var good = Write("gut.txt", "Ein guter Text über Radwege.");

        var items = await LoadAsync(empty, binary, corruptPdf, corruptDocx, large, unsupported, Path.Combine(_kb.Directory, "fehlt.txt"), good);

        Assert.Equal(8, items.Count);
        Assert.Equal([good], items.Where(i => i.Document is not null).Select(i => i.Source));
        Assert.All(items.Where(i => i.Document is null), i => Assert.False(string.IsNullOrWhiteSpace(i.Error)));
        Assert.Contains("groß", items[4].Error, StringComparison.Ordinal);
        Assert.Contains(".png", items[5].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stellungnahme der Verwaltung\nZu Frage 1: ja", DocumentType.Stellungnahme)]
    [InlineData("Die Verwaltung nimmt zur Anfrage vom 1. Mai wie folgt Stellung:", DocumentType.Stellungnahme)]
    [InlineData("Anfrage (öffentlich) - 25-25403\nText", DocumentType.Anfrage)]
    [InlineData("Mitteilung der Verwaltung\nDer Bericht folgt.", DocumentType.Mitteilung)]
    [InlineData("Die Bäume sind krank. Daher fragen wir die Verwaltung:\n1. Welche?", DocumentType.Anfrage)]
    [InlineData("Ein Protokoll ohne erkennbare Art.", DocumentType.Other)]
    public void Guesses_the_type_from_the_text(string text, DocumentType expected) =>
        Assert.Equal(expected, DocumentLoader.GuessType(text, text));

    private async Task<List<LoadedItem>> LoadAsync(params string[] paths)
    {
        var items = new List<LoadedItem>();
        await foreach (var item in _kb.Loader.LoadAsync(paths, Ct))
        {
            items.Add(item);
        }

        return items;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_kb.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}

using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

public sealed class DocumentChunkerTests
{
    private readonly DocumentChunker _chunker = new();

    [Fact]
    public void Anfrage_gives_background_and_one_chunk_per_question_prefixed_with_the_subject()
    {
        var text = "Die Beleuchtung am Bebelhof ist unzureichend. Anwohner berichten von dunklen Wegen.\n\nDaher fragen wir die Verwaltung:\n1. Wann werden die Laternen ersetzt?\n2. Welche Kosten entstehen?";
        var chunks = _chunker.Split(Doc(DocumentType.Anfrage, "Beleuchtung Bebelhof", text, ["Wann werden die Laternen ersetzt?", "Welche Kosten entstehen?"]));

        Assert.Equal(3, chunks.Count);
        Assert.Null(chunks[0].QuestionNumber);
        Assert.Contains("Beleuchtung am Bebelhof", chunks[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Laternen ersetzt", chunks[0].Text, StringComparison.Ordinal);
        Assert.Equal("Beleuchtung Bebelhof – Frage 1: Wann werden die Laternen ersetzt?", chunks[1].Text);
        Assert.Equal(1, chunks[1].QuestionNumber);
        Assert.Equal("Beleuchtung Bebelhof – Frage 2: Welche Kosten entstehen?", chunks[2].Text);
        Assert.Equal(["25-00001#0", "25-00001#1", "25-00001#2"], chunks.Select(c => c.ChunkId));
    }

    [Fact]
    public void Anfrage_without_question_list_finds_numbered_questions_in_the_text()
    {
        var text = "Hintergrund zur Sporthalle.\nWir fragen:\n1) Wann wird die Halle saniert?\n2) Wer trägt die Kosten?";
        var chunks = _chunker.Split(Doc(DocumentType.Anfrage, "Sporthalle", text));
        Assert.Equal([null, 1, 2], chunks.Select(c => c.QuestionNumber));
        Assert.EndsWith("Wer trägt die Kosten?", chunks[2].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n\nSternberg\nStadtbaurat\n\nAnlage/n:\nkeine")]
    [InlineData("\n\ni. V.\nJens Hartwig\nErster Stadtrat")]
    [InlineData("\n\ngez. Dr. Berger\nOberbürgermeisterin")]
    [InlineData("\n\nDr. Katrin Berger\nOberbürgermeisterin\n\nAnlagen: keine")]
    public void The_signature_block_is_not_part_of_the_last_answer(string signature)
    {
        var text = "Zu Frage 1:\nDie Laternen werden 2025 ersetzt.\n\nZu Frage 2:\nDie Kosten betragen 40.000 Euro.\nAnlage 1 zeigt die Standorte der Laternen." + signature;

        var chunks = _chunker.Split(Doc(DocumentType.Stellungnahme, "Laternen", text));

        Assert.Equal("Zu Frage 2:\nDie Kosten betragen 40.000 Euro.\nAnlage 1 zeigt die Standorte der Laternen.", chunks[^1].Text);
    }

    [Theory]
    [InlineData("Zu Frage 1:\nDie Laternen werden 2025 ersetzt.\n\nZu Frage 2:\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Zu 1.\nDie Laternen werden 2025 ersetzt.\nZu 2.\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Zu 1.:\nDie Laternen werden 2025 ersetzt.\nZu 2.:\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Frage 1: Die Laternen werden 2025 ersetzt.\nFrage 2: Die Kosten betragen 40.000 Euro.")]
    [InlineData("Antwort zu Frage 1:\nDie Laternen werden 2025 ersetzt.\n\nAntwort zu Frage 2:\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Zu Ziffer 1:\nDie Laternen werden 2025 ersetzt.\nZu Ziffer 2:\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Zur Frage 1:\nDie Laternen werden 2025 ersetzt.\nZur Frage 2:\nDie Kosten betragen 40.000 Euro.")]
    [InlineData("Dies vorangestellt beantwortet die Verwaltung die Fragen wie folgt.\n1. Wann werden die Laternen ersetzt?\nDie Laternen werden 2025 ersetzt.\n2. Welche Kosten entstehen?\nDie Kosten betragen 40.000 Euro.")]
    public void Stellungnahme_is_split_so_each_answer_is_a_chunk_with_its_question_number(string answers)
    {
        var text = "Die Verwaltung nimmt zur Anfrage wie folgt Stellung:\n\n" + answers;
        var chunks = _chunker.Split(Doc(DocumentType.Stellungnahme, "Beleuchtung", text));

        var numbered = chunks.Where(c => c.QuestionNumber is not null).ToList();
        Assert.Equal([1, 2], numbered.Select(c => c.QuestionNumber!.Value));
        Assert.Contains("2025 ersetzt", numbered[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("40.000", numbered[0].Text, StringComparison.Ordinal);
        Assert.Contains("40.000 Euro", numbered[1].Text, StringComparison.Ordinal);
        Assert.Contains(chunks, c => c.QuestionNumber is null && c.Text.Contains("wie folgt Stellung", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_prose_is_split_into_about_250_word_chunks_with_overlap()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i => string.Join(' ', Enumerable.Repeat($"Wort{i}", 29)) + $" Ende{i}.");
        var chunks = _chunker.Split(Doc(DocumentType.Mitteilung, "Bericht", string.Join("\n\n", paragraphs)));

        Assert.InRange(chunks.Count, 4, 6);
        Assert.All(chunks, c => Assert.InRange(c.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, 1, 250));
        for (var i = 1; i < chunks.Count; i++)
        {
            var previousLast = chunks[i - 1].Text.Split('\n')[^1];
            Assert.StartsWith(previousLast, chunks[i].Text, StringComparison.Ordinal); // overlap: the last paragraph repeats
        }

        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains(chunks, c => c.Text.Contains($"Ende{i}.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Headings_start_a_new_chunk()
    {
        var body = string.Join(' ', Enumerable.Repeat("Inhalt", 80)) + ".";
        var text = $"# Ausgangslage\n{body}\n\n# Finanzierung\n{body}";
        var chunks = _chunker.Split(Doc(DocumentType.Vorlage, "Vorlage", text));
        Assert.Equal(2, chunks.Count);
        Assert.StartsWith("# Finanzierung", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chunk_carries_the_document_metadata()
    {
        var document = Doc(DocumentType.Mitteilung, "Titel", "Ein Absatz.") with { Date = new DateOnly(2024, 2, 3), Committee = "Rat", Visibility = Visibility.NonPublic };
        var chunk = Assert.Single(_chunker.Split(document));
        Assert.Equal(("25-00001", DocumentType.Mitteilung, "Titel", new DateOnly(2024, 2, 3), "Rat", Visibility.NonPublic),
            (chunk.DocumentId, chunk.DocumentType, chunk.Title, chunk.Date!.Value, chunk.Committee!, chunk.Visibility));
    }

    [Fact]
    public void Empty_text_gives_no_chunks()
    {
        Assert.Empty(_chunker.Split(Doc(DocumentType.Mitteilung, "Leer", "  \n \n")));
    }

    private static SourceDocument Doc(DocumentType type, string title, string text, IReadOnlyList<string>? questions = null) => new()
    {
        Id = "25-00001",
        Type = type, Visibility = Visibility.Public,
        Title = title,
        Text = text,
        Questions = questions ?? [],
    };
}

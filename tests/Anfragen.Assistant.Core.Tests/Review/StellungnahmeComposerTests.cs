using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Review.Export;

namespace Anfragen.Assistant.Review;

public sealed class StellungnahmeComposerTests
{
    private static readonly DateOnly Date = new(2026, 4, 22);

    [Fact]
    public void The_letter_has_the_heading_data_and_per_question_the_question_and_the_answer_without_a_second_heading()
    {
        var letter = StellungnahmeComposer.Compose(Letters.Record(), Letters.Answers(), Date, CitationStyle.Reference);

        Assert.Equal("Beleuchtung und Winterdienst am Ringgleis", letter.Subject);
        Assert.Equal("26-14005-01", letter.Drucksache);
        Assert.Equal(["25-26577"], letter.References);
        Assert.Equal(
            [("Drucksache", "26-14005-01"), ("Anfrage", "Ds. 26-14005 vom 15.04.2026"), ("Bezüge", "Ds. 25-26577"), ("Gremium", "Mobilitätsausschuss"), ("Sitzung", "30.04.2026, öffentlich"), ("Datum", "22.04.2026")],
            letter.HeadingLines());
        Assert.Equal("Zur Anfrage vom 15.04.2026 (Ds. 26-14005) nimmt die Verwaltung wie folgt Stellung:", letter.Opening);
        Assert.Equal([1, 2], letter.Sections.Select(s => s.Number));
        var first = letter.Sections[0];
        Assert.Equal("Wann wird die Beleuchtung des Ringgleises ergänzt?", first.Question);
        Assert.Equal(["Die Beleuchtung wird 2026 mit LED-Leuchten ergänzt (vgl. Ds. 24-11001-01).", "Die Kosten trägt der Haushalt."], first.Paragraphs);
    }

    [Fact]
    public void Citation_markers_become_references_a_reader_understands_or_are_removed_and_never_dangle()
    {
        IReadOnlyList<Citation> citations = [Letters.Prior, Letters.Paper];

        Assert.Equal("Es wird ergänzt (vgl. Ds. 24-11001-01).", CitationReferences.Apply("Es wird ergänzt [1].", citations, CitationStyle.Reference));
        Assert.Equal("Es wird ergänzt (vgl. Ds. 24-11001-01; „Beleuchtungskonzept Innenstadt“).", CitationReferences.Apply("Es wird ergänzt [1][2].", citations, CitationStyle.Reference));
        Assert.Equal("Es wird ergänzt (vgl. Ds. 24-11001-01).", CitationReferences.Apply("Es wird ergänzt [1, 7].", citations, CitationStyle.Reference));
        Assert.Equal("Es wird ergänzt.", CitationReferences.Apply("Es wird ergänzt [7].", citations, CitationStyle.Reference));
        Assert.Equal("Es wird ergänzt.", CitationReferences.Apply("Es wird ergänzt [1].", citations, CitationStyle.Remove));

        // A marker in front of a passage (drafts stored before version 2) moves behind it.
        Assert.Equal("Die Beleuchtung wird ergänzt. (vgl. Ds. 24-11001-01)", CitationReferences.Apply("[1] Die Beleuchtung wird ergänzt.", citations, CitationStyle.Reference));

        // A passage of an earlier letter that already names its source gets one list, each source once.
        Assert.Equal("Es wird ergänzt (vgl. Ds. 23-22640; Ds. 24-11001-01).", CitationReferences.Apply("Es wird ergänzt (vgl. Ds. 23-22640) [1].", citations, CitationStyle.Reference));
        Assert.Equal("Es wird ergänzt. (vgl. Ds. 24-11001-01)", CitationReferences.Apply("Es wird ergänzt. (vgl. Ds. 24-11001-01) [1]", citations, CitationStyle.Reference));

        // Brackets that are no citation markers stay.
        Assert.Equal("Im Jahr [2019] laut Anlage [A].", CitationReferences.Apply("Im Jahr [2019] laut Anlage [A].", citations, CitationStyle.Reference));
    }

    [Fact]
    public void The_archived_copy_is_chunked_per_question_and_each_chunk_holds_the_question_and_the_clean_answer()
    {
        var record = Letters.Record();
        var letter = StellungnahmeComposer.Compose(record, Letters.Answers(), Date, CitationStyle.Reference);

        var document = StellungnahmeExport.ToArchive(record, letter);
        var chunks = new DocumentChunker().Split(document);

        Assert.Equal(DocumentType.Stellungnahme, document.Type);
        Assert.Equal("26-14005-01", document.Id);
        Assert.Equal("Mobilitätsausschuss", document.Committee);
        var answers = chunks.Where(c => c.QuestionNumber is not null).ToList();
        Assert.Equal([1, 2], answers.Select(c => c.QuestionNumber!.Value));
        Assert.StartsWith("Zu Frage 1:\n„Wann wird die Beleuchtung des Ringgleises ergänzt?“\nDie Beleuchtung wird 2026", answers[0].Text, StringComparison.Ordinal);
        Assert.All(chunks, c => Assert.DoesNotMatch(@"\[\d+\]", c.Text));
        Assert.Single(chunks, c => c.Text.Contains("Zu Frage 1:", StringComparison.Ordinal));

        // The opening names the Anfrage, as prior-answer lookups expect of a Stellungnahme's head.
        Assert.Contains("Zur Anfrage vom 15.04.2026 (Ds. 26-14005)", chunks[0].Text, StringComparison.Ordinal);

        // Taken up again as a proposal for a later draft, the passage is the answer alone.
        Assert.StartsWith("Die Beleuchtung wird 2026", AnswerHeading.StripAny(answers[0].Text), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_the_Gremium_and_escapes_what_would_be_markup()
    {
        var answers = new[] { Letters.Answer(1, "<b>fett</b> *kursiv* [Link](javascript:x) & mehr &amp;\n# Keine Überschrift\n- kein Punkt"), Letters.Answer(2, "Geräumt wird zuerst.") };
        var markdown = StellungnahmeMarkdown.Write(StellungnahmeComposer.Compose(Letters.Record(), answers, Date, CitationStyle.Reference));

        Assert.Contains("**Gremium:** Mobilitätsausschuss  \n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Zu Frage 1:\n\n> Wann wird die Beleuchtung des Ringgleises ergänzt?\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;fett&lt;/b&gt; \\*kursiv\\* \\[Link\\](javascript:x) & mehr &amp;amp;  \n\\# Keine Überschrift  \n\\- kein Punkt", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inquiry_without_a_number_gets_an_opening_with_its_subject()
    {
        var letter = StellungnahmeComposer.Compose(Letters.Record(drucksache: null) with { Inquiry = Letters.Record().Inquiry with { Id = null, Date = null } }, Letters.Answers(), Date, CitationStyle.Remove);

        Assert.Null(letter.Drucksache);
        Assert.Equal("Zur Anfrage „Beleuchtung und Winterdienst am Ringgleis“ nimmt die Verwaltung wie folgt Stellung:", letter.Opening);
        Assert.Equal("Die Beleuchtung wird 2026 mit LED-Leuchten ergänzt.", letter.Sections[0].Paragraphs[0]);
    }
}

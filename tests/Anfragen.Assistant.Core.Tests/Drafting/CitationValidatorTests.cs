using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

public sealed class CitationValidatorTests
{
    private static readonly Passage[] Passages =
    [
        Make(1, "24-1-01", "Die Verwaltung prüft derzeit – gemeinsam mit dem Fachbereich –  die Einführung eines digitalen\nAntragsverfahrens."),
        Make(2, "24-2-01", "Für den Winterdienst stehen zwölf Kleintraktoren zur Verfügung."),
        Make(3, "24-3", "Der Rat hat die „Innovationsstrategie“ im Jahr 2025 beschlossen."),
    ];

    private readonly CitationValidator _validator = new();

    [Theory]
    [InlineData("Das Verfahren wird geprüft [1]. Es gibt Traktoren [2].")]
    [InlineData("Das Verfahren wird geprüft und es gibt Traktoren [1, 2].")]
    [InlineData("Das Verfahren wird geprüft und es gibt Traktoren [1][2].")]
    [InlineData("Das Verfahren wird geprüft und es gibt Traktoren [1; 2] sowie [1].")]
    public void Reads_single_grouped_and_adjacent_markers(string text)
    {
        var check = _validator.Validate(text, Passages);

        Assert.Equal(["[1]", "[2]"], check.Citations.Select(c => c.Marker));
        Assert.Equal(["24-1-01", "24-2-01"], check.Citations.Select(c => c.DocumentId));
        Assert.Empty(check.InvalidCitations);
    }

    [Fact]
    public void A_marker_without_a_passage_is_invalid_and_never_a_citation()
    {
        var check = _validator.Validate("Zu Frage 1: Siehe [2] und [99] sowie [0].", Passages);

        Assert.Equal(["[2]"], check.Citations.Select(c => c.Marker));
        Assert.Equal(["[99]", "[0]"], check.InvalidCitations);
    }

    [Theory]
    [InlineData("Die Verwaltung „prüft derzeit - gemeinsam mit dem Fachbereich - die Einführung eines digitalen Antragsverfahrens“ [1].")]
    [InlineData("Laut [1]: \"Die Verwaltung prüft derzeit — gemeinsam mit dem Fachbereich — die Einführung\".")]
    [InlineData("Es heißt „Die Verwaltung prüft derzeit … eines digitalen Antragsverfahrens“ [1].")]
    [InlineData("Der Rat hat die „Innovationsstrategie“ beschlossen [3].")]
    public void A_quotation_found_in_the_cited_passage_after_normalisation_is_valid(string text)
    {
        var check = _validator.Validate(text, Passages);

        Assert.Single(check.Citations);
        Assert.Empty(check.InvalidCitations);
    }

    [Fact]
    public void A_quotation_that_is_not_in_the_cited_passage_makes_its_marker_invalid()
    {
        var check = _validator.Validate("Die Verwaltung „hat das Verfahren bereits eingeführt“ [1]. Es gibt Traktoren [2].", Passages);

        Assert.Equal(["[2]"], check.Citations.Select(c => c.Marker));
        Assert.Equal(["[1]"], check.InvalidCitations);
    }

    [Fact]
    public void A_quotation_from_another_passage_than_the_cited_one_is_invalid()
    {
        var check = _validator.Validate("„Für den Winterdienst stehen zwölf Kleintraktoren zur Verfügung“ [1].", Passages);

        Assert.Equal(["[1]"], check.InvalidCitations);
    }

    [Fact]
    public void Normalisation_unifies_quotes_dashes_whitespace_case_and_compatibility_forms()
    {
        Assert.Equal("a-b c ﬁ", CitationValidator.Normalize("A–B\u00A0\n C ﬁ").Replace("fi", "ﬁ", StringComparison.Ordinal));
        Assert.Equal("zitat", CitationValidator.Normalize("„Zitat“"));
        Assert.True(CitationValidator.Contains("Straße\u00ADnbau im Jahr 2025", "Straßenbau im  Jahr 2025"));
    }

    private static Passage Make(int number, string documentId, string text) => new(number, new Chunk
    {
        ChunkId = Chunk.MakeId(documentId, 0),
        DocumentId = documentId,
        Ordinal = 0,
        DocumentType = DocumentType.Stellungnahme,
        Title = "T" + number,
        Text = text,
    }, text);
}

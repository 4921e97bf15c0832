using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The assistant's own words about a draft ("Vorschlag aus früheren Stellungnahmen", "bitte prüfen und anpassen", "Zulieferung
/// durch den Fachbereich erforderlich"). They are notes beside a draft; when a person copied one into the answer text, it
/// must not reach the letter, so submitting and approving refuse such a text and name the words.
/// </summary>
public static class AssistantNotes
{
    private static readonly string[] Phrases =
    [
        ExtractiveDrafter.ProposalLabel,
        ExtractiveDrafter.AdministrationPapersLabel,
        ExtractiveDrafter.ProposalHint.Trim(),
        ExtractiveDrafter.NothingFound,
        ExtractiveDrafter.NothingFound[(ExtractiveDrafter.NothingFound.IndexOf(';', StringComparison.Ordinal) + 1)..].Trim().TrimEnd('.'),
    ];

    /// <summary>The first note of the assistant found in <paramref name="text"/>, or null.</summary>
    public static string? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Phrases.FirstOrDefault(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    public static string Refusal(int number, string note) =>
        $"Frage {number}: Der Text enthält noch den Hinweis des Assistenten „{note}“. Bitte durch die Antwort der Verwaltung ersetzen; Hinweise gehen nicht in die Stellungnahme.";
}

using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// The approved Stellungnahme as the administration sends it, independent of the file format: heading data, the
/// opening sentence, and per question the question text and the answer ("Zu Frage n:" is the writers' heading, once).
/// Answer paragraphs are final text: no heading, no note of the assistant, citation markers resolved or removed.
/// </summary>
public sealed record StellungnahmeLetter
{
    public const string Heading = "Stellungnahme der Verwaltung";

    /// <summary>The Betreff.</summary>
    public required string Subject { get; init; }

    /// <summary>The Stellungnahme's own number ("26-13500-01"), or null when the inquiry has none.</summary>
    public string? Drucksache { get; init; }

    /// <summary>The inquiry's Drucksache number.</summary>
    public string? InquiryDrucksache { get; init; }
    public DateOnly? InquiryDate { get; init; }

    /// <summary>Other papers the inquiry refers to (Bezüge), as Drucksache numbers.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
    public string? Committee { get; init; }
    public DateOnly? SessionDate { get; init; }
    public required Visibility Visibility { get; init; }

    /// <summary>The date of the letter (the final approval).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>"Zur Anfrage vom 15.04.2026 (Ds. 26-13500) nimmt die Verwaltung wie folgt Stellung:".</summary>
    public required string Opening { get; init; }
    public required IReadOnlyList<LetterSection> Sections { get; init; }

    /// <summary>"Sitzung: 30.04.2026, öffentlich" and the other lines of the heading block, label and value.</summary>
    public IReadOnlyList<(string Label, string Value)> HeadingLines()
    {
        var lines = new List<(string, string)>();
        if (Drucksache is not null)
        {
            lines.Add(("Drucksache", Drucksache));
        }

        if (InquiryDrucksache is not null || InquiryDate is not null)
        {
            var inquiry = string.Join(" ", new[] { InquiryDrucksache is null ? null : $"Ds. {InquiryDrucksache}", InquiryDate is { } d ? $"vom {Format(d)}" : null }.Where(s => s is not null));
            lines.Add(("Anfrage", inquiry));
        }

        if (References.Count > 0)
        {
            lines.Add(("Bezüge", string.Join(", ", References.Select(r => $"Ds. {r}"))));
        }

        if (Committee is not null)
        {
            lines.Add(("Gremium", Committee));
        }

        var session = SessionDate is { } s ? $"{Format(s)}, {Visibility.ToGerman()}" : Visibility.ToGerman();
        lines.Add(("Sitzung", session));
        lines.Add(("Datum", Format(Date)));
        return lines;
    }

    public static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One question of the letter: its number, its text, and the answer's paragraphs (lines inside a paragraph kept).</summary>
public sealed record LetterSection(int Number, string Question, IReadOnlyList<string> Paragraphs)
{
    public string Heading => $"Zu Frage {Number}:";
}

using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// Puts the approved answers of an inquiry together as one <see cref="StellungnahmeLetter"/>, and the letter as the
/// plain text of the archived copy. The answer's own text is kept as written, except what belongs to the letter's
/// structure: a leading "Zu Frage n:" of its own number (the letter writes that heading once) and the citation markers.
/// </summary>
public static class StellungnahmeComposer
{
    /// <summary>The archive id of the Stellungnahme: "&lt;Drucksache&gt;-01", or derived from the app id when the inquiry has no number.</summary>
    public static string DocumentId(InquiryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrWhiteSpace(record.Inquiry.Id) ? $"stellungnahme-{record.Id}" : AnswerIds.FirstAnswerOf(record.Inquiry.Id);
    }

    public static string Title(InquiryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"Stellungnahme zu {record.Title}";
    }

    public static StellungnahmeLetter Compose(InquiryRecord record, IReadOnlyList<AnswerRecord> answers, DateOnly date, CitationStyle citations)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(answers);
        var inquiry = record.Inquiry;
        var id = string.IsNullOrWhiteSpace(inquiry.Id) ? null : inquiry.Id.Trim();
        return new StellungnahmeLetter
        {
            Subject = record.Title,
            Drucksache = id is null ? null : DocumentId(record),
            InquiryDrucksache = id,
            InquiryDate = inquiry.Date,
            References = [.. inquiry.References.Where(r => !string.Equals(r, id, StringComparison.OrdinalIgnoreCase))],
            Committee = string.IsNullOrWhiteSpace(inquiry.Committee) ? null : inquiry.Committee.Trim(),
            SessionDate = inquiry.SessionDate,
            Visibility = record.Visibility,
            Date = date,
            Opening = Opening(record),
            Sections = [.. answers.OrderBy(a => a.Number).Select(a => Section(a, citations))],
        };
    }

    /// <summary>The letter as plain text: the archived copy, chunked like any Stellungnahme at "Zu Frage n:".</summary>
    /// <remarks>
    /// The question text stands inside its answer's block, after the heading and in quotes, so each chunk holds the
    /// question and its answer; a line "Frage n: …" of its own would be taken for another answer to n.
    /// </remarks>
    public static string PlainText(StellungnahmeLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var text = new StringBuilder();
        text.Append(StellungnahmeLetter.Heading).Append('\n');
        text.Append("Betreff: ").Append(letter.Subject).Append('\n');
        foreach (var (label, value) in letter.HeadingLines())
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append('\n').Append(letter.Opening).Append("\n\n");
        foreach (var section in letter.Sections)
        {
            text.Append(section.Heading).Append('\n');
            text.Append('„').Append(OneLine(section.Question)).Append("“\n");
            foreach (var paragraph in section.Paragraphs)
            {
                text.Append(paragraph).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The Stellungnahme as an archive document, with the inquiry's visibility and committee.</summary>
    public static SourceDocument ToSourceDocument(InquiryRecord record, StellungnahmeLetter letter)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(letter);
        return new SourceDocument
        {
            Id = DocumentId(record),
            Type = DocumentType.Stellungnahme,
            Title = Title(record),
            Date = letter.Date,
            Committee = letter.Committee,
            Visibility = record.Visibility,
            Text = PlainText(letter),
            Source = $"app:{record.Id}",
        };
    }

    private static LetterSection Section(AnswerRecord answer, CitationStyle citations)
    {
        var text = AnswerHeading.StripOwn(answer.Text.ReplaceLineEndings("\n").Trim(), answer.Number);
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => CitationReferences.Apply(p, answer.Citations, citations))
            .Where(p => p.Length > 0)
            .ToList();
        return new LetterSection(answer.Number, answer.Question.Trim(), paragraphs);
    }

    private static string Opening(InquiryRecord record)
    {
        var inquiry = record.Inquiry;
        var date = inquiry.Date is { } d ? $" vom {StellungnahmeLetter.Format(d)}" : string.Empty;
        var id = string.IsNullOrWhiteSpace(inquiry.Id) ? string.Empty : $" (Ds. {inquiry.Id.Trim()})";
        var subject = date.Length == 0 && id.Length == 0 ? $" „{record.Title}“" : string.Empty;
        return $"Zur Anfrage{subject}{date}{id} nimmt die Verwaltung wie folgt Stellung:";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

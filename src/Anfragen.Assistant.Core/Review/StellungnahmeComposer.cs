using System.Text;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Review;

/// <summary>Puts the approved answers of an inquiry together as one Stellungnahme ("Zu Frage n:" + answer per question).</summary>
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

    /// <summary>The plain text body: one "Zu Frage n:" block per answer, in question order.</summary>
    public static string Body(IReadOnlyList<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var text = new StringBuilder();
        foreach (var answer in answers.OrderBy(a => a.Number))
        {
            text.Append("Zu Frage ").Append(answer.Number).Append(":\n").Append(answer.Text.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The Stellungnahme as an archive document, with the inquiry's visibility and committee.</summary>
    public static SourceDocument ToSourceDocument(InquiryRecord record, IReadOnlyList<AnswerRecord> answers, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SourceDocument
        {
            Id = DocumentId(record),
            Type = DocumentType.Stellungnahme,
            Title = Title(record),
            Date = date,
            Committee = record.Inquiry.Committee,
            Visibility = record.Visibility,
            Text = Body(answers),
            Source = $"app:{record.Id}",
        };
    }

    public static string ToMarkdown(InquiryRecord record, IReadOnlyList<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(answers);
        var md = new StringBuilder();
        md.Append("# ").Append(Title(record)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(record.Inquiry.Id))
        {
            md.Append("**Drucksache:** ").Append(record.Inquiry.Id).Append("-01  \n");
        }

        md.Append("**Betreff:** ").Append(record.Title).Append("\n\n");
        foreach (var answer in answers.OrderBy(a => a.Number))
        {
            md.Append("## Zu Frage ").Append(answer.Number).Append(":\n\n");
            md.Append("> ").Append(answer.Question.ReplaceLineEndings("\n> ")).Append("\n\n");
            md.Append(answer.Text.Trim()).Append("\n\n");
        }

        return md.ToString();
    }
}

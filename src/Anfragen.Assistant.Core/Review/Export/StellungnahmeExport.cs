using Anfragen.Assistant.Documents;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// The approved Stellungnahme in every form that leaves the workflow — the view, DOCX, Markdown and the archived copy —
/// all from the same <see cref="StellungnahmeLetter"/>, with the configured citation style and template.
/// </summary>
public sealed class StellungnahmeExport(IOptions<ExportOptions> options, TimeProvider timeProvider)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The letter, dated on the day of its last approval.</summary>
    public StellungnahmeLetter Compose(InquiryRecord record, IReadOnlyList<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(answers);
        var approved = answers.Where(a => a.Status == AnswerStatus.Approved).Select(a => a.UpdatedAt).Max() ?? timeProvider.GetUtcNow();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(approved, timeProvider.LocalTimeZone).DateTime);
        return StellungnahmeComposer.Compose(record, answers, date, options.Value.Citations);
    }

    public byte[] ToDocx(InquiryRecord record, StellungnahmeLetter letter)
    {
        ArgumentNullException.ThrowIfNull(record);
        var template = options.Value.ResolvedTemplate is { } path ? File.ReadAllBytes(path) : null;
        return StellungnahmeDocxWriter.Write(letter, StellungnahmeComposer.Title(record), template);
    }

    public static string ToMarkdown(StellungnahmeLetter letter) => StellungnahmeMarkdown.Write(letter);

    public static SourceDocument ToArchive(InquiryRecord record, StellungnahmeLetter letter) => StellungnahmeComposer.ToSourceDocument(record, letter);

    /// <summary>"Stellungnahme-25-12640-01.docx"; without a Drucksache number the app's own id: "Stellungnahme-20261126-1a2b3c4d.docx".</summary>
    public static string FileName(InquiryRecord record, string extension)
    {
        ArgumentNullException.ThrowIfNull(record);
        var baseName = string.IsNullOrWhiteSpace(record.Inquiry.Id) ? record.Id : StellungnahmeComposer.DocumentId(record);
        var safe = string.Concat(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return $"Stellungnahme-{safe}.{extension}";
    }
}

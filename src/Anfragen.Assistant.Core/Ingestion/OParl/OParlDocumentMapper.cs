using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Turns a paper and its files into a <see cref="SourceDocument"/>. The id is the paper's <c>reference</c> (the
/// Drucksache number), else a readable id derived from its OParl id; the type comes from <c>paperType</c>
/// (<see cref="OParlPaperTypes"/>); committee and session date from the Beratungsfolge, which also heads the text in
/// the council page layout ("Beratungsfolge: … Sitzungstermin … Status") so the session date stays with the paper.
/// OParl serves public papers only, so every document is öffentlich.
/// </summary>
internal sealed partial class OParlDocumentMapper(InquiryParser parser)
{
    /// <summary>Raise when the same paper would map to another document, so remembered papers are mapped again (from remembered texts, without downloads).</summary>
    public const int Version = 1;

    public SourceDocument? Map(OParlPaper paper, IReadOnlyList<PaperFile> files, IReadOnlyList<PaperConsultation> consultations, string? idOverride = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var main = string.Join("\n\n", files.Where(f => f.Main && f.Stored.Text is { Length: > 0 }).Select(f => f.Stored.Text!.Trim()));
        var attachments = files.Where(f => !f.Main && f.Stored.Text is { Length: > 0 }).ToList();
        if (main.Length == 0 && attachments.Count == 0)
        {
            return null;
        }

        var body = new StringBuilder(main);
        foreach (var attachment in attachments)
        {
            if (body.Length > 0)
            {
                body.Append("\n\n");
            }

            body.Append("Anlage: ").Append(attachment.File.Name ?? attachment.File.FileName ?? "ohne Titel").Append('\n').Append(attachment.Stored.Text!.Trim());
        }

        var content = body.ToString();
        var type = OParlPaperTypes.Classify(paper.PaperType, paper.Name, content);
        var lead = consultations.FirstOrDefault(c => c.Authoritative && c.Committee is not null) ?? consultations.FirstOrDefault(c => c.Committee is not null) ?? (consultations.Count > 0 ? consultations[0] : null);
        var text = Beratungsfolge(consultations) + content;
        var title = Clean(paper.Name) ?? Clean(paper.Reference) ?? FirstLine(content);
        return new SourceDocument
        {
            Id = idOverride ?? DocumentIdOf(paper),
            Type = type,
            Title = title,
            Date = DocumentVocabulary.ParseDate(paper.Date) ?? lead?.SessionDate,
            Committee = lead?.Committee,
            Visibility = Visibility.Public,
            Url = Clean(paper.Web) ?? paper.Id,
            Text = text,
            Questions = type == DocumentType.Anfrage ? parser.ParseLenient(content).Questions.Select(q => q.Text).ToList() : [],
            Source = paper.Id,
        };
    }

    /// <summary>The Drucksache number (whitespace collapsed), else <see cref="ReadableId"/> of the OParl id.</summary>
    public static string DocumentIdOf(OParlPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return Clean(paper.Reference) is { } reference ? Whitespace().Replace(reference, " ") : ReadableId(paper.Id);
    }

    /// <summary>
    /// A stable id from an OParl URL that a clerk can still read: "oparl-" and the host and path in lower-case letters and
    /// digits ("oparl-ratsinfo-lindenau-example-oparl-paper-749"); very long ones keep their end and gain a short hash.
    /// </summary>
    public static string ReadableId(string oparlId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oparlId);
        var readable = Uri.TryCreate(oparlId, UriKind.Absolute, out var uri) ? uri.Host + uri.PathAndQuery : oparlId;
        var slug = DocumentLoader.Slug(readable);
        if (slug.Length > 80)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(oparlId)))[..8];
            slug = slug[^70..].TrimStart('-') + "-" + hash;
        }

        return "oparl-" + slug;
    }

    private static string Beratungsfolge(IReadOnlyList<PaperConsultation> consultations)
    {
        var rows = consultations.Where(c => c.Committee is not null).ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder("Beratungsfolge:\tSitzungstermin\tStatus\n");
        foreach (var row in rows)
        {
            text.Append(row.Committee);
            if (row.Role is { Length: > 0 } role)
            {
                text.Append(" (").Append(role).Append(')');
            }

            text.Append('\t').Append(row.SessionDate?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty).Append("\tÖ\n");
        }

        return text.Append('\n').ToString();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "Drucksache";
        return line.Length <= 120 ? line : line[..120].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

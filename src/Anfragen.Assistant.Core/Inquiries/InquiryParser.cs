using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// Parses council inquiries ("Anfragen") into subject, recipient, dates, Beratungsfolge, background, references and
/// numbered questions. Reads the letter form (as in the seeds), the council system's page text and both carried in
/// .docx/.pdf/.html files (via <see cref="DocumentTextReader"/>).
/// </summary>
public sealed partial class InquiryParser(DocumentTextReader reader)
{
    /// <summary>Parses and insists on questions.</summary>
    /// <exception cref="DocumentReadException">The text is empty or holds no questions; the message names <paramref name="source"/>.</exception>
    public Inquiry Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentReadException(source, "ist leer");
        }

        var inquiry = ParseLenient(text);
        if (inquiry.Questions.Count == 0)
        {
            throw new DocumentReadException(source, "keine Fragen gefunden (erwartet z. B. „Daher fragen wir:“ und eine nummerierte Liste „1. …“)");
        }

        return inquiry;
    }

    /// <summary>Parses whatever is there and never throws on content; <see cref="Inquiry.Questions"/> may be empty.</summary>
    public Inquiry ParseLenient(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = PageLayoutCleaner.Clean(SplitInlineHeadings(InquiryLines.Split(text)));
        var metadata = InquiryMetadataReader.Read(lines);
        // A Stellungnahme's "1. …?" lines are quoted questions followed by their answers, not an inquiry.
        var extracted = metadata.IsAnswer ? new ExtractedQuestions([], -1) : QuestionExtractor.Extract(lines, metadata.BodyStart, metadata.IsMotion);

        // Questions above the Sachverhalt leave the whole body as background.
        var backgroundEnd = extracted.StartLine >= metadata.BodyStart ? extracted.StartLine : FindBodyEnd(lines, metadata.BodyStart);
        return new Inquiry
        {
            Id = metadata.Id,
            Subject = metadata.Subject,
            Recipient = metadata.Recipient,
            Date = metadata.Date,
            Committee = metadata.Committee,
            SessionDate = metadata.SessionDate,
            Visibility = metadata.Visibility,
            Background = Background(lines, metadata.BodyStart, backgroundEnd),
            References = ReferenceExtractor.Extract(WithoutAttachmentLists(lines), metadata.Id),
            Questions = extracted.Questions,
        };
    }

    /// <summary>Reads the file (any format <see cref="DocumentTextReader"/> supports) and parses it.</summary>
    public async Task<Inquiry> ParseFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await reader.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Drucksache numbers in <paramref name="text"/> ("25-26577", "24-24284-01", "1656/12"), normalised, first mention first.</summary>
    public static IReadOnlyList<string> ExtractReferences(string text) => ReferenceExtractor.Extract(text);

    // "Sachverhalt: Im vergangenen Jahr …" starts the body on the heading line itself.
    private static string[] SplitInlineHeadings(string[] lines)
    {
        if (!lines.Any(line => InlineHeading().IsMatch(line)))
        {
            return lines;
        }

        var result = new List<string>(lines.Length + 4);
        foreach (var line in lines)
        {
            var match = InlineHeading().Match(line);
            if (match.Success)
            {
                result.Add(match.Groups["h"].Value + ":");
                result.Add(match.Groups["rest"].Value.Trim());
            }
            else
            {
                result.Add(line);
            }
        }

        return [.. result];
    }

    // "Anlagen: Stellungnahme 8438/12 - …" lists the answer to this inquiry; the inquiry does not refer to it.
    private static string WithoutAttachmentLists(string[] lines)
    {
        var kept = new List<string>(lines.Length);
        var inAttachments = false;
        foreach (var line in lines)
        {
            if (AttachmentHeading().IsMatch(line))
            {
                inAttachments = true;
                continue;
            }

            if (inAttachments && (line.Length == 0 || AttachmentEntry().IsMatch(line)))
            {
                inAttachments = line.Length > 0;
                continue;
            }

            inAttachments = false;
            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static int FindBodyEnd(string[] lines, int bodyStart)
    {
        for (var i = bodyStart; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && InquiryLines.IsHardStop(lines[i]))
            {
                return i;
            }
        }

        return lines.Length;
    }

    private static string? Background(string[] lines, int start, int end)
    {
        if (start >= end || start >= lines.Length)
        {
            return null;
        }

        var body = lines[start..Math.Min(end, lines.Length)];

        // The lead-in line itself ("Daher fragen wir:") is not background; a long sentence ending in one is.
        if (body.Length > 0 && body[^1].Length <= 100 && body[^1].EndsWith(':'))
        {
            body = body[..^1];
        }

        body = LetterFrame.WithoutInquirySignature(body);

        var builder = new StringBuilder();
        var blank = false;
        foreach (var line in body)
        {
            if (line.Length == 0)
            {
                blank = builder.Length > 0;
                continue;
            }

            if (InquiryLines.IsFurniture(line))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank ? "\n\n" : "\n");
            }

            builder.Append(line);
            blank = false;
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    [GeneratedRegex(@"^Anlage(?:n|/n|\(n\))?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentHeading();

    [GeneratedRegex(@"^(?:Nr\.?\s+Name|Anlage\s+\d+|(?:Stellungnahme|Anlage|Mitteilung|Vorlage|Antrag)\s+\S+\s+[-–])", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentEntry();

    [GeneratedRegex(@"^(?<h>Sachverhalt|Begründung)\s*:\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHeading();
}

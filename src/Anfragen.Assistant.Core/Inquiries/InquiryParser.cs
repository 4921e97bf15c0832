using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Inquiries;

/// <summary>
/// TEMPORARY stand-in on branch kb for the parser branch's InquiryParser (issue 3), same public API, minimal logic.
/// The parser branch's version replaces this file on merge.
/// </summary>
public sealed partial class InquiryParser
{
    public Inquiry Parse(string text, string source)
    {
        var inquiry = ParseLenient(text);
        return inquiry.Questions.Count == 0 ? throw new DocumentReadException(source, "keine Fragen gefunden") : inquiry;
    }

    public Inquiry ParseLenient(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var header = Header().Match(text);
        var subject = Subject().Match(text);
        var questions = Question().Matches(text).Select(m => m.Groups["q"].Value.Trim()).ToList();
        return new Inquiry
        {
            Id = header.Success ? header.Groups["id"].Value : null,
            Subject = subject.Success ? subject.Groups["s"].Value.Trim() : null,
            Visibility = header.Success ? DocumentVocabulary.ParseVisibility(header.Groups["v"].Value) : null,
            Questions = questions.Select((q, i) => new InquiryQuestion(i + 1, q)).ToList(),
            References = ExtractReferences(text),
        };
    }

    public async Task<Inquiry> ParseFileAsync(string path, CancellationToken ct = default) =>
        Parse(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), path);

    public static IReadOnlyList<string> ExtractReferences(string text) =>
        Reference().Matches(text ?? string.Empty).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"^\s*\w+\s*\((?<v>[^)]*)\)\s*-\s*(?<id>\d{2}-\d{5}(?:-\d{2})?)", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"Betreff:\s*(?:-\s*)*(?<s>[^\n]+)")]
    private static partial Regex Subject();

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s*(?<q>[^\n]*\?)", RegexOptions.Multiline)]
    private static partial Regex Question();

    [GeneratedRegex(@"\b\d{2}-\d{5}(?:-\d{2})?\b")]
    private static partial Regex Reference();
}

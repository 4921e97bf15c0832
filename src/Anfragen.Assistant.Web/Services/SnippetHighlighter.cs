using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Anfragen.Assistant.Retrieval;
using Microsoft.AspNetCore.Components;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Marks the words of a passage that match the query the way the keyword index matches them (German stems, umlauts
/// folded). Every piece of text is HTML-encoded FIRST; only our own &lt;mark&gt; tags are added around encoded words,
/// so a passage can never inject markup.
/// </summary>
public sealed partial class SnippetHighlighter(GermanTextAnalyzer analyzer)
{
    // Encodes the HTML-significant characters (< > & " ') and keeps umlauts readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public MarkupString Highlight(string text, string? query, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = maxLength is { } max ? Excerpt(text, query, max) : text;
        var terms = string.IsNullOrWhiteSpace(query) ? [] : analyzer.Analyze(query).ToHashSet(StringComparer.Ordinal);
        var html = new StringBuilder(source.Length + 64);
        var last = 0;
        foreach (Match word in WordPattern().Matches(source))
        {
            html.Append(Encoder.Encode(source[last..word.Index]));
            var encoded = Encoder.Encode(word.Value);
            if (terms.Count > 0 && analyzer.Analyze(word.Value).Any(terms.Contains))
            {
                html.Append("<mark>").Append(encoded).Append("</mark>");
            }
            else
            {
                html.Append(encoded);
            }

            last = word.Index + word.Length;
        }

        html.Append(Encoder.Encode(source[last..]));
        return new MarkupString(html.ToString());
    }

    /// <summary>A window of about <paramref name="maxLength"/> characters around the first matching word.</summary>
    private string Excerpt(string text, string? query, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var start = 0;
        if (!string.IsNullOrWhiteSpace(query))
        {
            var terms = analyzer.Analyze(query).ToHashSet(StringComparer.Ordinal);
            var first = WordPattern().Matches(text).FirstOrDefault(m => analyzer.Analyze(m.Value).Any(terms.Contains));
            if (first is not null)
            {
                start = Math.Max(0, first.Index - (maxLength / 3));
            }
        }

        var end = Math.Min(text.Length, start + maxLength);
        return (start > 0 ? "… " : string.Empty) + text[start..end] + (end < text.Length ? " …" : string.Empty);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// A small HTML tokenizer that keeps what a reader sees: block elements become line breaks, table cells are
/// separated by tabs, ordered lists get their numbers ("1."), unordered lists a dash, entities are decoded,
/// and script, style, template and head content is dropped. Bounded while it reads: the extracted text by
/// <see cref="IngestionLimits.MaxTextChars"/>, the element nesting by <see cref="IngestionLimits.MaxNestingDepth"/>
/// (<see cref="HtmlNesting"/> closes elements the way browsers do, so unclosed &lt;p&gt; and &lt;li&gt; do not count).
/// </summary>
internal static class HtmlTextExtractor
{
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr",
        "section", "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "hr", "dl", "dt",
        "dd", "address", "figure", "figcaption", "caption", "form", "fieldset", "body", "html", "center",
    };

    // Paragraph-like elements end with an empty line, as they would on a page; signatures are told apart by it.
    private static readonly HashSet<string> ParagraphElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
    };

    public static string ToPlainText(string html, string source, IngestionLimits limits)
    {
        var output = new StringBuilder(Math.Min(html.Length / 2, limits.MaxTextChars));
        var lists = new Stack<ListState>();
        var nesting = new HtmlNesting(source, limits.MaxNestingDepth);
        var preDepth = 0;
        var position = 0;
        while (position < html.Length)
        {
            var lt = html.IndexOf('<', position);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > position)
            {
                AppendText(output, html.AsSpan(position, textEnd - position), preDepth > 0);
                if (output.Length > limits.MaxTextChars)
                {
                    throw LimitExceeded.Text(source, limits.MaxTextChars);
                }
            }

            if (lt < 0)
            {
                break;
            }

            position = ReadMarkup(html, lt, output, lists, nesting, ref preDepth);
        }

        return Tidy(output.ToString());
    }

    private static int ReadMarkup(string html, int lt, StringBuilder output, Stack<ListState> lists, HtmlNesting nesting, ref int preDepth)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        if (lt + 1 < html.Length && html[lt + 1] is '!' or '?')
        {
            var end = html.IndexOf('>', lt + 1);
            return end < 0 ? html.Length : end + 1;
        }

        var tag = ReadTag(html, lt);
        if (tag is null)
        {
            // A lone '<' in text ("a < b") is text.
            output.Append('<');
            return lt + 1;
        }

        var (name, closing, attributes, next) = tag.Value;
        if (!closing && SkippedElements.Contains(name))
        {
            var close = html.IndexOf("</" + name, next, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                return html.Length;
            }

            var end = html.IndexOf('>', close);
            return end < 0 ? html.Length : end + 1;
        }

        nesting.Apply(name, closing, selfClosing: attributes.EndsWith('/'));
        ApplyTag(name.ToLowerInvariant(), closing, attributes, output, lists, ref preDepth);
        return next;
    }

    private static void ApplyTag(string name, bool closing, string attributes, StringBuilder output, Stack<ListState> lists, ref int preDepth)
    {
        switch (name)
        {
            case "br":
                output.Append('\n');
                return;
            case "td" or "th":
                if (!closing && !AtLineStart(output))
                {
                    TrimTrailingSpaces(output);
                    output.Append('\t');
                }

                return;
            case "ol" or "ul":
                NewLine(output);
                if (closing)
                {
                    output.Append('\n');
                }

                if (closing)
                {
                    if (lists.Count > 0)
                    {
                        lists.Pop();
                    }
                }
                else
                {
                    lists.Push(new ListState(name == "ol", ReadStart(attributes)));
                }

                return;
            case "li":
                NewLine(output);
                if (!closing)
                {
                    var list = lists.Count > 0 ? lists.Peek() : new ListState(false, 1);
                    output.Append(list.Ordered ? list.Next().ToString(CultureInfo.InvariantCulture) + ". " : "- ");
                }

                return;
            case "pre":
                preDepth = Math.Max(0, preDepth + (closing ? -1 : 1));
                NewLine(output);
                return;
            default:
                if (BlockElements.Contains(name))
                {
                    NewLine(output);
                    if (ParagraphElements.Contains(name) && output.Length > 0 && !(output.Length > 1 && output[^2] == '\n'))
                    {
                        output.Append('\n');
                    }
                }

                return;
        }
    }

    private static (string Name, bool Closing, string Attributes, int Next)? ReadTag(string html, int lt)
    {
        var i = lt + 1;
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':'))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return null;
        }

        var name = html[nameStart..i];
        var attributesStart = i;
        char? quote = null;
        while (i < html.Length)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return (name, closing, html[attributesStart..i], i + 1);
            }

            i++;
        }

        return (name, closing, html[attributesStart..], html.Length);
    }

    private static int ReadStart(string attributes)
    {
        var index = attributes.IndexOf("start", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return 1;
        }

        var digits = new string(attributes[(index + 5)..].SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
    }

    private static void AppendText(StringBuilder output, ReadOnlySpan<char> raw, bool preformatted)
    {
        var text = WebUtility.HtmlDecode(raw.ToString()).Replace('\u00A0', ' ');
        if (preformatted)
        {
            output.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (output.Length > 0 && output[^1] is not (' ' or '\n' or '\t'))
                {
                    output.Append(' ');
                }
            }
            else
            {
                output.Append(c);
            }
        }
    }

    private static bool AtLineStart(StringBuilder output) => output.Length == 0 || output[^1] == '\n';

    private static void NewLine(StringBuilder output)
    {
        TrimTrailingSpaces(output);
        if (!AtLineStart(output))
        {
            output.Append('\n');
        }
    }

    private static void TrimTrailingSpaces(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim(' ')).ToList();
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }

    private sealed class ListState(bool ordered, int start)
    {
        private int _next = start;

        public bool Ordered { get; } = ordered;

        public int Next() => _next++;
    }
}

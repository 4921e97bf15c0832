using System.Text;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// The letter as Markdown. Every text from the inquiry or an answer is escaped, so it reads as written in any Markdown
/// viewer and can never become HTML, an image or a link there (a pasted "&lt;script&gt;", "&lt;img onerror=…&gt;" or
/// "[hier](javascript:…)" stays text); only the letter's own structure is Markdown.
/// </summary>
public static partial class StellungnahmeMarkdown
{
    public static string Write(StellungnahmeLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var md = new StringBuilder();
        md.Append("# ").Append(StellungnahmeLetter.Heading).Append("\n\n");
        md.Append("**Betreff:** ").Append(Inline(letter.Subject)).Append("  \n");
        foreach (var (label, value) in letter.HeadingLines())
        {
            md.Append("**").Append(label).Append(":** ").Append(Inline(value)).Append("  \n");
        }

        md.Append('\n').Append(Inline(letter.Opening)).Append("\n\n");
        foreach (var section in letter.Sections)
        {
            md.Append("## ").Append(section.Heading).Append("\n\n");
            md.Append("> ").Append(Block(section.Question).Replace("\n", "\n> ", StringComparison.Ordinal)).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                md.Append(Block(paragraph)).Append("\n\n");
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// Text escaped for Markdown: characters that start emphasis, code, links, images or HTML get a backslash (angle
    /// brackets become entities), an entity-like "&amp;…;" is written out, and a line cannot open a heading, quote, list,
    /// table, code block or rule. Line breaks inside a paragraph become hard breaks.
    /// </summary>
    public static string Block(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => LineStart(Inline(l.Trim())));
        return string.Join("  \n", lines);
    }

    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&' when Entity().IsMatch(text.AsSpan(i)):
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '|' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    // A line that would open a block: "# ", "> " (already an entity), "- ", "+ ", "1. ", "1) ", "===", "---".
    private static string LineStart(string line)
    {
        var match = BlockStart().Match(line);
        return match.Success ? line.Insert(match.Groups["mark"].Index + match.Groups["mark"].Length - 1, "\\") : line;
    }

    [GeneratedRegex(@"^&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(?<mark>#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+(?=\s*$)|-{2,}(?=\s*$))")]
    private static partial Regex BlockStart();
}

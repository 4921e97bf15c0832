using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Removes Markdown formatting that would otherwise end up in subjects and questions (**bold**, ### headings,
/// links, escapes) while keeping the line structure and list markers ("1.", "-") as plain text, because the
/// inquiry parser reads numbering from them.
/// </summary>
internal static partial class MarkdownText
{
    public static string ToPlainText(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            line = Heading().Replace(line, string.Empty);
            line = Blockquote().Replace(line, string.Empty);
            line = Image().Replace(line, "$1");
            line = Link().Replace(line, "$1");
            line = Strong().Replace(line, "$2");
            line = InlineCode().Replace(line, "$1");
            line = Escape().Replace(line, "$1");
            lines[i] = line;
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    // Only doubled markers: a single '*' is the German gender star (Bürger*innen) or a bullet.
    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"`([^`]*)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex Escape();
}

namespace Anfragen.Assistant.Review.Export;

/// <summary>"Anfragen:Export": how the approved Stellungnahme is written (DOCX, Markdown, and the archived copy).</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Anfragen:Export";

    /// <summary>What becomes of the assistant's citation markers ("[1]") in the letter.</summary>
    public CitationStyle Citations { get; set; } = CitationStyle.Reference;

    /// <summary>
    /// Optional Word template (.dotx, or a .docx) with the city's letterhead, page layout and styles. The letter is put
    /// where a paragraph reads <c>{{Stellungnahme}}</c>, else after the template's own body content. Relative paths are
    /// resolved against the working directory.
    /// </summary>
    public string? Template { get; set; }

    public string? ResolvedTemplate => string.IsNullOrWhiteSpace(Template) ? null : Path.GetFullPath(Template);
}

/// <summary>Citation markers in the letter: as references a reader outside the tool understands, or left out.</summary>
public enum CitationStyle
{
    /// <summary>"[1]" becomes "(vgl. Ds. 23-10230-01)", or the cited paper's title when it has no Drucksache number.</summary>
    Reference = 0,

    /// <summary>Markers are removed.</summary>
    Remove,
}

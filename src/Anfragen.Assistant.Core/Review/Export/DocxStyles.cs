using DocumentFormat.OpenXml.Wordprocessing;

namespace Anfragen.Assistant.Review.Export;

/// <summary>
/// The paragraph styles of the exported letter. Title, Heading1, Heading2 and Normal carry Word's own style ids and names
/// (Word shows them as "Titel", "Überschrift 1", … in a German installation); "Bezugszeichen" and "Fragetext" are ours.
/// A template that defines a style keeps its definition.
/// </summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Reference = "Bezugszeichen";
    public const string Question = "Fragetext";

    private const string Font = "Arial";

    public static void AddMissing(Styles styles)
    {
        if (styles.GetFirstChild<DocDefaults>() is null)
        {
            styles.PrependChild(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "de-DE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        }

        Add(styles, new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = Normal, Default = true });
        Add(styles, Heading(Title, "Title", "32", spaceBefore: "0", spaceAfter: "240", outline: null));
        Add(styles, Heading(Heading1, "heading 1", "26", spaceBefore: "240", spaceAfter: "200", outline: 0));
        Add(styles, Heading(Heading2, "heading 2", "22", spaceBefore: "280", spaceAfter: "80", outline: 1));
        Add(styles, new Style(
            new StyleName { Val = Reference },
            new BasedOn { Val = Normal },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }))
        { Type = StyleValues.Paragraph, StyleId = Reference, CustomStyle = true });
        Add(styles, new Style(
            new StyleName { Val = Question },
            new BasedOn { Val = Normal },
            new NextParagraphStyle { Val = Normal },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { Left = "567" }),
            new StyleRunProperties(new Italic()))
        { Type = StyleValues.Paragraph, StyleId = Question, CustomStyle = true });
    }

    private static Style Heading(string id, string name, string halfPoints, string spaceBefore, string spaceAfter, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = spaceBefore, After = spaceAfter });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = Normal },
            new NextParagraphStyle { Val = Normal },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static void Add(Styles styles, Style style)
    {
        if (!styles.Elements<Style>().Any(s => s.StyleId?.Value == style.StyleId?.Value))
        {
            styles.Append(style);
        }
    }
}

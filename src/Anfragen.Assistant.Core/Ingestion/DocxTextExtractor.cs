using System.Globalization;
using System.Text;
using Anfragen.Assistant.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Extracts a Word document as one line per paragraph and one tab-separated line per table row. Automatic list
/// numbering is not in the text of a .docx, so the numbers ("1.", "2)", "a)") are rebuilt from the numbering
/// definitions: real inquiries number their questions with Word's automatic lists.
/// </summary>
internal static class DocxTextExtractor
{
    public static string Extract(byte[] content, string source, CancellationToken cancellationToken)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DocumentReadException(source, $"ist keine lesbare Word-Datei (.docx beschädigt oder kein Word-Dokument: {ex.Message})", ex);
        }

        using (document)
        {
            try
            {
                var body = document.MainDocumentPart?.Document?.Body
                    ?? throw new DocumentReadException(source, "ist keine lesbare Word-Datei (kein Dokumentinhalt)");
                var numbering = new ListNumbering(document.MainDocumentPart);
                var text = new StringBuilder();
                AppendBlocks(body.ChildElements, text, numbering, cancellationToken);
                return text.ToString();
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DocumentReadException)
            {
                throw new DocumentReadException(source, $"ist keine lesbare Word-Datei (beschädigter Inhalt: {ex.Message})", ex);
            }
        }
    }

    private static void AppendBlocks(OpenXmlElementList elements, StringBuilder text, ListNumbering numbering, CancellationToken cancellationToken)
    {
        foreach (var element in elements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    text.Append(numbering.MarkerFor(paragraph)).Append(ParagraphText(paragraph)).Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>()
                            .Select(cell => string.Join(' ', cell.Elements<Paragraph>().Select(p => numbering.MarkerFor(p) + ParagraphText(p)).Where(t => t.Length > 0)));
                        text.Append(string.Join('\t', cells)).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is not null:
                    AppendBlocks(sdt.SdtContentBlock.ChildElements, text, numbering, cancellationToken);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Counts automatic list items per list instance and renders their level text ("%1.", "%1)", "%2)").</summary>
    private sealed class ListNumbering(MainDocumentPart? part)
    {
        private const int MaxStyleDepth = 10;

        private readonly Numbering? _numbering = part?.NumberingDefinitionsPart?.Numbering;
        private readonly Styles? _styles = part?.StyleDefinitionsPart?.Styles;
        private readonly Dictionary<int, int?[]> _counters = [];

        public string MarkerFor(Paragraph paragraph)
        {
            if (_numbering is null || !TryGetNumbering(paragraph, out var numId, out var level) || numId == 0)
            {
                return string.Empty;
            }

            var instance = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (instance is null || definition is null)
            {
                return string.Empty;
            }

            var levels = Enumerable.Range(0, 9).Select(i => FindLevel(definition, i)).ToArray();
            var counters = _counters.TryGetValue(numId, out var existing) ? existing : _counters[numId] = new int?[9];
            level = Math.Clamp(level, 0, 8);
            counters[level] = (counters[level] ?? StartOf(instance, levels[level], level) - 1) + 1;
            for (var deeper = level + 1; deeper < 9; deeper++)
            {
                counters[deeper] = null;
            }

            var current = levels[level];
            var format = current?.NumberingFormat?.Val?.Value;
            var levelText = current?.LevelText?.Val?.Value ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
            if (format == NumberFormatValues.Bullet)
            {
                return levelText.Trim() is "-" or "–" or "—" ? "- " : "• ";
            }

            if (format == NumberFormatValues.None)
            {
                return string.Empty;
            }

            var marker = new StringBuilder(levelText);
            for (var i = 0; i <= level; i++)
            {
                var value = counters[i] ?? StartOf(instance, levels[i], i);
                marker.Replace("%" + (i + 1).ToString(CultureInfo.InvariantCulture), Format(value, levels[i]?.NumberingFormat?.Val?.Value));
            }

            return marker.ToString().Trim() + " ";
        }

        private static Level? FindLevel(AbstractNum definition, int index) =>
            definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);

        private static int StartOf(NumberingInstance instance, Level? level, int index)
        {
            var overridden = instance.Elements<LevelOverride>()
                .FirstOrDefault(o => o.LevelIndex?.Value == index)?.StartOverrideNumberingValue?.Val?.Value;
            return overridden ?? level?.StartNumberingValue?.Val?.Value ?? 1;
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter)
            {
                return Letters(value).ToLowerInvariant();
            }

            if (format == NumberFormatValues.UpperLetter)
            {
                return Letters(value);
            }

            if (format == NumberFormatValues.LowerRoman)
            {
                return Roman(value).ToLowerInvariant();
            }

            return format == NumberFormatValues.UpperRoman ? Roman(value) : value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Letters(int value)
        {
            // Word repeats the letter after z: a … z, aa … zz.
            var index = Math.Max(1, value) - 1;
            return new string((char)('A' + (index % 26)), (index / 26) + 1);
        }

        private static string Roman(int value)
        {
            (int Value, string Symbol)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var result = new StringBuilder();
            var remaining = Math.Clamp(value, 1, 3999);
            foreach (var (number, symbol) in numerals)
            {
                while (remaining >= number)
                {
                    result.Append(symbol);
                    remaining -= number;
                }
            }

            return result.ToString();
        }

        private bool TryGetNumbering(Paragraph paragraph, out int numId, out int level)
        {
            var direct = paragraph.ParagraphProperties?.NumberingProperties;
            numId = direct?.NumberingId?.Val?.Value ?? -1;
            level = direct?.NumberingLevelReference?.Val?.Value ?? -1;

            // List styles ("Listennummer") carry the numbering in the style, possibly inherited.
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            for (var depth = 0; (numId < 0 || level < 0) && styleId is not null && _styles is not null && depth < MaxStyleDepth; depth++)
            {
                var style = _styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                var fromStyle = style?.StyleParagraphProperties?.NumberingProperties;
                if (numId < 0 && fromStyle?.NumberingId?.Val?.Value is { } styleNumId)
                {
                    numId = styleNumId;
                }

                if (level < 0 && fromStyle?.NumberingLevelReference?.Val?.Value is { } styleLevel)
                {
                    level = styleLevel;
                }

                styleId = style?.BasedOn?.Val?.Value;
            }

            level = Math.Max(level, 0);
            return numId >= 0;
        }
    }
}

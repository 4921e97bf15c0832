using System.Globalization;
using System.Text;
using System.Xml;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Automatic list numbering of a .docx: the numbers ("1.", "2)", "a)") are not in the text, so they are rebuilt from
/// the numbering definitions and the list styles, counting list items per list instance in document order. The
/// definitions are read with a streaming reader into small tables, never as a document tree.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;
    private const int MaxStyleDepth = 10;

    private readonly Dictionary<int, LevelDefinition?[]> _abstracts = [];
    private readonly Dictionary<int, Instance> _instances = [];
    private readonly Dictionary<string, StyleNumbering> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> _counters = [];

    public static DocxNumbering Read(DocxPackage package)
    {
        var numbering = new DocxNumbering();
        if (package.NumberingPart is { } numberingPart)
        {
            using var reader = package.OpenXml(numberingPart);
            numbering.ReadDefinitions(reader, package);
        }

        if (package.StylesPart is { } stylesPart)
        {
            using var reader = package.OpenXml(stylesPart);
            numbering.ReadStyles(reader, package);
        }

        return numbering;
    }

    /// <summary>The marker of a paragraph with the given direct numbering (-1: none) and style; advances the list's counter.</summary>
    public string MarkerFor(int numId, int level, string? styleId)
    {
        for (var depth = 0; (numId < 0 || level < 0) && styleId is not null && depth < MaxStyleDepth; depth++)
        {
            if (!_styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            numId = numId < 0 ? style.NumId ?? -1 : numId;
            level = level < 0 ? style.Level ?? -1 : level;
            styleId = style.BasedOn;
        }

        if (numId <= 0 || !_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels))
        {
            return string.Empty;
        }

        level = Math.Clamp(level, 0, Levels - 1);
        var counters = _counters.TryGetValue(numId, out var existing) ? existing : _counters[numId] = new int?[Levels];
        counters[level] = (counters[level] ?? StartOf(instance, levels, level) - 1) + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            counters[deeper] = null;
        }

        var current = levels[level];
        var levelText = current?.Text ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
        if (current?.Format == "bullet")
        {
            return levelText.Trim() is "-" or "–" or "—" ? "- " : "• ";
        }

        if (current?.Format == "none")
        {
            return string.Empty;
        }

        var marker = new StringBuilder(levelText);
        for (var i = 0; i <= level; i++)
        {
            var value = counters[i] ?? StartOf(instance, levels, i);
            marker.Replace("%" + (i + 1).ToString(CultureInfo.InvariantCulture), Format(value, levels[i]?.Format));
        }

        return marker.ToString().Trim() + " ";
    }

    private static int StartOf(Instance instance, LevelDefinition?[] levels, int index) =>
        instance.StartOverrides.TryGetValue(index, out var start) ? start : levels[index]?.Start ?? 1;

    private void ReadDefinitions(XmlReader reader, DocxPackage package)
    {
        LevelDefinition?[]? abstractLevels = null;
        Instance? instance = null;
        var level = -1;
        var overrideLevel = -1;
        while (reader.Read())
        {
            package.CheckDepth(reader);
            if (reader.NodeType != XmlNodeType.Element || !DocxXml.IsWord(reader))
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "abstractNum" when reader.Depth == 1:
                    abstractLevels = new LevelDefinition?[Levels];
                    instance = null;
                    if (DocxXml.IntAttribute(reader, "abstractNumId") is { } abstractId)
                    {
                        _abstracts.TryAdd(abstractId, abstractLevels);
                    }

                    break;
                case "num" when reader.Depth == 1:
                    abstractLevels = null;
                    instance = new Instance();
                    if (DocxXml.IntAttribute(reader, "numId") is { } numId)
                    {
                        _instances.TryAdd(numId, instance);
                    }

                    break;
                case "lvl" when abstractLevels is not null && reader.Depth == 2:
                    level = DocxXml.IntAttribute(reader, "ilvl") ?? -1;
                    if (level is >= 0 and < Levels)
                    {
                        abstractLevels[level] ??= new LevelDefinition();
                    }

                    break;
                case "start" or "numFmt" or "lvlText" when abstractLevels is not null && reader.Depth == 3 && level is >= 0 and < Levels:
                    SetLevel(abstractLevels[level]!, reader.LocalName, DocxXml.Value(reader));
                    break;
                case "abstractNumId" when instance is not null && reader.Depth == 2:
                    instance.AbstractId = DocxXml.IntAttribute(reader, "val") ?? -1;
                    break;
                case "lvlOverride" when instance is not null && reader.Depth == 2:
                    overrideLevel = DocxXml.IntAttribute(reader, "ilvl") ?? -1;
                    break;
                case "startOverride" when instance is not null && reader.Depth == 3 && overrideLevel >= 0:
                    if (DocxXml.IntAttribute(reader, "val") is { } start)
                    {
                        instance.StartOverrides.TryAdd(overrideLevel, start);
                    }

                    break;
            }
        }
    }

    private static void SetLevel(LevelDefinition level, string name, string? value)
    {
        switch (name)
        {
            case "start" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start):
                level.Start ??= start;
                break;
            case "numFmt":
                level.Format ??= value;
                break;
            case "lvlText":
                level.Text ??= value;
                break;
        }
    }

    private void ReadStyles(XmlReader reader, DocxPackage package)
    {
        StyleNumbering? style = null;
        while (reader.Read())
        {
            package.CheckDepth(reader);
            if (reader.NodeType != XmlNodeType.Element || !DocxXml.IsWord(reader))
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "style" when reader.Depth == 1:
                    style = new StyleNumbering();
                    if (DocxXml.Attribute(reader, "styleId") is { } id)
                    {
                        _styles.TryAdd(id, style);
                    }

                    break;
                case "basedOn" when style is not null && reader.Depth == 2:
                    style.BasedOn = DocxXml.Value(reader);
                    break;
                case "numId" when style is not null && reader.Depth == 4:
                    style.NumId ??= DocxXml.IntAttribute(reader, "val");
                    break;
                case "ilvl" when style is not null && reader.Depth == 4:
                    style.Level ??= DocxXml.IntAttribute(reader, "val");
                    break;
            }
        }
    }

    private static string Format(int value, string? format) => format switch
    {
        "lowerLetter" => Letters(value).ToLowerInvariant(),
        "upperLetter" => Letters(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int value)
    {
        // Word repeats the letter after z: a … z, aa … zz.
        var index = Math.Max(1, value) - 1;
        return new string((char)('A' + (index % 26)), Math.Min((index / 26) + 1, 100));
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

    private sealed class LevelDefinition
    {
        public int? Start { get; set; }

        public string? Format { get; set; }

        public string? Text { get; set; }
    }

    private sealed class Instance
    {
        public int AbstractId { get; set; } = -1;

        public Dictionary<int, int> StartOverrides { get; } = [];
    }

    private sealed class StyleNumbering
    {
        public string? BasedOn { get; set; }

        public int? NumId { get; set; }

        public int? Level { get; set; }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The numbered passages of one draft or chat answer. Retrieval fills it first, ArchiveSearch calls append to it, so every
/// number the model may cite is in one list, and the citation check reads the same list. Each passage is shown to the model
/// as delimited data; text that imitates a delimiter is defused so a source cannot close its own block.
/// </summary>
internal sealed partial class PassageSet(int maxPassageChars)
{
    private readonly Lock _gate = new();
    private readonly List<Passage> _passages = [];
    private readonly HashSet<string> _chunkIds = new(StringComparer.Ordinal);

    public IReadOnlyList<Passage> Passages
    {
        get
        {
            lock (_gate)
            {
                return [.. _passages];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _passages.Count;
            }
        }
    }

    /// <summary>Adds the chunk under the next number; returns null when it is already in the set.</summary>
    public Passage? Add(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        lock (_gate)
        {
            if (!_chunkIds.Add(chunk.ChunkId))
            {
                return null;
            }

            var passage = new Passage(_passages.Count + 1, chunk, Cut(Defuse(chunk.Text), maxPassageChars));
            _passages.Add(passage);
            return passage;
        }
    }

    public Passage? Find(int number)
    {
        lock (_gate)
        {
            return number >= 1 && number <= _passages.Count ? _passages[number - 1] : null;
        }
    }

    /// <summary>All passages as delimited blocks, or a plain note when there are none.</summary>
    public string Format() => Format(Passages);

    public static string Format(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return "(Keine Quellen gefunden.)";
        }

        var text = new StringBuilder();
        foreach (var passage in passages)
        {
            if (text.Length > 0)
            {
                text.Append('\n').Append('\n');
            }

            Format(passage, text);
        }

        return text.ToString();
    }

    private static void Format(Passage passage, StringBuilder text)
    {
        var chunk = passage.Chunk;
        var date = chunk.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "unbekannt";
        var title = Defuse(chunk.Title).Replace('"', '\'').ReplaceLineEndings(" ");
        text.Append(CultureInfo.InvariantCulture, $"<<<QUELLE {passage.Marker} id={Defuse(chunk.DocumentId)} typ={chunk.DocumentType} datum={date} titel=\"{title}\">>>")
            .Append('\n')
            .Append(passage.Text)
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"<<<ENDE {passage.Marker}>>>");
    }

    /// <summary>Sources must not be able to forge the delimiters that separate data from instructions.</summary>
    internal static string Defuse(string text) => AngleRun().Replace(text, m => m.Value[0] == '<' ? "‹" : "›");

    internal static string Cut(string text, int maxChars)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', maxChars - 1);
        return string.Concat(trimmed.AsSpan(0, cut > maxChars / 2 ? cut : maxChars), " …");
    }

    [GeneratedRegex("<{3,}|>{3,}")]
    private static partial Regex AngleRun();
}

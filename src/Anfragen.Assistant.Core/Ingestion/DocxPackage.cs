using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// The zip container of a .docx, opened for bounded reading: the entry count is taken from the end of the archive
/// before any entry is listed, every part is checked against its declared sizes before it is opened, and every byte
/// inflated is charged to the file's <see cref="DecompressionBudget"/> while it is read.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private const string Unreadable = "ist keine lesbare Word-Datei";

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly DecompressionBudget _budget;
    private readonly IngestionLimits _limits;
    private readonly string _source;

    private DocxPackage(ZipArchive archive, string source, IngestionLimits limits)
    {
        _archive = archive;
        _source = source;
        _limits = limits;
        _budget = new DecompressionBudget(source, limits);
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            _entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        }
    }

    /// <summary>Part name of the main document ("word/document.xml").</summary>
    public string MainPart { get; private set; } = string.Empty;

    /// <summary>The numbering definitions part, if the document has one.</summary>
    public string? NumberingPart { get; private set; }

    /// <summary>The style definitions part, if the document has one.</summary>
    public string? StylesPart { get; private set; }

    public static DocxPackage Open(byte[] content, string source, IngestionLimits limits)
    {
        var entries = EntryCount(content) ?? throw new DocumentReadException(source, $"{Unreadable} (kein gültiges ZIP-Archiv)");
        if (entries > limits.MaxArchiveEntries)
        {
            throw LimitExceeded.Entries(source, entries, limits.MaxArchiveEntries);
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentReadException(source, $"{Unreadable} (beschädigtes ZIP-Archiv)", ex);
        }

        var package = new DocxPackage(archive, source, limits);
        try
        {
            package.FindParts();
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>Opens a part for reading as XML; DTDs are refused (entity expansion is another bomb).</summary>
    public XmlReader OpenXml(string part)
    {
        if (!_entries.TryGetValue(part, out var entry))
        {
            throw new DocumentReadException(_source, $"{Unreadable} (Teil {part} fehlt)");
        }

        _budget.CheckDeclared(part, entry.Length, entry.CompressedLength);
        var stream = new BudgetedReadStream(entry.Open(), _budget, part, entry.CompressedLength);
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
    }

    /// <summary>Refuses XML nested deeper than <see cref="IngestionLimits.MaxNestingDepth"/>; call for every node read.</summary>
    public void CheckDepth(XmlReader reader)
    {
        if (reader.Depth > _limits.MaxNestingDepth)
        {
            throw LimitExceeded.Depth(_source, _limits.MaxNestingDepth);
        }
    }

    public void Dispose() => _archive.Dispose();

    private void FindParts()
    {
        MainPart = Relationships("_rels/.rels", string.Empty).GetValueOrDefault("officeDocument")
            ?? throw new DocumentReadException(_source, $"{Unreadable} (kein Word-Dokument: der Hauptteil fehlt)");
        var directory = MainPart.Contains('/', StringComparison.Ordinal) ? MainPart[..(MainPart.LastIndexOf('/') + 1)] : string.Empty;
        var fileName = MainPart[directory.Length..];
        var related = Relationships($"{directory}_rels/{fileName}.rels", directory);
        NumberingPart = related.GetValueOrDefault("numbering");
        StylesPart = related.GetValueOrDefault("styles");
    }

    /// <summary>Relationship type (its last path segment, the same in transitional and strict OOXML) to the part it targets.</summary>
    private Dictionary<string, string> Relationships(string part, string baseDirectory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_entries.ContainsKey(part))
        {
            return result;
        }

        using var reader = OpenXml(part);
        while (reader.Read())
        {
            CheckDepth(reader);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.GetAttribute("TargetMode") == "External")
            {
                continue;
            }

            var type = reader.GetAttribute("Type");
            var target = reader.GetAttribute("Target");
            if (type is null || target is null)
            {
                continue;
            }

            result.TryAdd(type[(type.LastIndexOf('/') + 1)..], Resolve(baseDirectory, target));
        }

        return result;
    }

    private static string Resolve(string baseDirectory, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseDirectory + target;
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// The number of entries the archive declares at its end (zip64 included), read before the archive lists them,
    /// so an archive of millions of tiny entries is refused without building a list of them. Null: no zip archive.
    /// </summary>
    internal static long? EntryCount(ReadOnlySpan<byte> zip)
    {
        const int EndRecordLength = 22;
        var lowest = Math.Max(0, zip.Length - EndRecordLength - ushort.MaxValue);
        for (var at = zip.Length - EndRecordLength; at >= lowest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[at..]) != 0x06054B50)
            {
                continue;
            }

            long entries = BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 10)..]);
            var locator = at - 20;
            if (entries == ushort.MaxValue && locator >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(zip[locator..]) == 0x07064B50)
            {
                var record = BinaryPrimitives.ReadUInt64LittleEndian(zip[(locator + 8)..]);
                if (record <= (ulong)(zip.Length - 40) && BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)record..]) == 0x06064B50)
                {
                    var count = BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)record + 32)..]);
                    entries = count > long.MaxValue ? long.MaxValue : (long)count;
                }
            }

            return entries;
        }

        return null;
    }
}

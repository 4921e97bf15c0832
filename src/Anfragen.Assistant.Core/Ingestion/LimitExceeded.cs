using System.Globalization;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>The German refusals of <see cref="IngestionLimits"/>: each names the file, the limit and the setting that raises it.</summary>
internal static class LimitExceeded
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static DocumentReadException Text(string source, int limit) =>
        new(source, $"enthält mehr als {Count(limit)} Zeichen Text und wird nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxTextChars))})");

    public static DocumentReadException Chunks(string source, int chunks, int limit) =>
        new(source, $"ergibt {Count(chunks)} Abschnitte, erlaubt sind höchstens {Count(limit)}; nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxChunksPerDocument))})");

    public static DocumentReadException Decompressed(string source, string part, long limit) =>
        new(source, $"wird beim Entpacken größer als {Bytes(limit)} ({part}) und wird nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxDecompressedBytes))})");

    public static DocumentReadException Ratio(string source, string part, int limit) =>
        new(source, $"ist verdächtig stark komprimiert ({part} wächst beim Entpacken auf mehr als das {Count(limit)}-Fache; Dekompressionsbombe?) und wird nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxCompressionRatio))})");

    public static DocumentReadException Entries(string source, long entries, int limit) =>
        new(source, $"enthält {Count(entries)} Archiv-Einträge, erlaubt sind höchstens {Count(limit)}; nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxArchiveEntries))})");

    public static DocumentReadException Pages(string source, int pages, int limit) =>
        new(source, $"hat {Count(pages)} Seiten, erlaubt sind höchstens {Count(limit)}; nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxPdfPages))})");

    public static DocumentReadException PageText(string source, int page, int limit) =>
        new(source, $"Seite {Count(page)} enthält mehr als {Count(limit)} Zeichen; die Datei wird nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxPdfPageChars))})");

    public static DocumentReadException Depth(string source, int limit) =>
        new(source, $"ist tiefer als {Count(limit)} Ebenen verschachtelt und wird nicht aufgenommen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxNestingDepth))})");

    public static DocumentReadException Line(string source, int limit) =>
        new(source, $"Zeile ist länger als {Bytes(limit)} und wird ungelesen übersprungen (Grenze {IngestionLimits.Key(nameof(IngestionLimits.MaxJsonLineBytes))})");

    public static string Count(long value) => value.ToString("N0", German);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", German) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", German) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " Bytes",
    };
}

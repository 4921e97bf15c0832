using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Bounds on what one input may cost (configuration <c>Anfragen:Ingestion:*</c>). Each is enforced while the file
/// is read, never after it was read whole: a file that crosses one is refused with its name and the limit, and the
/// batch goes on. The defaults lie well above real council papers (a 1,000-page Haushaltsplan has ~2.5 million
/// characters), so a file that crosses them is broken or built to exhaust the server; raise a limit for a real one.
/// </summary>
public sealed class IngestionLimits
{
    public const string SectionName = "Anfragen:Ingestion";

    /// <summary>Characters of extracted text per document (file, corpus line or upload).</summary>
    [Range(1_000, 500_000_000)]
    public int MaxTextChars { get; set; } = 4_000_000;

    /// <summary>Chunks per document: bounds the embedding work one document may cause.</summary>
    [Range(1, 1_000_000)]
    public int MaxChunksPerDocument { get; set; } = 5_000;

    /// <summary>Bytes decompressed from one file: the parts read from a .docx, the streams decoded from a .pdf.</summary>
    [Range(1024 * 1024, 16L * 1024 * 1024 * 1024)]
    public long MaxDecompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// Decompressed size over compressed size of one .docx part or .pdf stream. Text and XML shrink 3–20×; a part
    /// that inflates 100× or more is a decompression bomb. Checked once a part passed 1 MB.
    /// </summary>
    [Range(10, 1_000_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Entries in a .docx archive (a real one has 10 to a few hundred).</summary>
    [Range(10, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>Pages of a .pdf.</summary>
    [Range(1, 1_000_000)]
    public int MaxPdfPages { get; set; } = 5_000;

    /// <summary>Characters on one .pdf page (a dense A4 page has ~6,000; a table in small print ~30,000).</summary>
    [Range(1_000, 100_000_000)]
    public int MaxPdfPageChars { get; set; } = 200_000;

    /// <summary>Nesting depth of HTML elements and of the XML in a .docx (browsers stop nesting HTML at 512 too).</summary>
    [Range(16, 100_000)]
    public int MaxNestingDepth { get; set; } = 512;

    /// <summary>Bytes of one line of a JSONL corpus; a longer line is refused with its file:line and skipped unread.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxJsonLineBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The configuration key of a property, for messages ("Anfragen:Ingestion:MaxTextChars").</summary>
    public static string Key(string property) => $"{SectionName}:{property}";
}

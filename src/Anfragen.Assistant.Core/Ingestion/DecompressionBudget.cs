namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Counts the bytes decompressed from one file while they are produced (the parts of a .docx, the streams of a
/// .pdf) and refuses the file the moment their total passes <see cref="IngestionLimits.MaxDecompressedBytes"/> or one
/// part inflates more than <see cref="IngestionLimits.MaxCompressionRatio"/> times its compressed size.
/// </summary>
internal sealed class DecompressionBudget(string source, IngestionLimits limits)
{
    /// <summary>Small parts may compress well (a repetitive styles.xml); the ratio counts once a part is larger.</summary>
    public const long RatioGraceBytes = 1024 * 1024;

    private long _total;

    public long Total => _total;

    /// <summary>Checks a part's declared sizes before it is opened (a zip entry tells both).</summary>
    public void CheckDeclared(string part, long uncompressed, long compressed)
    {
        if (uncompressed > limits.MaxDecompressedBytes - _total)
        {
            throw LimitExceeded.Decompressed(source, part, limits.MaxDecompressedBytes);
        }

        CheckRatio(part, uncompressed, compressed);
    }

    /// <summary>Adds <paramref name="added"/> bytes just produced; <paramref name="partBytes"/> is the part's count so far, including them.</summary>
    public void Add(string part, long added, long partBytes, long compressed)
    {
        _total += added;
        if (_total > limits.MaxDecompressedBytes)
        {
            throw LimitExceeded.Decompressed(source, part, limits.MaxDecompressedBytes);
        }

        CheckRatio(part, partBytes, compressed);
    }

    private void CheckRatio(string part, long uncompressed, long compressed)
    {
        if (uncompressed > RatioGraceBytes && uncompressed > Math.Max(compressed, 0) * (long)limits.MaxCompressionRatio)
        {
            throw LimitExceeded.Ratio(source, part, limits.MaxCompressionRatio);
        }
    }
}

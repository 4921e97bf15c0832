namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>What a sync of one body did so far, counted per paper (files and requests separately).</summary>
public sealed record OParlSyncCounts
{
    /// <summary>Papers listed by the server in this run (deleted ones included).</summary>
    public int Papers { get; init; }

    /// <summary>Papers written to the index (new or changed).</summary>
    public int Imported { get; init; }

    /// <summary>Papers not modified since the last sync: nothing downloaded for them.</summary>
    public int Unchanged { get; init; }

    /// <summary>Papers the server marked deleted and that were removed from the index.</summary>
    public int Deleted { get; init; }

    /// <summary>Papers not imported because a nichtöffentlich document of the same id is stored.</summary>
    public int Refused { get; init; }

    /// <summary>Papers or files that could not be read (reported; the rest went on).</summary>
    public int Failed { get; init; }

    /// <summary>Files downloaded (a file's text that did not change is reused, not downloaded).</summary>
    public int Downloads { get; init; }

    public long DownloadedBytes { get; init; }

    /// <summary>Seconds spent in the ingestion pipeline (chunking, embedding, writing), the rest of a run is the import's own.</summary>
    public double IndexSeconds { get; init; }

    public static OParlSyncCounts Zero { get; } = new();

    public OParlSyncCounts Add(OParlSyncCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new OParlSyncCounts
        {
            Papers = Papers + other.Papers,
            Imported = Imported + other.Imported,
            Unchanged = Unchanged + other.Unchanged,
            Deleted = Deleted + other.Deleted,
            Refused = Refused + other.Refused,
            Failed = Failed + other.Failed,
            Downloads = Downloads + other.Downloads,
            DownloadedBytes = DownloadedBytes + other.DownloadedBytes,
            IndexSeconds = IndexSeconds + other.IndexSeconds,
        };
    }
}

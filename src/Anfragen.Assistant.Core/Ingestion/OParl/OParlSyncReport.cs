namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>What to sync: the OParl System URL (or a Body URL), optionally one body, optionally an explicit modified_since.</summary>
public sealed record OParlSyncRequest(string SystemUrl, string? Body = null, DateTimeOffset? Since = null);

/// <summary>The sync of one body: its counts, whether it resumed an interrupted run, and the modified_since it asked with.</summary>
public sealed record OParlBodyReport(string BodyId, string? Name, OParlSyncCounts Counts, bool Resumed, DateTimeOffset? Since, int Pages)
{
    /// <summary>Why the body's sync stopped before the end of its list (it resumes there next run); null when it completed.</summary>
    public string? Error { get; init; }
}

/// <summary>What a sync run did: per body, the problems reported (papers and files; the run went on), time and requests.</summary>
public sealed record OParlSyncReport(IReadOnlyList<OParlBodyReport> Bodies, IReadOnlyList<IngestionIssue> Issues, double Seconds, int Requests)
{
    public OParlSyncCounts Counts => Bodies.Aggregate(OParlSyncCounts.Zero, (sum, b) => sum.Add(b.Counts));

    public double DownloadsPerSecond => Seconds > 0 ? Counts.Downloads / Seconds : 0;

    /// <summary>Downloads per second of the import's own time (listing, downloading, reading files), the indexing left out.</summary>
    public double DownloadsPerImportSecond => Seconds - Counts.IndexSeconds > 0 ? Counts.Downloads / (Seconds - Counts.IndexSeconds) : 0;
}

/// <summary>Reported after each list page: the body, pages and papers so far (total when the server tells it), and the counts.</summary>
public sealed record OParlSyncProgress(string Body, int Pages, int PapersDone, int? PapersTotal, OParlSyncCounts Counts);

namespace Anfragen.Assistant.Web.Services;

/// <summary>One reading of <see cref="IngestionStatus"/>.</summary>
public sealed record IngestionSnapshot(string? Job, bool Running, string Message, int? Done, int? Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static IngestionSnapshot Idle { get; } = new(null, false, "keine Aufnahme gelaufen", null, null, null, null);

    public bool Failed { get; init; }

    /// <summary>The finished run's report (new, updated with the replaced ids, unchanged, refused, errors); null while running.</summary>
    public Ingestion.IngestionReport? Report { get; init; }

    /// <summary>The job fills an archive that was empty when it started (the first ingestion): searches and chat answers are incomplete until it ends.</summary>
    public bool BuildsArchive { get; init; }

    /// <summary>"Archiv wird aufgebaut (120 von 390 Dokumenten)" while the first ingestion runs, else null.</summary>
    public string? BuildingNotice => Running && BuildsArchive
        ? Total is { } total && Done is { } done ? $"Archiv wird aufgebaut ({done} von {total} Dokumenten)" : "Archiv wird aufgebaut"
        : null;
}

namespace Anfragen.Assistant.Web.Services;

/// <summary>One reading of <see cref="IngestionStatus"/>.</summary>
public sealed record IngestionSnapshot(string? Job, bool Running, string Message, int? Done, int? Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static IngestionSnapshot Idle { get; } = new(null, false, "keine Aufnahme gelaufen", null, null, null, null);

    public bool Failed { get; init; }

    /// <summary>The finished run's report (new, updated with the replaced ids, unchanged, refused, errors); null while running.</summary>
    public Ingestion.IngestionReport? Report { get; init; }
}

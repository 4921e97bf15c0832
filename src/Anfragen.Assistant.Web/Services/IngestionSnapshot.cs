namespace Anfragen.Assistant.Web.Services;

/// <summary>One reading of <see cref="IngestionStatus"/>.</summary>
public sealed record IngestionSnapshot(string? Job, bool Running, string Message, int? Done, int? Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static IngestionSnapshot Idle { get; } = new(null, false, "keine Aufnahme gelaufen", null, null, null, null);

    public bool Failed { get; init; }
}

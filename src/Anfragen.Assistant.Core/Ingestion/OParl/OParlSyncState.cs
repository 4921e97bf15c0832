namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// The remembered sync of one body (an endpoint's paper list). <see cref="Since"/> is what the next run asks for with
/// <c>modified_since</c>; <see cref="CheckpointUrl"/> is the next list page of an interrupted run, which the next run
/// resumes at (with the interrupted run's <see cref="CheckpointSince"/> and start time).
/// </summary>
public sealed record OParlSyncState
{
    public required string BodyId { get; init; }
    public required string SystemUrl { get; init; }
    public string? BodyName { get; init; }

    /// <summary>When the last complete run started (client clock, less a safety margin); null before the first.</summary>
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? LastCompletedAt { get; init; }
    public OParlSyncCounts? LastCounts { get; init; }

    public string? CheckpointUrl { get; init; }
    public DateTimeOffset? CheckpointStartedAt { get; init; }
    public DateTimeOffset? CheckpointSince { get; init; }
    public OParlSyncCounts? CheckpointCounts { get; init; }
}

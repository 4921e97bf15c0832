namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// What the archive ingestion is doing right now (sample archive at first start, uploads from Administration),
/// shown on the Administration page and by GET /api/admin/status. Thread-safe; <see cref="Changed"/> fires on updates.
/// </summary>
public sealed class IngestionStatus(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private IngestionSnapshot _current = IngestionSnapshot.Idle;

    public event Action? Changed;

    public IngestionSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public void Start(string job) => Update(_ => new IngestionSnapshot(job, true, "gestartet", null, null, timeProvider.GetUtcNow(), null));

    /// <summary>Marks the running job as the first ingestion into an empty archive.</summary>
    public void BuildingArchive() => Update(s => s.Running ? s with { BuildsArchive = true } : s);

    public void Progress(string message, int? done, int? total) => Update(s => s.Running ? s with { Message = message, Done = done, Total = total } : s);

    public void Finish(string message, Ingestion.IngestionReport? report = null) => Update(s => s with { Running = false, Message = message, FinishedAt = timeProvider.GetUtcNow(), Report = report });

    public void Fail(string message) => Update(s => s with { Running = false, Message = message, Failed = true, FinishedAt = timeProvider.GetUtcNow() });

    private void Update(Func<IngestionSnapshot, IngestionSnapshot> change)
    {
        lock (_lock)
        {
            _current = change(_current);
        }

        Changed?.Invoke();
    }
}

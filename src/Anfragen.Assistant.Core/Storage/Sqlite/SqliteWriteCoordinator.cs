namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// Serialises the writes of one embedded index (<see cref="Gate"/>) and lets searches see a replace all at once: a
/// write commits to SQLite, then updates the keyword index and the vector matrix inside a publish window; a search
/// that overlapped a window runs again (<see cref="ReadConsistentAsync{T}"/>), so it never sees a document's new
/// rows in SQLite while a derived structure still holds the old ones (which would drop the document from a result).
/// </summary>
internal sealed class SqliteWriteCoordinator : IDisposable
{
    // Searches overlapping this many windows in a row return the last result (a search must not starve under writes).
    private const int MaxAttempts = 3;

    private readonly object _lock = new();
    private long _version;
    private TaskCompletionSource _quiet = CreateQuiet(completed: true);

    /// <summary>Held for every write and for catching up with other processes' writes.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Starts a publish window (call with <see cref="Gate"/> held, right after the SQLite commit).</summary>
    public void BeginPublish()
    {
        lock (_lock)
        {
            _quiet = CreateQuiet(completed: false);
            Volatile.Write(ref _version, _version + 1);
        }
    }

    public void EndPublish()
    {
        TaskCompletionSource quiet;
        lock (_lock)
        {
            Volatile.Write(ref _version, _version + 1);
            quiet = _quiet;
        }

        quiet.TrySetResult();
    }

    /// <summary>Runs <paramref name="search"/> until no publish window overlapped it (at most a few times).</summary>
    public async Task<T> ReadConsistentAsync<T>(Func<CancellationToken, Task<T>> search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        for (var attempt = 1; ; attempt++)
        {
            long before;
            Task quiet;
            lock (_lock)
            {
                before = _version;
                quiet = _quiet.Task;
            }

            if ((before & 1) == 1)
            {
                await quiet.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var result = await search(cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _version) == before || attempt >= MaxAttempts)
            {
                return result;
            }
        }
    }

    public void Dispose() => Gate.Dispose();

    private static TaskCompletionSource CreateQuiet(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}

using Microsoft.Extensions.AI;

namespace Anfragen.Assistant.Web.Fakes;

/// <summary>
/// The hash embedder behind a gate: while <see cref="Close"/>d, every call waits (until <see cref="Open"/> or its
/// cancellation), so a test holds an ingestion job in the middle of its work for as long as it needs.
/// </summary>
internal sealed class GatedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashEmbeddingGenerator _inner = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = Opened();
    private int _waiting;

    /// <summary>Calls currently held at the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Close()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Task gate;
        lock (_lock)
        {
            gate = _open.Task;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return await _inner.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

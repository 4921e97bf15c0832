using Anfragen.Assistant.Embeddings;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// Initialises the index once per process with the configured embedding model, so a model mismatch surfaces on the
/// first search or ingest as <see cref="IndexMismatchException"/>. A failed attempt is retried on the next call.
/// </summary>
public sealed class KnowledgeIndexInitializer(IDocumentStore index, EmbeddingService embeddings) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmbeddingModelInfo? _initialized;

    public void Dispose() => _gate.Dispose();

    public async Task<EmbeddingModelInfo> EnsureInitializedAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized is not null)
        {
            return _initialized;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized is null)
            {
                var model = await embeddings.GetModelAsync(cancellationToken).ConfigureAwait(false);
                await index.InitializeAsync(model, cancellationToken).ConfigureAwait(false);
                _initialized = model;
            }

            return _initialized;
        }
        finally
        {
            _gate.Release();
        }
    }
}

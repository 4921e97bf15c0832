using Anfragen.Assistant.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Embeddings;

/// <summary>
/// The one place texts become vectors: batches calls to the configured <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>,
/// L2-normalises every vector and names the model (recorded in the index, checked on every start).
/// </summary>
public sealed class EmbeddingService(IEmbeddingGenerator<string, Embedding<float>> generator, IOptions<EmbeddingsOptions> options) : IDisposable
{
    private readonly EmbeddingsOptions _options = options.Value;
    private readonly SemaphoreSlim _modelGate = new(1, 1);
    private EmbeddingModelInfo? _model;

    public int BatchSize => _options.BatchSize;

    public IEmbeddingGenerator<string, Embedding<float>> Generator => generator;

    /// <summary>Model id and dimension: from the generator's metadata, else from the options, else one probe call.</summary>
    public async Task<EmbeddingModelInfo> GetModelAsync(CancellationToken cancellationToken = default)
    {
        if (_model is not null)
        {
            return _model;
        }

        await _modelGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_model is not null)
            {
                return _model;
            }

            var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
            var modelId = _options.Provider == EmbeddingProvider.Local
                ? MiniLmEmbeddingGenerator.ModelId
                : _options.Model ?? metadata?.DefaultModelId ?? "unknown";
            var dimensions = _options.Provider == EmbeddingProvider.Local
                ? MiniLmEmbeddingGenerator.Dimensions
                : _options.Dimensions ?? metadata?.DefaultModelDimensions;
            if (dimensions is null or <= 0)
            {
                var probe = await generator.GenerateAsync(["Dimension"], cancellationToken: cancellationToken).ConfigureAwait(false);
                dimensions = probe[0].Vector.Length;
            }

            _model = new EmbeddingModelInfo(modelId, dimensions.Value);
            return _model;
        }
        finally
        {
            _modelGate.Release();
        }
    }

    /// <summary>Embeds <paramref name="texts"/> in batches of <see cref="BatchSize"/>; one unit-length vector per text, in order.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += _options.BatchSize)
        {
            var batch = texts.Skip(start).Take(_options.BatchSize).ToArray();
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"Embedding model returned {embeddings.Count} vectors for {batch.Length} texts.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                result[start + i] = VectorMath.Normalize(embeddings[i].Vector.Span);
            }
        }

        return result;
    }

    public void Dispose() => _modelGate.Dispose();

    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var vectors = await EmbedAsync([query], cancellationToken).ConfigureAwait(false);
        return vectors[0];
    }
}

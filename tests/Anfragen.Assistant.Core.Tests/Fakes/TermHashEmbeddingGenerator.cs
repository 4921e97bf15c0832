using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.AI;

namespace Anfragen.Assistant.Fakes;

/// <summary>
/// A deterministic, fast embedder for tests: German analyzer terms hashed into 384 buckets (the local model's dimension),
/// so texts sharing words are close and results do not depend on a model download.
/// </summary>
public sealed class TermHashEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;
    private readonly GermanTextAnalyzer _analyzer = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[Dimensions];
            foreach (var term in _analyzer.Analyze(value))
            {
                var hash = 17;
                foreach (var c in term)
                {
                    hash = unchecked((hash * 31) + c);
                }

                vector[(hash & int.MaxValue) % Dimensions] += 1f;
            }

            vector[0] += 0.01f;
            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

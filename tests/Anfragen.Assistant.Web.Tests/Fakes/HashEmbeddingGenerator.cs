using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Anfragen.Assistant.Web.Fakes;

/// <summary>
/// Deterministic stand-in for the embedding model: each lower-cased word is hashed to one of 384 dimensions.
/// Texts sharing words get similar vectors, so dense search behaves plausibly, and ingestion takes milliseconds.
/// </summary>
internal sealed class HashEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', '.', ',', ';', ':', '?', '!', '(', ')', '"', '-', '/'];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[Dimensions];
            foreach (var word in value.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes(word));
                vector[BitConverter.ToUInt16(hash, 0) % Dimensions] += 1f;
            }

            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            if (norm == 0)
            {
                vector[0] = 1f;
                norm = 1f;
            }

            result.Add(new Embedding<float>(vector.Select(v => v / norm).ToArray()));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "hash-384", Dimensions) : null;

    public void Dispose()
    {
    }
}

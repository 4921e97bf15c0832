using Anfragen.Assistant.Embeddings;
using System.Numerics.Tensors;

namespace Anfragen.Assistant.Ingestion;

/// <summary>The real local model on three sentences (about a second): dimension, batching and that meaning is captured.</summary>
public sealed class MiniLmEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embeds_a_batch_into_384_dimensions_with_similar_texts_closer()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var embeddings = await generator.GenerateAsync(
            ["The bicycle lane will be repaired.", "The cycle path is going to be fixed.", "The theatre receives funding from the state."],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length));
        var v = embeddings.Select(e => VectorMath.Normalize(e.Vector.Span)).ToArray();
        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]));
    }
}

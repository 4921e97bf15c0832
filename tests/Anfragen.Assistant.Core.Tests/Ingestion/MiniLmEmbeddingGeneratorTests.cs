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

    [Fact]
    public async Task Cancelling_while_the_model_runs_is_an_OperationCanceledException_not_an_OnnxRuntime_error()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        await generator.GenerateAsync(["warm up"], cancellationToken: TestContext.Current.CancellationToken);

        // Long inputs keep the model busy for seconds, so the cancellation lands inside a run (ONNX Runtime's terminate flag).
        var inputs = Enumerable.Range(0, 400).Select(i => string.Concat(Enumerable.Repeat($"Radweg {i} wird saniert, die Kosten trägt die Stadt. ", 20))).ToArray();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));

        var thrown = await Record.ExceptionAsync(() => generator.GenerateAsync(inputs, cancellationToken: cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }
}

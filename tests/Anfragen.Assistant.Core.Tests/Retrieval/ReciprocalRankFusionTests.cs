using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Retrieval;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void A_chunk_found_by_both_sides_outranks_chunks_found_by_one()
    {
        var fused = ReciprocalRankFusion.Fuse(List("a", "b", "c"), List("d", "b", "e"), HybridWeights.Equal, 10);
        Assert.Equal("b", fused[0].Chunk.ChunkId);
        Assert.Equal(5, fused.Count);
        Assert.Equal((1.0 / 62) + (1.0 / 62), fused[0].Score, 10);
    }

    [Fact]
    public void Zero_dense_weight_keeps_the_keyword_order_and_appends_dense_only_chunks()
    {
        var fused = ReciprocalRankFusion.Fuse(List("a", "b", "c"), List("c", "x"), new HybridWeights(1, 0), 10);
        Assert.Equal(["a", "b", "c", "x"], fused.Select(f => f.Chunk.ChunkId));
    }

    [Fact]
    public void Weights_shift_the_balance()
    {
        var keywordHeavy = ReciprocalRankFusion.Fuse(List("k"), List("d"), new HybridWeights(1, 0.5), 2);
        var denseHeavy = ReciprocalRankFusion.Fuse(List("k"), List("d"), new HybridWeights(0.5, 1), 2);
        Assert.Equal("k", keywordHeavy[0].Chunk.ChunkId);
        Assert.Equal("d", denseHeavy[0].Chunk.ChunkId);
    }

    [Fact]
    public void Is_pure_and_stable_on_ties()
    {
        var keyword = List("a", "b");
        var dense = List("b", "a");
        var first = ReciprocalRankFusion.Fuse(keyword, dense, HybridWeights.Equal, 10);
        var second = ReciprocalRankFusion.Fuse(keyword, dense, HybridWeights.Equal, 10);
        Assert.Equal(first, second);
        Assert.Equal(["a", "b"], first.Select(f => f.Chunk.ChunkId)); // equal scores: keyword rank decides
        Assert.Equal(["a", "b"], keyword.Select(k => k.Chunk.ChunkId)); // inputs untouched
    }

    [Fact]
    public void Honours_top_and_empty_inputs()
    {
        Assert.Single(ReciprocalRankFusion.Fuse(List("a", "b"), List("c"), HybridWeights.Equal, 1));
        Assert.Empty(ReciprocalRankFusion.Fuse([], [], HybridWeights.Equal, 5));
        Assert.Empty(ReciprocalRankFusion.Fuse(List("a"), [], HybridWeights.Equal, 0));
    }

    private static List<ScoredChunk> List(params string[] ids) => ids.Select((id, i) => new ScoredChunk(
        new Chunk { ChunkId = id, DocumentId = id, Ordinal = 0, DocumentType = DocumentType.Other, Title = id, Text = id }, 10 - i)).ToList();
}

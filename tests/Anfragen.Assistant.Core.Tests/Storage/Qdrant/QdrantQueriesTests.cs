using Anfragen.Assistant.Retrieval;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class QdrantQueriesTests
{
    private static readonly SparseTermVector Sparse = new([3u, 17u], [1f, 1f]);
    private static readonly float[] DenseVector = [0.6f, 0.8f, 0f];

    [Fact]
    public void Hybrid_query_has_a_sparse_and_a_dense_prefetch_each_carrying_the_filter()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { Types = [Documents.DocumentType.Stellungnahme] });

        var request = QdrantQueries.Hybrid(Sparse, DenseVector, filter, top: 10, HybridWeights.Equal);

        Assert.Equal(2, request.Prefetches.Count);
        var sparse = request.Prefetches[0];
        var dense = request.Prefetches[1];
        Assert.Equal("bm25", sparse.Using);
        Assert.Equal("dense", dense.Using);
        Assert.Same(filter, sparse.Filter);
        Assert.Same(filter, dense.Filter);
        Assert.Equal(50ul, sparse.Limit);
        Assert.Equal(50ul, dense.Limit);
        Assert.Equal(Sparse.Indices, sparse.Query.Nearest.Sparse.Indices);
        Assert.Equal(Sparse.Values, sparse.Query.Nearest.Sparse.Values);
        Assert.Equal(DenseVector, dense.Query.Nearest.Dense.Data);
    }

    [Fact]
    public void Equal_weights_fuse_with_RRF_at_our_k_without_weights()
    {
        var request = QdrantQueries.Hybrid(Sparse, DenseVector, new Filter(), top: 5, HybridWeights.Equal);

        Assert.Equal(Query.VariantOneofCase.Rrf, request.Query.VariantCase);
        Assert.Empty(request.Query.Rrf.Weights);
        Assert.Null(request.Using);
    }

    [Fact]
    public void Rrf_k_is_shifted_by_one_because_Qdrant_ranks_from_zero()
    {
        // Embedded index: w / (k + rank) with rank 1, 2, …; Qdrant: w / (K + rank) with rank 0, 1, … → K = k + 1.
        Assert.Equal(61u, QdrantQueries.Fusion(HybridWeights.Equal).Rrf.K);
        Assert.Equal(11u, QdrantQueries.Fusion(new HybridWeights(RrfK: 10)).Rrf.K);
    }

    [Fact]
    public void Unequal_weights_fuse_with_weighted_RRF_in_prefetch_order()
    {
        var request = QdrantQueries.Hybrid(Sparse, DenseVector, new Filter(), top: 5, new HybridWeights(Keyword: 3, Dense: 1, RrfK: 20));

        Assert.Equal(Query.VariantOneofCase.Rrf, request.Query.VariantCase);
        Assert.Equal(21u, request.Query.Rrf.K);
        Assert.Equal([3f, 1f], request.Query.Rrf.Weights);
    }

    [Fact]
    public void Prefetch_pool_is_at_least_fifty_and_grows_with_top()
    {
        var request = QdrantQueries.Hybrid(Sparse, DenseVector, new Filter(), top: 80, HybridWeights.Equal);

        Assert.All(request.Prefetches, p => Assert.Equal(80ul, p.Limit));
    }

    [Fact]
    public void Zero_keyword_weight_or_no_query_terms_search_dense_only()
    {
        var filter = new Filter();
        foreach (var request in new[]
        {
            QdrantQueries.Hybrid(Sparse, DenseVector, filter, 5, new HybridWeights(Keyword: 0, Dense: 1)),
            QdrantQueries.Hybrid(new SparseTermVector([], []), DenseVector, filter, 5, HybridWeights.Equal),
        })
        {
            Assert.Empty(request.Prefetches);
            Assert.Equal("dense", request.Using);
            Assert.Equal(DenseVector, request.Query.Nearest.Dense.Data);
            Assert.Same(filter, request.Filter);
        }
    }

    [Fact]
    public void Zero_dense_weight_searches_keywords_only()
    {
        var request = QdrantQueries.Hybrid(Sparse, DenseVector, new Filter(), 5, new HybridWeights(Keyword: 1, Dense: 0));

        Assert.Empty(request.Prefetches);
        Assert.Equal("bm25", request.Using);
        Assert.Equal(Sparse.Indices, request.Query.Nearest.Sparse.Indices);
    }
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Behaviour specific to the Qdrant index against a real server (the shared contract suite covers the common cases).
/// Skipped, with a reason naming ANFRAGEN_QDRANT_URL, when no server is configured.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QdrantKnowledgeIndexIntegrationTests : IAsyncLifetime
{
    private static readonly EmbeddingModelInfo Model = new("test-model", 4);
    private readonly List<QdrantKnowledgeIndex> _indexes = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var index in _indexes)
        {
            await index.DeleteCollectionAsync(CancellationToken.None);
            index.Dispose();
        }
    }

    [Fact]
    public async Task Keyword_dense_and_hybrid_search_find_the_chunk_and_never_return_nonpublic_to_the_public()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(Document("25-1", Visibility.Public, ("Sanierung der Radwege an der Hauptstraße", [1, 0, 0, 0])), Token);
        await index.UpsertAsync(Document("25-2", Visibility.NonPublic, ("Radwege: Grundstücksankauf vertraulich", [0.9f, 0.1f, 0, 0])), Token);
        await index.UpsertAsync(Document("25-3", Visibility.Public, ("Spielplätze im Norden", [0, 0, 1, 0])), Token);

        var keyword = await index.KeywordSearchAsync("Radweg", SearchFilter.PublicOnly, 10, Token);
        var dense = await index.DenseSearchAsync(new float[] { 1, 0, 0, 0 }, SearchFilter.PublicOnly, 10, Token);
        var hybrid = await index.HybridSearchAsync("Radwege", new float[] { 1, 0, 0, 0 }, SearchFilter.PublicOnly, 10, HybridWeights.Equal, Token);
        var cleared = await index.KeywordSearchAsync("Radweg", new SearchFilter { IncludeNonPublic = true }, 10, Token);

        Assert.Equal("25-1#0", Assert.Single(keyword).Chunk.ChunkId);
        Assert.Equal("25-1#0", dense[0].Chunk.ChunkId);
        Assert.DoesNotContain(dense, h => h.Chunk.Visibility == Visibility.NonPublic);
        Assert.Equal("25-1#0", hybrid[0].Chunk.ChunkId);
        Assert.DoesNotContain(hybrid, h => h.Chunk.DocumentId == "25-2");
        Assert.Equal(["25-1", "25-2"], cleared.Select(h => h.Chunk.DocumentId).Order());
    }

    [Fact]
    public async Task Weighted_fusion_lets_the_heavier_side_decide()
    {
        var index = await OpenAsync();
        // Each side ranks the two chunks in opposite order, so only the weights decide which comes first.
        await index.UpsertAsync(Document("k", Visibility.Public, ("Haushaltssperre Haushaltssperre", [0.6f, 0.8f, 0, 0])), Token);
        await index.UpsertAsync(Document("d", Visibility.Public, ("Haushaltssperre und Schulweg, Schulbus, Schulhof, Schulgarten, Lehrerzimmer", [1, 0, 0, 0])), Token);

        var keywordHeavy = await index.HybridSearchAsync("Haushaltssperre", new float[] { 1, 0, 0, 0 }, SearchFilter.PublicOnly, 2, new HybridWeights(Keyword: 5, Dense: 1), Token);
        var denseHeavy = await index.HybridSearchAsync("Haushaltssperre", new float[] { 1, 0, 0, 0 }, SearchFilter.PublicOnly, 2, new HybridWeights(Keyword: 1, Dense: 5), Token);

        Assert.Equal("k", keywordHeavy[0].Chunk.DocumentId);
        Assert.Equal("d", denseHeavy[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Replacing_a_document_removes_its_surplus_chunks_and_updates_the_hash()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(Document("25-9", Visibility.Public, ("eins", [1, 0, 0, 0]), ("zwei", [0, 1, 0, 0]), ("drei", [0, 0, 1, 0])), Token);
        await index.UpsertAsync(Document("25-9", Visibility.Public, ("neu", [0, 0, 0, 1])) with { Document = Stored("25-9", Visibility.Public, 1) with { ContentHash = "v2" } }, Token);

        var chunks = await index.GetChunksAsync("25-9", SearchFilter.PublicOnly, Token);
        Assert.Equal("neu", Assert.Single(chunks).Text);
        Assert.Equal("v2", await index.GetContentHashAsync("25-9", Token));
        Assert.Equal(new IndexStatistics(1, 1, Model), await index.GetStatisticsAsync(Token));
    }

    [Fact]
    public async Task Delete_removes_document_and_chunks_and_reports_absence()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(Document("25-5", Visibility.Public, ("Text", [1, 0, 0, 0])), Token);

        Assert.True(await index.DeleteAsync("25-5", Token));
        Assert.False(await index.DeleteAsync("25-5", Token));
        Assert.Null(await index.GetDocumentAsync("25-5", SearchFilter.PublicOnly, Token));
        Assert.Null(await index.GetContentHashAsync("25-5", Token));
        Assert.Empty(await index.GetChunksAsync("25-5", SearchFilter.PublicOnly, Token));
    }

    [Fact]
    public async Task Reopening_with_another_model_is_refused()
    {
        var index = await OpenAsync();
        using var reopened = QdrantTestServer.CreateIndex(index.CollectionName);

        await Assert.ThrowsAsync<IndexMismatchException>(() => reopened.InitializeAsync(new EmbeddingModelInfo("other-model", 4), Token));
        await Assert.ThrowsAsync<IndexMismatchException>(() => reopened.InitializeAsync(new EmbeddingModelInfo("test-model", 8), Token));
        await reopened.InitializeAsync(Model, Token);
    }

    [Fact]
    public async Task Listing_is_newest_first_with_undated_last_and_ties_by_id_across_pages()
    {
        var index = await OpenAsync();
        foreach (var (id, date) in new[] { ("c", (DateOnly?)new DateOnly(2024, 5, 1)), ("a", new DateOnly(2024, 5, 1)), ("b", new DateOnly(2025, 1, 1)), ("z", null), ("d", new DateOnly(2024, 5, 1)) })
        {
            await index.UpsertAsync(Document(id, Visibility.Public, date, ("Text", [1, 0, 0, 0])), Token);
        }

        var first = await index.ListDocumentsAsync(SearchFilter.PublicOnly, 0, 2, Token);
        var second = await index.ListDocumentsAsync(SearchFilter.PublicOnly, 2, 3, Token);

        Assert.Equal(["b", "a", "c", "d", "z"], first.Concat(second).Select(d => d.Id));
    }

    [Fact]
    public async Task Export_returns_every_document_with_its_chunks_in_order_and_their_vectors()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(Document("25-7", Visibility.NonPublic, ("erster", [1, 0, 0, 0]), ("zweiter", [0, 1, 0, 0])), Token);

        var exported = new List<IndexedDocument>();
        await foreach (var document in index.ExportAsync(Token))
        {
            exported.Add(document);
        }

        var only = Assert.Single(exported);
        Assert.Equal(["erster", "zweiter"], only.Chunks.Select(c => c.Text));
        Assert.Equal(new float[] { 0, 1, 0, 0 }, only.Vectors[1].ToArray());
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<QdrantKnowledgeIndex> OpenAsync()
    {
        Assert.SkipUnless(QdrantTestServer.Available, QdrantTestServer.SkipReason);
        var index = QdrantTestServer.CreateIndex();
        _indexes.Add(index);
        await index.InitializeAsync(Model, Token);
        return index;
    }

    private static IndexedDocument Document(string id, Visibility visibility, params (string Text, float[] Vector)[] chunks) =>
        Document(id, visibility, new DateOnly(2025, 2, 1), chunks);

    private static IndexedDocument Document(string id, Visibility visibility, DateOnly? date, params (string Text, float[] Vector)[] chunks)
    {
        var list = chunks.Select((c, i) => new Chunk
        {
            ChunkId = Chunk.MakeId(id, i),
            DocumentId = id,
            Ordinal = i,
            DocumentType = DocumentType.Anfrage,
            Title = string.Empty,
            Date = date,
            Visibility = visibility,
            Text = c.Text,
        }).ToList();
        return new IndexedDocument(Stored(id, visibility, list.Count) with { Date = date }, list, [.. chunks.Select(c => new ReadOnlyMemory<float>(c.Vector))]);
    }

    private static StoredDocument Stored(string id, Visibility visibility, int chunks) => new()
    {
        Id = id,
        Type = DocumentType.Anfrage,
        Title = string.Empty,
        Date = new DateOnly(2025, 2, 1),
        Visibility = visibility,
        ContentHash = "v1",
        ChunkCount = chunks,
    };
}

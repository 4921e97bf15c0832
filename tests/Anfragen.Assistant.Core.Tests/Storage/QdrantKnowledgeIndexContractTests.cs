using Anfragen.Assistant.Storage.Qdrant;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The shared index contract against a real Qdrant server (<c>ANFRAGEN_QDRANT_URL</c>), each test class instance in its
/// own collection, deleted afterwards. Without the variable every case is reported as skipped with that reason.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QdrantKnowledgeIndexContractTests : KnowledgeIndexContractTests
{
    private readonly string _collection = $"anfragen-contract-{Guid.NewGuid():N}";
    private readonly List<QdrantKnowledgeIndex> _opened = [];

    public override ValueTask InitializeAsync()
    {
        // Skipping here (before the base creates and initialises the index) reports every contract case as skipped.
        Assert.SkipUnless(QdrantTestServer.Available, QdrantTestServer.SkipReason);
        return base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_opened.Count > 0)
        {
            await _opened[0].DeleteCollectionAsync(CancellationToken.None);
        }

        _opened.ForEach(i => i.Dispose());
        await base.DisposeAsync();
    }

    protected override Task<IKnowledgeIndex> CreateIndexAsync(EmbeddingModelInfo model, CancellationToken ct) => Task.FromResult<IKnowledgeIndex>(Open());

    protected override Task<IKnowledgeIndex> OpenSameStoreAsync(CancellationToken ct) => Task.FromResult<IKnowledgeIndex>(Open());

    private QdrantKnowledgeIndex Open()
    {
        var index = QdrantTestServer.CreateIndex(_collection);
        _opened.Add(index);
        return index;
    }
}

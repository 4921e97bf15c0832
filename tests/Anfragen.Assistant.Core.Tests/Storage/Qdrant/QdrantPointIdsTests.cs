
namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class QdrantPointIdsTests
{
    [Fact]
    public void Create_matches_the_RFC_4122_version_5_reference_value()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's standard library.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), QdrantPointIds.Create(dns, "python.org"));
    }

    [Fact]
    public void A_chunk_of_one_version_maps_to_the_same_point_id_every_time()
    {
        Assert.Equal(QdrantPointIds.ForChunk("25-26577#3", "v1"), QdrantPointIds.ForChunk("25-26577#3", "v1"));
        Assert.Equal('5', QdrantPointIds.ForChunk("25-26577#3", "v1").ToString()[14]);
    }

    [Fact]
    public void A_new_version_of_a_chunk_is_a_new_point_beside_the_old_one() =>
        Assert.NotEqual(QdrantPointIds.ForChunk("25-26577#3", "v1"), QdrantPointIds.ForChunk("25-26577#3", "v2"));

    [Fact]
    public void Different_chunks_documents_and_the_metadata_point_never_share_an_id()
    {
        var ids = new[]
        {
            QdrantPointIds.ForChunk("25-26577#0", "v"),
            QdrantPointIds.ForChunk("25-26577#1", "v"),
            QdrantPointIds.ForChunk("25-26577-01#0", "v"),
            QdrantPointIds.ForChunk("25-26577", "v"),
            QdrantPointIds.ForDocument("25-26577"),
            QdrantPointIds.ForDocument("25-26577-01"),
            QdrantPointIds.Metadata,
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_fold_case_as_the_embedded_index_does()
    {
        Assert.Equal(QdrantPointIds.ForDocument("ds-25-1"), QdrantPointIds.ForDocument("DS-25-1"));
        Assert.Equal(QdrantPointIds.ForChunk("ds-25-1#0", "v"), QdrantPointIds.ForChunk("DS-25-1#0", "v"));
    }
}

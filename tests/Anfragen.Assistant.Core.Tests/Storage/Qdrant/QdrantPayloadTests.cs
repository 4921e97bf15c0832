using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class QdrantPayloadTests
{
    private static readonly float[] TwoDimensions = [0.6f, 0.8f];
    private static readonly float[] OneDimension = [1f];

    [Fact]
    public void Chunk_survives_the_round_trip_through_a_point_payload()
    {
        var chunk = new Chunk
        {
            ChunkId = "25-26577-01#2",
            DocumentId = "25-26577-01",
            Ordinal = 2,
            DocumentType = DocumentType.Stellungnahme,
            Title = "Stellungnahme zur Anfrage Radwege in Süd",
            Date = new DateOnly(2025, 3, 7),
            Committee = "Bezirksvertretung Süd",
            Visibility = Visibility.NonPublic,
            QuestionNumber = 3,
            Text = "Zu Frage 3: Die Verwaltung plant „Schutzstreifen“ – 1,2 km.",
        };
        var sparse = new SparseVectorBuilder(new GermanTextAnalyzer()).ForDocument(chunk.Text);

        var point = QdrantDocumentStore.ChunkPoint(chunk, TwoDimensions, sparse, "v1");

        Assert.Equal(chunk, QdrantPayload.ToChunk(point.Payload));
        Assert.Equal(QdrantPointIds.ForChunk(chunk.ChunkId, "v1"), Guid.Parse(point.Id.Uuid));
        Assert.Equal("v1", QdrantPayload.VersionOf(point.Payload));
        Assert.Equal(20250307, point.Payload["date"].IntegerValue);
        Assert.Equal("bezirksvertretung süd", point.Payload["committee_key"].StringValue);
        Assert.Equal("NonPublic", point.Payload["visibility"].StringValue);
        var vectors = point.Vectors.Vectors_.Vectors;
        Assert.Equal([0.6f, 0.8f], vectors["dense"].Dense.Data);
        Assert.Equal(sparse.Indices, vectors["bm25"].Sparse.Indices);
        Assert.Equal(sparse.Values, vectors["bm25"].Sparse.Values);
    }

    [Fact]
    public void Chunk_without_optional_fields_round_trips_with_nulls()
    {
        var chunk = new Chunk
        {
            ChunkId = "x#0",
            DocumentId = "x",
            Ordinal = 0,
            DocumentType = DocumentType.Other,
            Title = string.Empty,
            Text = "und",
        };

        var point = QdrantDocumentStore.ChunkPoint(chunk, OneDimension, new SparseTermVector([], []), "v1");

        Assert.Equal(chunk, QdrantPayload.ToChunk(point.Payload));
        Assert.False(point.Payload.ContainsKey("date"));
        Assert.False(point.Payload.ContainsKey("committee"));
        Assert.False(point.Vectors.Vectors_.Vectors.ContainsKey("bm25"));
    }

    [Fact]
    public void Stored_document_round_trips_and_sorts_undated_last()
    {
        var document = new StoredDocument
        {
            Id = "1656/12",
            Type = DocumentType.Anfrage,
            Title = "Anfrage zu Kita-Plätzen",
            Date = new DateOnly(2012, 11, 5),
            Committee = "Rat",
            Visibility = Visibility.Public,
            Url = "https://ratsinfo.example/vo0050.asp?__kvonr=1",
            Source = "corpus.jsonl:12",
            ContentHash = "sha256:abc",
            ChunkCount = 4,
            IngestedAt = new DateTimeOffset(2026, 11, 25, 23, 10, 5, 123, TimeSpan.Zero),
        };

        var map = new MapField<string, Value> { QdrantPayload.ForDocument(document) };

        Assert.Equal(document, QdrantPayload.ToDocument(map));
        Assert.Equal(20121105, map["sort_date"].IntegerValue);
        Assert.Equal(0, QdrantPayload.ForDocument(document with { Date = null })["sort_date"].IntegerValue);
    }

    [Fact]
    public void Model_info_round_trips()
    {
        var model = new EmbeddingModelInfo("sentence-transformers/all-MiniLM-L6-v2", 384);
        var map = new MapField<string, Value> { QdrantPayload.ForModel(model) };

        Assert.Equal(model, QdrantPayload.ToModel(map));
        Assert.Equal("meta", map["kind"].StringValue);
    }

    [Theory]
    [InlineData(2024, 2, 29, 20240229)]
    [InlineData(1999, 12, 31, 19991231)]
    [InlineData(2000, 1, 1, 20000101)]
    public void Dates_map_to_sortable_yyyymmdd_numbers_and_back(int year, int month, int day, long expected)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(expected, QdrantPayload.ToDateNumber(date));
        Assert.Equal(date, QdrantPayload.FromDateNumber(expected));
    }
}

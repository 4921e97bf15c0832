using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class QdrantFiltersTests
{
    [Fact]
    public void Public_only_filter_requires_chunk_kind_and_public_visibility()
    {
        var filter = QdrantFilters.ForChunks(SearchFilter.PublicOnly);

        Assert.Equal(2, filter.Must.Count);
        Assert.Contains(filter.Must, c => c.Field.Key == "kind" && c.Field.Match.Keyword == "chunk");
        Assert.Contains(filter.Must, c => c.Field.Key == "visibility" && c.Field.Match.Keyword == "Public");
        Assert.Empty(filter.MustNot);
    }

    [Fact]
    public void Cleared_caller_has_no_visibility_condition()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { IncludeNonPublic = true });

        Assert.DoesNotContain(filter.Must, c => c.Field?.Key == "visibility");
    }

    [Fact]
    public void Types_become_one_match_any_condition()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { Types = [DocumentType.Anfrage, DocumentType.Stellungnahme, DocumentType.Anfrage] });

        var type = Assert.Single(filter.Must, c => c.Field?.Key == "type");
        Assert.Equal(["Anfrage", "Stellungnahme"], type.Field.Match.Keywords.Strings);
    }

    [Fact]
    public void Date_range_becomes_an_integer_range_on_yyyymmdd()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { From = new DateOnly(2024, 1, 15), To = new DateOnly(2024, 12, 31) });

        var range = Assert.Single(filter.Must, c => c.Field?.Key == "date").Field.Range;
        Assert.Equal(20240115, range.Gte);
        Assert.Equal(20241231, range.Lte);
        Assert.False(range.HasGt);
        Assert.False(range.HasLt);
    }

    [Fact]
    public void Open_ended_date_range_sets_only_one_bound()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { From = new DateOnly(2023, 6, 1) });

        var range = Assert.Single(filter.Must, c => c.Field?.Key == "date").Field.Range;
        Assert.Equal(20230601, range.Gte);
        Assert.False(range.HasLte);
    }

    [Fact]
    public void Committee_matches_case_insensitively_through_the_folded_key()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { Committee = " Ausschuss für Umwelt " });

        var committee = Assert.Single(filter.Must, c => c.Field?.Key == "committee_key");
        Assert.Equal("ausschuss für umwelt", committee.Field.Match.Keyword);
    }

    [Fact]
    public void Excluded_documents_become_must_not_on_the_folded_id()
    {
        var filter = QdrantFilters.ForChunks(new SearchFilter { ExcludeDocumentIds = ["25-26577-AB", "25-26577-ab", "1656/12"] });

        var excluded = Assert.Single(filter.MustNot);
        Assert.Equal("document_key", excluded.Field.Key);
        Assert.Equal(["25-26577-ab", "1656/12"], excluded.Field.Match.Keywords.Strings);
    }

    [Fact]
    public void Document_filters_select_document_points()
    {
        var filter = QdrantFilters.ForDocument("25-26577-AB", SearchFilter.PublicOnly);

        Assert.Contains(filter.Must, c => c.Field.Key == "kind" && c.Field.Match.Keyword == "document");
        Assert.Contains(filter.Must, c => c.Field.Key == "document_key" && c.Field.Match.Keyword == "25-26577-ab");
    }

    [Fact]
    public void Stale_point_filter_keeps_the_current_version_and_document_point_of_any_case()
    {
        var filter = QdrantFilters.StalePointsOf("D-1", "v2", QdrantPointIds.ForDocument("D-1"));
        var document = new StoredDocument { Id = "d-1", Type = DocumentType.Anfrage, Title = "t", ContentHash = "h", ChunkCount = 1 };

        Assert.True(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForChunk("d-1#0", "v1"), ToMap(QdrantPayload.ForChunk(Chunk("d-1", 0), "v1"))));
        Assert.True(QdrantFilterEvaluator.Matches(filter, Guid.NewGuid(), Payload(Chunk("d-1", 0))));
        Assert.False(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForChunk("d-1#0", "v2"), ToMap(QdrantPayload.ForChunk(Chunk("d-1", 0), "v2"))));
        Assert.False(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForChunk("e#0", "v1"), ToMap(QdrantPayload.ForChunk(Chunk("e", 0), "v1"))));
        Assert.False(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForDocument("d-1"), ToMap(QdrantPayload.ForDocument(document, "v2"))));
        Assert.True(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.Create(QdrantPointIds.Namespace, "document:D-1"), ToMap(QdrantPayload.ForDocument(document))));
    }

    [Fact]
    public void All_points_of_a_document_are_found_by_its_folded_id()
    {
        var filter = QdrantFilters.AllPointsOf("D-1");
        var document = new StoredDocument { Id = "d-1", Type = DocumentType.Anfrage, Title = "t", ContentHash = "h", ChunkCount = 0 };

        Assert.True(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForChunk("d-1#0", "v"), Payload(Chunk("d-1", 0))));
        Assert.True(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForDocument("d-1"), ToMap(QdrantPayload.ForDocument(document))));
        Assert.False(QdrantFilterEvaluator.Matches(filter, QdrantPointIds.ForChunk("d-10#0", "v"), Payload(Chunk("d-10", 0))));
    }

    [Fact]
    public void Translated_filter_agrees_with_SearchFilter_Allows_for_every_chunk()
    {
        var chunks = new List<Chunk>();
        foreach (var visibility in new[] { Visibility.Public, Visibility.NonPublic })
        {
            foreach (var type in new[] { DocumentType.Anfrage, DocumentType.Stellungnahme, DocumentType.Vorlage })
            {
                foreach (var date in new DateOnly?[] { null, new(2023, 12, 31), new(2024, 1, 1), new(2024, 6, 30), new(2025, 1, 1) })
                {
                    foreach (var committee in new[] { null, "Bauausschuss", "Rat" })
                    {
                        chunks.Add(Chunk($"{visibility}-{type}-{date}-{committee}", 0) with
                        {
                            Visibility = visibility,
                            DocumentType = type,
                            Date = date,
                            Committee = committee,
                        });
                    }
                }
            }
        }

        chunks.Add(Chunk("25-26577-AB", 0));
        var filters = new[]
        {
            SearchFilter.PublicOnly,
            new SearchFilter { IncludeNonPublic = true },
            new SearchFilter { Types = [DocumentType.Stellungnahme] },
            new SearchFilter { IncludeNonPublic = true, Types = [DocumentType.Anfrage, DocumentType.Vorlage] },
            new SearchFilter { From = new DateOnly(2024, 1, 1) },
            new SearchFilter { To = new DateOnly(2024, 6, 30), IncludeNonPublic = true },
            new SearchFilter { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31) },
            new SearchFilter { Committee = "bauausschuss" },
            new SearchFilter { ExcludeDocumentIds = ["25-26577-ab"] },
            new SearchFilter { IncludeNonPublic = true, Types = [DocumentType.Anfrage], From = new DateOnly(2024, 1, 1), Committee = "RAT", ExcludeDocumentIds = ["x"] },
        };

        foreach (var searchFilter in filters)
        {
            var translated = QdrantFilters.ForChunks(searchFilter);
            foreach (var chunk in chunks)
            {
                Assert.True(
                    searchFilter.Allows(chunk) == QdrantFilterEvaluator.Matches(translated, QdrantPointIds.ForChunk(chunk.ChunkId, "v"), Payload(chunk)),
                    $"{searchFilter} disagrees on {chunk.ChunkId}");
            }
        }
    }

    private static Chunk Chunk(string documentId, int ordinal) => new()
    {
        ChunkId = Storage.Chunk.MakeId(documentId, ordinal),
        DocumentId = documentId,
        Ordinal = ordinal,
        DocumentType = DocumentType.Anfrage,
        Title = "Titel",
        Text = "Text",
    };

    private static MapField<string, Value> Payload(Chunk chunk) => ToMap(QdrantPayload.ForChunk(chunk));

    private static MapField<string, Value> ToMap(Dictionary<string, Value> payload)
    {
        var map = new MapField<string, Value>();
        map.Add(payload);
        return map;
    }
}

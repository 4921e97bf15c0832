using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Retrieval;

public sealed class DocumentGroupingTests
{
    [Fact]
    public void Each_document_appears_once_at_its_best_chunk()
    {
        var hits = HybridRetriever.GroupByDocument([Hit("a", 0, DocumentType.Mitteilung, 9), Hit("b", 0, DocumentType.Mitteilung, 8), Hit("a", 1, DocumentType.Mitteilung, 7)], 10);
        Assert.Equal(["a", "b"], hits.Select(h => h.DocumentId));
        Assert.Equal("a#0", hits[0].BestChunk.Chunk.ChunkId);
    }

    [Fact]
    public void An_answer_moves_directly_before_its_own_inquiry()
    {
        var hits = HybridRetriever.GroupByDocument(
        [
            Hit("24-11234", 2, DocumentType.Anfrage, 9),
            Hit("23-00001", 0, DocumentType.Mitteilung, 8),
            Hit("24-11234-01", 3, DocumentType.Stellungnahme, 7),
            Hit("24-99999-01", 0, DocumentType.Stellungnahme, 6),
        ], 10);

        Assert.Equal(["24-11234-01", "24-11234", "23-00001", "24-99999-01"], hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Top_is_applied_after_grouping()
    {
        var hits = HybridRetriever.GroupByDocument([Hit("a", 0, DocumentType.Anfrage, 9), Hit("b", 0, DocumentType.Other, 8), Hit("a-01", 0, DocumentType.Stellungnahme, 7)], 1);
        Assert.Equal(["a-01"], hits.Select(h => h.DocumentId));
    }

    private static ScoredChunk Hit(string documentId, int ordinal, DocumentType type, double score) => new(
        new Chunk { ChunkId = Chunk.MakeId(documentId, ordinal), DocumentId = documentId, Ordinal = ordinal, DocumentType = type, Title = documentId, Text = documentId },
        score);
}

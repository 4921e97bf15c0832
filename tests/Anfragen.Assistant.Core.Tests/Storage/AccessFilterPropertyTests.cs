using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// Property: for random archives (random documents, types, dates and visibilities) and random queries, a caller
/// without clearance never receives a nichtöffentlich chunk or document from any search mode, lookup or listing,
/// whatever else the filter says. Seeded, so a failure reproduces.
/// </summary>
public sealed class AccessFilterPropertyTests
{
    private static readonly string[] Vocabulary =
    [
        "Radweg", "Schule", "Kita", "Grundstück", "Verkauf", "Personal", "Haushalt", "Brücke", "Baum", "Fällung", "Spielplatz",
        "Feuerwehr", "Tempo", "Zone", "Theater", "Klimaschutz", "Verwaltung", "Anfrage", "Stellungnahme", "Kanarienvogel",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Public_caller_never_sees_nonpublic_content_in_any_mode(int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(seed);
        using var kb = new TestKnowledgeBase();
        var documents = Enumerable.Range(0, 40).Select(i => new SourceDocument
        {
            Id = $"p{seed}-{i:D3}",
            Type = (DocumentType)random.Next(0, 6),
            Title = Words(random, 3),
            Text = string.Join("\n\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words(random, random.Next(5, 40)) + ".")),
            Date = random.Next(4) == 0 ? null : new DateOnly(2015, 1, 1).AddDays(random.Next(3650)),
            Visibility = random.Next(3) == 0 ? Visibility.NonPublic : Visibility.Public,
        }).ToList();
        await kb.Pipeline.IngestDocumentsAsync(documents, null, ct);
        var nonPublic = documents.Where(d => d.Visibility == Visibility.NonPublic).Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(nonPublic);

        for (var q = 0; q < 25; q++)
        {
            var query = Words(random, random.Next(1, 5));
            var filter = new SearchFilter
            {
                IncludeNonPublic = false,
                Types = random.Next(3) == 0 ? [(DocumentType)random.Next(0, 6)] : null,
                From = random.Next(4) == 0 ? new DateOnly(2018, 1, 1) : null,
            };
            var top = random.Next(1, 30);
            foreach (var mode in Enum.GetValues<SearchMode>())
            {
                var chunks = await kb.Retriever.SearchAsync(query, mode, filter, top, ct);
                Assert.All(chunks, c => Assert.Equal(Visibility.Public, c.Chunk.Visibility));
                Assert.All(chunks, c => Assert.DoesNotContain(c.Chunk.DocumentId, nonPublic));
                Assert.All(chunks, c => Assert.True(filter.Allows(c.Chunk)));
                var hits = await kb.Retriever.SearchDocumentsAsync(query, mode, filter, top, ct);
                Assert.All(hits, h => Assert.DoesNotContain(h.DocumentId, nonPublic));
            }
        }

        foreach (var id in nonPublic)
        {
            Assert.Null(await kb.Retriever.FindByReferenceAsync("Ds. " + id, SearchFilter.PublicOnly, ct));
            Assert.Null(await kb.Index.GetDocumentAsync(id, SearchFilter.PublicOnly, ct));
            Assert.Empty(await kb.Index.GetChunksAsync(id, SearchFilter.PublicOnly, ct));
        }

        var listed = await kb.Index.ListDocumentsAsync(SearchFilter.PublicOnly, 0, 1000, ct);
        Assert.Equal(documents.Count - nonPublic.Count, listed.Count);
        Assert.All(listed, d => Assert.Equal(Visibility.Public, d.Visibility));

        // The cleared caller does see them: the filter hides, it does not lose data.
        var clearedList = await kb.Index.ListDocumentsAsync(new SearchFilter { IncludeNonPublic = true }, 0, 1000, ct);
        Assert.Equal(documents.Count, clearedList.Count);
    }

    private static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>The role contracts (weighted keyword queries, expansion, vocabulary statistics) and the rules both indexes share for ids, committees and replaces.</summary>
public abstract partial class KnowledgeIndexContractTests
{
    private readonly DeterministicEmbeddingGenerator _roleEmbedder = new();

    [Fact]
    public async Task Document_ids_compare_without_case_and_a_write_under_another_case_replaces_the_document()
    {
        await Index.UpsertAsync(Indexed(Doc("DS-24-1", DocumentType.Mitteilung, "Hallenbad", "Das Hallenbad schließt im Sommer.")), Ct);
        Assert.Equal("hash-DS-24-1", await Index.GetContentHashAsync("ds-24-1", Ct));
        Assert.NotNull(await Index.GetDocumentAsync("ds-24-1", SearchFilter.PublicOnly, Ct));
        Assert.Single(await Index.GetChunksAsync("Ds-24-1", SearchFilter.PublicOnly, Ct));

        await Index.UpsertAsync(Indexed(Doc("ds-24-1", DocumentType.Mitteilung, "Hallenbad", "Das Hallenbad öffnet wieder im Herbst.")), Ct);

        Assert.Equal(1, (await Index.GetStatisticsAsync(Ct)).Documents);
        var chunk = Assert.Single(await Index.GetChunksAsync("DS-24-1", SearchFilter.PublicOnly, Ct));
        Assert.Contains("Herbst", chunk.Text, StringComparison.Ordinal);
        Assert.Empty(await Index.KeywordSearchAsync("Sommer", SearchFilter.PublicOnly, 10, Ct));
        Assert.Empty(await Index.HybridSearchAsync("Hallenbad", _roleEmbedder.Embed("Hallenbad"), new SearchFilter { ExcludeDocumentIds = ["DS-24-1"] }, 10, HybridWeights.Equal, Ct));
        Assert.True(await Index.DeleteAsync("DS-24-1", Ct));
        Assert.Equal(0, (await Index.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Committee_names_with_umlauts_are_found_in_any_case_in_every_mode()
    {
        await Index.UpsertAsync(Indexed(Doc("16-00001", DocumentType.Mitteilung, "Bäume", "Baumpflanzungen im Stadtpark", committee: "Ausschuss für Umwelt und Grün")), Ct);
        await Index.UpsertAsync(Indexed(Doc("16-00002", DocumentType.Mitteilung, "Bäume", "Baumpflanzungen am Ring", committee: "Rat")), Ct);
        var filter = new SearchFilter { Committee = " AUSSCHUSS FÜR UMWELT UND GRÜN " };
        var vector = _roleEmbedder.Embed("Baumpflanzungen");

        Assert.Equal(["16-00001"], (await Index.KeywordSearchAsync("Baumpflanzungen", filter, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Equal(["16-00001"], (await Index.DenseSearchAsync(vector, filter, 10, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Equal(["16-00001"], (await Index.HybridSearchAsync("Baumpflanzungen", vector, filter, 10, HybridWeights.Equal, Ct)).Select(h => h.Chunk.DocumentId));
        Assert.Equal(["16-00001"], (await Index.ListDocumentsAsync(filter, 0, 10, Ct)).Select(d => d.Id));
        Assert.All(await Index.GetChunksAsync("16-00001", filter, Ct), c => Assert.True(filter.Allows(c)));
    }

    [Fact]
    public async Task A_term_weighted_lower_counts_less_than_the_same_match_of_an_original_term()
    {
        // Two papers, one term each, the same document frequency: only the weights order them.
        await Index.UpsertAsync(Indexed(Doc("15-00001", DocumentType.Mitteilung, "Radverkehr", "Der Radweg am Kanal wird verbreitert.")), Ct);
        await Index.UpsertAsync(Indexed(Doc("15-00002", DocumentType.Mitteilung, "Radverkehr", "Der Veloweg am Kanal wird verbreitert.")), Ct);
        var radweg = Index.Analyzer.Analyze("Radweg")[0];
        var veloweg = Index.Analyzer.Analyze("Veloweg")[0];

        var original = await Index.KeywordSearchAsync(new KeywordQuery([new(radweg, 1f), new(veloweg, 0.3f)]), SearchFilter.PublicOnly, 10, Ct);
        var reversed = await Index.KeywordSearchAsync(new KeywordQuery([new(radweg, 0.3f), new(veloweg, 1f)]), SearchFilter.PublicOnly, 10, Ct);

        Assert.Equal(["15-00001", "15-00002"], original.Select(h => h.Chunk.DocumentId));
        Assert.Equal(["15-00002", "15-00001"], reversed.Select(h => h.Chunk.DocumentId));
        Assert.Equal(original[0].Score * 0.3, original[1].Score, 3);
    }

    [Fact]
    public async Task Expansion_terms_are_matched_only_through_the_expansion_field()
    {
        var indexed = Indexed(Doc("14-00001", DocumentType.Mitteilung, "Radverkehr", "Der Radweg am Kanal wird verbreitert."));
        await Index.UpsertAsync(indexed with { Expansions = [["fahrrad"]] }, Ct);

        Assert.Empty(await Index.KeywordSearchAsync(new KeywordQuery([new("fahrrad", 1f)]), SearchFilter.PublicOnly, 10, Ct));
        var hit = Assert.Single(await Index.KeywordSearchAsync(new KeywordQuery([new("fahrrad", 0.2f, KeywordField.Expansion)]), SearchFilter.PublicOnly, 10, Ct));
        Assert.Equal("14-00001", hit.Chunk.DocumentId);

        var exported = new List<IndexedDocument>();
        await foreach (var document in Index.ExportAsync(Ct))
        {
            exported.Add(document);
        }

        Assert.Equal(["fahrrad"], Assert.Single(exported).ExpansionOf(0));
    }

    [Fact]
    public async Task Vocabulary_statistics_count_the_chunks_holding_a_term_within_the_filter_and_the_cap()
    {
        for (var i = 0; i < 3; i++)
        {
            await Index.UpsertAsync(Indexed(Doc($"13-0000{i}", DocumentType.Mitteilung, "Winterdienst", $"Der Winterdienst räumt Straße {i}.")), Ct);
        }

        await Index.UpsertAsync(Indexed(Doc("13-00009", DocumentType.Mitteilung, "Winterdienst", "Winterdienst vertraulich", visibility: Visibility.NonPublic)), Ct);
        var winterdienst = Index.Analyzer.Analyze("Winterdienst")[0];

        var visible = await Index.CountChunksWithTermsAsync([winterdienst, "gibtesnicht"], SearchFilter.PublicOnly, 100, Ct);
        var cleared = await Index.CountChunksWithTermsAsync([winterdienst], new SearchFilter { IncludeNonPublic = true }, 100, Ct);
        var capped = await Index.CountChunksWithTermsAsync([winterdienst], new SearchFilter { IncludeNonPublic = true }, 2, Ct);

        Assert.Equal(3, visible[winterdienst]);
        Assert.Equal(0, visible["gibtesnicht"]);
        Assert.Equal(4, cleared[winterdienst]);
        Assert.Equal(2, capped[winterdienst]);
        Assert.Equal(4, await Index.CountChunksAsync(Ct));
    }

    [Fact]
    public async Task Document_and_chunk_counts_follow_replaces_and_deletes()
    {
        await Index.UpsertAsync(Indexed(Doc("12-00001", DocumentType.Mitteilung, "A", "Erster Absatz.\n\nZweiter Absatz.", questions: [])), Ct);
        await Index.UpsertAsync(Indexed(Doc("12-00002", DocumentType.Mitteilung, "B", "Nur ein Absatz.")), Ct);
        var before = await Index.GetStatisticsAsync(Ct);

        await Index.UpsertAsync(Indexed(Doc("12-00001", DocumentType.Mitteilung, "A", "Jetzt ein Absatz.")), Ct);
        await Index.DeleteAsync("12-00002", Ct);
        var after = await Index.GetStatisticsAsync(Ct);

        Assert.Equal(2, before.Documents);
        Assert.Equal(1, after.Documents);
        Assert.Equal(1, after.Chunks);
        Assert.Equal(after.Chunks, await Index.CountChunksAsync(Ct));
    }

    [Fact]
    public async Task A_replace_is_atomic_for_readers_searching_meanwhile()
    {
        // Each version of the paper has its own number of chunks, all carrying the version's word; a reader must see
        // all chunks of one version, never a mix and never none.
        var versions = Enumerable.Range(0, 31).Select(v => Indexed(Doc("11-00001", DocumentType.Mitteilung, "Haushalt", string.Join("\n\n", Enumerable.Range(0, 2 + (v % 3)).Select(i => $"Haushaltsplan Absatz {i} " + string.Join(' ', Enumerable.Repeat($"Fassung{v} Haushaltsplan", 150)))), questions: []))).ToList();
        Assert.Equal(3, versions.Select(v => v.Chunks.Count).Distinct().Count());
        await Index.UpsertAsync(versions[0], Ct);
        var vector = _roleEmbedder.Embed("Haushaltsplan");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(
            async () =>
            {
                for (var v = 1; v <= 30; v++)
                {
                    await Index.UpsertAsync(versions[v], Ct);
                }

                await stop.CancelAsync();
            },
            Ct);

        var checks = 0;
        while (!stop.IsCancellationRequested || checks == 0)
        {
            foreach (var (mode, hits) in new[]
            {
                ("keyword", await Index.KeywordSearchAsync("Haushaltsplan", SearchFilter.PublicOnly, 50, Ct)),
                ("dense", await Index.DenseSearchAsync(vector, SearchFilter.PublicOnly, 50, Ct)),
                ("hybrid", await Index.HybridSearchAsync("Haushaltsplan", vector, SearchFilter.PublicOnly, 50, HybridWeights.Equal, Ct)),
            })
            {
                Assert.NotEmpty(hits);
                var seen = hits.Select(h => System.Text.RegularExpressions.Regex.Match(h.Chunk.Text, @"Fassung\d+").Value).Distinct().ToList();
                Assert.True(seen.Count == 1, $"{mode}: {string.Join(", ", seen)}");
                Assert.True(versions[int.Parse(seen[0]["Fassung".Length..], System.Globalization.CultureInfo.InvariantCulture)].Chunks.Count == hits.Count, $"{mode}: {hits.Count} chunks of {seen[0]}");
            }

            checks++;
        }

        await writer;
        Assert.True(checks > 0);
    }
}

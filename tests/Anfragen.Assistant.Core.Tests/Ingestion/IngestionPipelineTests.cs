using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion;

public sealed class IngestionPipelineTests : IDisposable
{
    private readonly TestKnowledgeBase _kb = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Ingests_documents_and_reports_counts_and_progress()
    {
        var progress = new List<IngestionProgress>();
        var report = await _kb.Pipeline.IngestDocumentsAsync(Documents(5), new InlineProgress(progress.Add), Ct);

        Assert.Equal(5, report.Documents);
        Assert.Equal(5, report.Chunks);
        Assert.Empty(report.Skipped);
        Assert.Empty(report.Errors);
        Assert.True(report.ChunksPerSecond > 0);
        Assert.Equal(5, progress.Count);
        Assert.Equal(5, progress[^1].DocumentsDone);
        Assert.Equal(5, (await _kb.Index.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Reingesting_skips_unchanged_documents_by_hash_and_replaces_changed_ones()
    {
        await _kb.Pipeline.IngestDocumentsAsync(Documents(3), null, Ct);
        var changed = Documents(3).Select(d => d.Id == "doc-1" ? d with { Text = "Völlig neuer Inhalt über Feuerwehrhäuser." } : d).ToList();

        var report = await _kb.Pipeline.IngestDocumentsAsync(changed, null, Ct);

        Assert.Equal(1, report.Documents);
        Assert.Equal(2, report.Skipped.Count);
        Assert.All(report.Skipped, s => Assert.Contains("unverändert", s.Reason, StringComparison.Ordinal));
        var hit = Assert.Single(await _kb.Index.KeywordSearchAsync("Feuerwehrhaus", SearchFilter.PublicOnly, 5, Ct));
        Assert.Equal("doc-1", hit.Chunk.DocumentId);
        Assert.Empty(await _kb.Index.KeywordSearchAsync("Thema1", SearchFilter.PublicOnly, 5, Ct));
    }

    [Fact]
    public async Task Embeds_chunks_of_several_documents_in_full_batches()
    {
        await _kb.Pipeline.IngestDocumentsAsync(Documents(16), null, Ct);
        Assert.Equal(2, _kb.Generator.Calls); // 16 one-chunk documents, batch size 8
    }

    [Fact]
    public async Task Ingest_paths_reports_bad_inputs_and_indexes_the_rest()
    {
        var good = Path.Combine(_kb.Directory, "gut.txt");
        await File.WriteAllTextAsync(good, "Mitteilung der Verwaltung\n\nDie Brücke wird saniert.", Ct);
        var bad = Path.Combine(_kb.Directory, "leer.txt");
        await File.WriteAllTextAsync(bad, string.Empty, Ct);

        var report = await _kb.Pipeline.IngestPathsAsync([bad, good], null, Ct);

        Assert.Equal(1, report.Documents);
        var error = Assert.Single(report.Errors);
        Assert.Equal(bad, error.Source);

        // No visibility marker of its own and no --visibility given: stored, nichtöffentlich.
        var stored = await _kb.Retriever.FindByReferenceAsync("gut", new SearchFilter { IncludeNonPublic = true }, Ct);
        Assert.Equal(Visibility.NonPublic, stored?.Visibility);
    }

    [Fact]
    public async Task Finds_a_document_by_its_Drucksache_reference()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Documents(1)[0] with { Id = "25-26577" }], null, Ct);
        var document = await _kb.Retriever.FindByReferenceAsync("Ds. 25-26577", SearchFilter.PublicOnly, Ct);
        Assert.Equal("25-26577", document?.Id);
        Assert.Null(await _kb.Retriever.FindByReferenceAsync("Ds. 99-99999", SearchFilter.PublicOnly, Ct));
    }

    [Fact]
    public async Task Search_documents_ranks_each_document_once_at_its_best_chunk()
    {
        var answer = new SourceDocument
        {
            Id = "24-1-01",
            Type = DocumentType.Stellungnahme, Visibility = Visibility.Public,
            Title = "Radwege",
            Text = "Vorbemerkung zum Radweg.\nZu Frage 1: Der Radweg wird saniert.\nZu Frage 2: Der Radweg kostet viel.",
        };
        await _kb.Pipeline.IngestDocumentsAsync([answer, .. Documents(3)], null, Ct);

        var hits = await _kb.Retriever.SearchDocumentsAsync("Radweg", SearchMode.Hybrid, SearchFilter.PublicOnly, 10, Ct);

        Assert.Equal(hits.Select(h => h.DocumentId).Distinct().Count(), hits.Count);
        Assert.Equal("24-1-01", hits[0].DocumentId);
    }

    private static List<SourceDocument> Documents(int count) => Enumerable.Range(0, count).Select(i => new SourceDocument
    {
        Id = $"doc-{i}",
        Type = DocumentType.Mitteilung, Visibility = Visibility.Public,
        Title = $"Titel {i}",
        Text = $"Bericht Thema{i} über Straßen und Plätze Nummer {i}.",
    }).ToList();

    private sealed class InlineProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}

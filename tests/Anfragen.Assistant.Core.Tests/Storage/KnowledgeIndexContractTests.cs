using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The behaviour every <see cref="IKnowledgeIndex"/> must show. An implementation's test class derives from this,
/// creates a fresh empty store in <see cref="CreateIndexAsync"/> and a second handle on the same store in
/// <see cref="OpenSameStoreAsync"/> (a Qdrant subclass skips when ANFRAGEN_QDRANT_URL is unset).
/// </summary>
public abstract partial class KnowledgeIndexContractTests : IAsyncLifetime
{
    protected static readonly EmbeddingModelInfo TestModel = new("test-hash-64", 64);

    private readonly DeterministicEmbeddingGenerator _embedder = new();
    private readonly DocumentChunker _chunker = new();

    protected IKnowledgeIndex Index { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store (not yet initialised).</summary>
    protected abstract Task<IKnowledgeIndex> CreateIndexAsync(EmbeddingModelInfo model, CancellationToken ct);

    /// <summary>Another index object over the store the last <see cref="CreateIndexAsync"/> made (as a second process would open it).</summary>
    protected abstract Task<IKnowledgeIndex> OpenSameStoreAsync(CancellationToken ct);

    public virtual async ValueTask InitializeAsync()
    {
        Index = await CreateIndexAsync(TestModel, Ct);
        await Index.InitializeAsync(TestModel, Ct);
    }

    public virtual ValueTask DisposeAsync()
    {
        (Index as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Initialize_is_idempotent_for_the_same_model()
    {
        await Index.InitializeAsync(TestModel, Ct);
        var again = await OpenSameStoreAsync(Ct);
        await again.InitializeAsync(TestModel, Ct);
        Assert.Equal(TestModel, (await again.GetStatisticsAsync(Ct)).Model);
    }

    [Fact]
    public async Task Initialize_with_another_model_throws_a_mismatch_naming_both_models()
    {
        await Index.UpsertAsync(Indexed(Doc("25-00001", DocumentType.Mitteilung, "Radwege", "Der Radweg wird saniert.")), Ct);
        var other = await OpenSameStoreAsync(Ct);
        var error = await Assert.ThrowsAsync<IndexMismatchException>(() => other.InitializeAsync(new EmbeddingModelInfo("bge-m3", 1024), Ct));
        Assert.Contains("test-hash-64", error.Message, StringComparison.Ordinal);
        Assert.Contains("bge-m3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upserted_document_is_returned_with_metadata_and_chunks_in_order()
    {
        var source = Doc("25-26577", DocumentType.Anfrage, "Radwege in Hondelage", "Der Radweg zwischen Hondelage und Waggum ist in schlechtem Zustand. Daher fragen wir:",
            questions: ["Wann wird der Radweg saniert?", "Welche Kosten entstehen?"], date: new DateOnly(2025, 3, 4), committee: "Bauausschuss");
        var indexed = Indexed(source);
        await Index.UpsertAsync(indexed, Ct);

        var document = await Index.GetDocumentAsync("25-26577", SearchFilter.PublicOnly, Ct);
        Assert.NotNull(document);
        Assert.Equal(DocumentType.Anfrage, document.Type);
        Assert.Equal("Radwege in Hondelage", document.Title);
        Assert.Equal(new DateOnly(2025, 3, 4), document.Date);
        Assert.Equal("Bauausschuss", document.Committee);
        Assert.Equal(indexed.Chunks.Count, document.ChunkCount);
        Assert.Equal("hash-25-26577", await Index.GetContentHashAsync("25-26577", Ct));

        var chunks = await Index.GetChunksAsync("25-26577", SearchFilter.PublicOnly, Ct);
        Assert.Equal(indexed.Chunks.Select(c => c.ChunkId), chunks.Select(c => c.ChunkId));
        Assert.Equal(indexed.Chunks.Select(c => c.Text), chunks.Select(c => c.Text));
        Assert.Equal([null, 1, 2], chunks.Select(c => c.QuestionNumber));
    }

    [Fact]
    public async Task Reupserting_a_document_replaces_all_of_its_chunks()
    {
        var questions = new[] { "Wie viele Bäume wurden gefällt?", "Wie viele Bäume werden nachgepflanzt?", "Wann beginnt die Nachpflanzung?" };
        await Index.UpsertAsync(Indexed(Doc("24-10000", DocumentType.Anfrage, "Baumfällungen", "Im Querumer Forst wurden Bäume gefällt. Wir fragen:", questions)), Ct);
        await Index.UpsertAsync(Indexed(Doc("24-10000", DocumentType.Mitteilung, "Baumfällungen", "Die Verwaltung berichtet über Parkbänke.")), Ct);

        var chunks = await Index.GetChunksAsync("24-10000", SearchFilter.PublicOnly, Ct);
        Assert.Single(chunks);
        Assert.Equal(DocumentType.Mitteilung, chunks[0].DocumentType);
        Assert.Empty(await Index.KeywordSearchAsync("Nachpflanzung", SearchFilter.PublicOnly, 10, Ct));
        Assert.Equal(1, (await Index.GetStatisticsAsync(Ct)).Chunks);
    }

    [Fact]
    public async Task Delete_removes_the_document_and_reports_whether_it_existed()
    {
        await Index.UpsertAsync(Indexed(Doc("23-00001", DocumentType.Mitteilung, "Spielplatz", "Der Spielplatz am Rathaus wird erneuert.")), Ct);
        Assert.True(await Index.DeleteAsync("23-00001", Ct));
        Assert.False(await Index.DeleteAsync("23-00001", Ct));
        Assert.Null(await Index.GetDocumentAsync("23-00001", SearchFilter.PublicOnly, Ct));
        Assert.Empty(await Index.KeywordSearchAsync("Spielplatz", SearchFilter.PublicOnly, 10, Ct));
        Assert.Empty(await Index.DenseSearchAsync(_embedder.Embed("Spielplatz Rathaus"), SearchFilter.PublicOnly, 10, Ct));
    }

    [Fact]
    public async Task Keyword_search_matches_inflected_forms_and_compound_parts()
    {
        await Index.UpsertAsync(Indexed(Doc("20-00001", DocumentType.Mitteilung, "Schulwege", "Die Schule an der Brodstraße erhält einen neuen Zebrastreifen.")), Ct);
        await Index.UpsertAsync(Indexed(Doc("20-00002", DocumentType.Mitteilung, "Digitales", "Die Digitalisierungsstrategie der Verwaltung wird fortgeschrieben.")), Ct);
        await Index.UpsertAsync(Indexed(Doc("20-00003", DocumentType.Mitteilung, "Grünflächen", "Die Grünflächenpflege wird ausgeschrieben.")), Ct);

        Assert.Equal("20-00001", (await Index.KeywordSearchAsync("Schulen", SearchFilter.PublicOnly, 1, Ct)).Single().Chunk.DocumentId);
        Assert.Equal("20-00002", (await Index.KeywordSearchAsync("Strategie", SearchFilter.PublicOnly, 1, Ct)).Single().Chunk.DocumentId);
        Assert.Equal("20-00003", (await Index.KeywordSearchAsync("Grunflachen", SearchFilter.PublicOnly, 1, Ct)).Single().Chunk.DocumentId);
    }

    [Theory]
    [InlineData("\"Radweg")]
    [InlineData("Radweg*")]
    [InlineData("NEAR(Radweg Schule)")]
    [InlineData("title:Radweg")]
    [InlineData("Radweg AND OR NOT")]
    [InlineData("-Radweg ^Schule (")]
    [InlineData("'; DROP TABLE chunks; --")]
    public async Task Keyword_search_reads_query_syntax_as_plain_text(string query)
    {
        await Index.UpsertAsync(Indexed(Doc("21-00001", DocumentType.Mitteilung, "Radweg", "Der Radweg an der Schule wird verbreitert.")), Ct);
        var hits = await Index.KeywordSearchAsync(query, SearchFilter.PublicOnly, 10, Ct);
        Assert.All(hits, h => Assert.Equal("21-00001", h.Chunk.DocumentId));
        Assert.Equal(1, (await Index.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Dense_search_ranks_the_most_similar_chunk_first_by_cosine()
    {
        await Index.UpsertAsync(Indexed(Doc("22-00001", DocumentType.Mitteilung, "Kita", "Kita Betreuung Plätze Dibbesdorf Außengruppe")), Ct);
        await Index.UpsertAsync(Indexed(Doc("22-00002", DocumentType.Mitteilung, "Verkehr", "Tempo Zone Innenstadt Geschwindigkeit Kontrolle")), Ct);

        var hits = await Index.DenseSearchAsync(_embedder.Embed("Kita\nKita Betreuung Plätze Dibbesdorf Außengruppe"), SearchFilter.PublicOnly, 2, Ct);
        Assert.Equal("22-00001", hits[0].Chunk.DocumentId);
        Assert.Equal(1.0, hits[0].Score, 3);
        Assert.True(hits.Count < 2 || hits[1].Score < hits[0].Score);
    }

    [Fact]
    public async Task Filters_apply_before_top_k_in_every_mode()
    {
        for (var i = 0; i < 12; i++)
        {
            await Index.UpsertAsync(Indexed(Doc($"19-{i:D5}", DocumentType.Mitteilung, "Radweg Sanierung", "Radweg Sanierung Radweg Sanierung Hondelage")), Ct);
        }

        await Index.UpsertAsync(Indexed(Doc("19-99999-01", DocumentType.Stellungnahme, "Antwort", "Zur Sanierung eines Radwegs nimmt die Verwaltung Stellung.")), Ct);
        var filter = new SearchFilter { Types = [DocumentType.Stellungnahme] };
        var vector = _embedder.Embed("Radweg Sanierung Hondelage");

        Assert.Equal("19-99999-01", (await Index.KeywordSearchAsync("Radweg Sanierung", filter, 1, Ct)).Single().Chunk.DocumentId);
        Assert.Equal("19-99999-01", (await Index.DenseSearchAsync(vector, filter, 1, Ct)).Single().Chunk.DocumentId);
        Assert.Equal("19-99999-01", (await Index.HybridSearchAsync("Radweg Sanierung", vector, filter, 1, HybridWeights.Equal, Ct)).Single().Chunk.DocumentId);
    }

    [Fact]
    public async Task Nonpublic_documents_are_invisible_without_clearance_in_every_operation()
    {
        await Index.UpsertAsync(Indexed(Doc("25-00007", DocumentType.Mitteilung, "Grundstück", "Verkauf Grundstück Kanarienvogel Geheim", visibility: Visibility.NonPublic)), Ct);
        await Index.UpsertAsync(Indexed(Doc("25-00008", DocumentType.Mitteilung, "Grundstück", "Öffentlicher Bericht zum Grundstück")), Ct);
        var vector = _embedder.Embed("Verkauf Grundstück Kanarienvogel Geheim");
        var cleared = new SearchFilter { IncludeNonPublic = true };

        Assert.DoesNotContain(await Index.KeywordSearchAsync("Grundstück Kanarienvogel", SearchFilter.PublicOnly, 10, Ct), h => h.Chunk.Visibility == Visibility.NonPublic);
        Assert.DoesNotContain(await Index.DenseSearchAsync(vector, SearchFilter.PublicOnly, 10, Ct), h => h.Chunk.Visibility == Visibility.NonPublic);
        Assert.DoesNotContain(await Index.HybridSearchAsync("Grundstück Kanarienvogel", vector, SearchFilter.PublicOnly, 10, HybridWeights.Equal, Ct), h => h.Chunk.Visibility == Visibility.NonPublic);
        Assert.Null(await Index.GetDocumentAsync("25-00007", SearchFilter.PublicOnly, Ct));
        Assert.Empty(await Index.GetChunksAsync("25-00007", SearchFilter.PublicOnly, Ct));
        Assert.DoesNotContain(await Index.ListDocumentsAsync(SearchFilter.PublicOnly, 0, 10, Ct), d => d.Visibility == Visibility.NonPublic);

        Assert.Contains(await Index.KeywordSearchAsync("Kanarienvogel", cleared, 10, Ct), h => h.Chunk.DocumentId == "25-00007");
        Assert.NotNull(await Index.GetDocumentAsync("25-00007", cleared, Ct));
    }

    [Fact]
    public async Task Date_range_committee_and_excluded_ids_are_filtered()
    {
        await Index.UpsertAsync(Indexed(Doc("18-00001", DocumentType.Mitteilung, "Brücke", "Brücke Sanierung", date: new DateOnly(2018, 5, 1), committee: "Bauausschuss")), Ct);
        await Index.UpsertAsync(Indexed(Doc("24-00001", DocumentType.Mitteilung, "Brücke", "Brücke Sanierung", date: new DateOnly(2024, 5, 1), committee: "Rat")), Ct);
        await Index.UpsertAsync(Indexed(Doc("24-00002", DocumentType.Mitteilung, "Brücke", "Brücke Sanierung")), Ct);

        var recent = await Index.KeywordSearchAsync("Brücke", new SearchFilter { From = new DateOnly(2020, 1, 1) }, 10, Ct);
        Assert.Equal(["24-00001"], recent.Select(h => h.Chunk.DocumentId));
        var old = await Index.DenseSearchAsync(_embedder.Embed("Brücke"), new SearchFilter { To = new DateOnly(2020, 1, 1) }, 10, Ct);
        Assert.Equal(["18-00001"], old.Select(h => h.Chunk.DocumentId));
        var committee = await Index.KeywordSearchAsync("Brücke", new SearchFilter { Committee = "bauausschuss" }, 10, Ct);
        Assert.Equal(["18-00001"], committee.Select(h => h.Chunk.DocumentId));
        var excluded = await Index.HybridSearchAsync("Brücke", _embedder.Embed("Brücke"), new SearchFilter { ExcludeDocumentIds = ["24-00001", "18-00001"] }, 10, HybridWeights.Equal, Ct);
        Assert.Equal(["24-00002"], excluded.Select(h => h.Chunk.DocumentId));
    }

    [Fact]
    public async Task Hybrid_search_returns_what_either_side_finds()
    {
        await Index.UpsertAsync(Indexed(Doc("17-00001", DocumentType.Mitteilung, "Lärm", "Flughafen Lärmgutachten")), Ct);
        await Index.UpsertAsync(Indexed(Doc("17-00002", DocumentType.Mitteilung, "Theater", "Staatstheater Finanzierung Land")), Ct);

        // Keyword finds only the first; the vector points at the second.
        var hits = await Index.HybridSearchAsync("Flughafen", _embedder.Embed("Theater\nStaatstheater Finanzierung Land"), SearchFilter.PublicOnly, 10, HybridWeights.Equal, Ct);
        Assert.Contains(hits, h => h.Chunk.DocumentId == "17-00001");
        Assert.Contains(hits, h => h.Chunk.DocumentId == "17-00002");
    }

    [Fact]
    public async Task Hybrid_search_keeps_dense_hits_below_the_similarity_floor_out()
    {
        await Index.UpsertAsync(Indexed(Doc("17-00001", DocumentType.Mitteilung, "Lärm", "Flughafen Lärmgutachten")), Ct);
        await Index.UpsertAsync(Indexed(Doc("17-00002", DocumentType.Mitteilung, "Theater", "Staatstheater Finanzierung Land")), Ct);
        var exact = _embedder.Embed("Theater\nStaatstheater Finanzierung Land");
        var unrelated = _embedder.Embed("Quantenchromodynamik Gluonen Hadronen");

        // A vector equal to the second chunk's passes any floor below 1; an unrelated one does not pass 0.9.
        var withFloor = new HybridWeights(MinDenseScore: 0.9);
        Assert.Contains(await Index.HybridSearchAsync("Flughafen", exact, SearchFilter.PublicOnly, 10, withFloor, Ct), h => h.Chunk.DocumentId == "17-00002");
        Assert.Empty(await Index.HybridSearchAsync("Quantenchromodynamik", unrelated, SearchFilter.PublicOnly, 10, withFloor, Ct));
        Assert.Equal(["17-00001"], (await Index.HybridSearchAsync("Flughafen", unrelated, SearchFilter.PublicOnly, 10, withFloor, Ct)).Select(h => h.Chunk.DocumentId));
    }

    [Fact]
    public async Task Lists_documents_newest_first_with_paging()
    {
        await Index.UpsertAsync(Indexed(Doc("a", DocumentType.Mitteilung, "A", "Text eins", date: new DateOnly(2020, 1, 1))), Ct);
        await Index.UpsertAsync(Indexed(Doc("b", DocumentType.Mitteilung, "B", "Text zwei", date: new DateOnly(2024, 1, 1))), Ct);
        await Index.UpsertAsync(Indexed(Doc("c", DocumentType.Mitteilung, "C", "Text drei", date: new DateOnly(2022, 1, 1))), Ct);

        var all = await Index.ListDocumentsAsync(SearchFilter.PublicOnly, 0, 10, Ct);
        Assert.Equal(["b", "c", "a"], all.Select(d => d.Id));
        var page = await Index.ListDocumentsAsync(SearchFilter.PublicOnly, 1, 1, Ct);
        Assert.Equal(["c"], page.Select(d => d.Id));
    }

    [Fact]
    public async Task Export_returns_every_document_with_unit_length_vectors()
    {
        await Index.UpsertAsync(Indexed(Doc("x1", DocumentType.Mitteilung, "X", "Erster Text über Radwege")), Ct);
        await Index.UpsertAsync(Indexed(Doc("x2", DocumentType.Mitteilung, "Y", "Zweiter Text über Schulen", visibility: Visibility.NonPublic)), Ct);

        var exported = new List<IndexedDocument>();
        await foreach (var document in Index.ExportAsync(Ct))
        {
            exported.Add(document);
        }

        Assert.Equal(["x1", "x2"], exported.Select(d => d.Document.Id).Order());
        Assert.All(exported.SelectMany(d => d.Vectors), v => Assert.Equal(1.0, Math.Sqrt(v.ToArray().Sum(x => (double)x * x)), 4));
        Assert.All(exported, d => Assert.Equal(d.Chunks.Count, d.Vectors.Count));
    }

    [Fact]
    public async Task Unknown_document_has_no_hash_and_no_chunks()
    {
        Assert.Null(await Index.GetContentHashAsync("does-not-exist", Ct));
        Assert.Empty(await Index.GetChunksAsync("does-not-exist", SearchFilter.PublicOnly, Ct));
        Assert.Null(await Index.GetDocumentAsync("does-not-exist", SearchFilter.PublicOnly, Ct));
    }

    protected static SourceDocument Doc(string id, DocumentType type, string title, string text, IReadOnlyList<string>? questions = null, DateOnly? date = null, string? committee = null, Visibility visibility = Visibility.Public) => new()
    {
        Id = id,
        Type = type,
        Title = title,
        Text = text,
        Questions = questions ?? [],
        Date = date,
        Committee = committee,
        Visibility = visibility,
    };

    protected IndexedDocument Indexed(SourceDocument source)
    {
        var chunks = _chunker.Split(source);
        var document = new StoredDocument
        {
            Id = source.Id,
            Type = source.Type,
            Title = source.Title,
            Date = source.Date,
            Committee = source.Committee,
            Visibility = source.Visibility,
            ContentHash = "hash-" + source.Id,
            ChunkCount = chunks.Count,
        };
        return new IndexedDocument(document, chunks, chunks.Select(c => (ReadOnlyMemory<float>)_embedder.Embed(DocumentChunker.EmbeddingText(c))).ToList());
    }
}

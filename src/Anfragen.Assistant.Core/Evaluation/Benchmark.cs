using System.Diagnostics;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// <c>anfragen bench</c>: (1) keyword, dense and hybrid latency p50/p95 of the embedded index at each size (query
/// embedding excluded), beside the Lucene.Net reference over the same chunks, with build time and peak memory;
/// (2) ingestion chunks/s beside the raw embedder on the same texts. Synthetic chunks (<see cref="SyntheticArchive"/>),
/// seeded, so runs are comparable. Latency runs first, so its memory column shows the index without the model loaded.
/// </summary>
public sealed class Benchmark(EmbeddingService embeddings, DocumentLoader loader, IOptions<RetrievalOptions> options, TimeProvider time)
{
    private const int WarmUpQueries = 5;

    /// <param name="request">What to measure.</param>
    /// <param name="progress">Where to say which phase runs (a bench at a million chunks takes a while), or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<BenchReport> RunAsync(BenchRequest request, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retrieval = options.Value;
        var words = await SyntheticArchive.BuildVocabularyAsync(loader, request.VocabularyPaths, cancellationToken).ConfigureAwait(false);
        if (words.Count < 50)
        {
            throw new DocumentReadException(string.Join(", ", request.VocabularyPaths), "zu wenig Text für einen Wortschatz (mindestens 50 verschiedene Wörter nötig; --vocabulary angeben)");
        }

        var random = new Random(request.Seed);
        var text = new SyntheticText(words, random);
        var model = await embeddings.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var machine = $"{Environment.ProcessorCount} Kerne, {Environment.OSVersion}, .NET {Environment.Version}; Modell {model.ModelId} ({model.Dimensions} Dim.); Wortschatz {words.Count} Wörter aus {string.Join(", ", request.VocabularyPaths)}";
        var overallPeak = 0.0;
        var rows = new List<LatencyRow>();
        foreach (var size in request.Sizes)
        {
            var row = await MeasureLatencyAsync(size, request, text, model, retrieval, progress, cancellationToken).ConfigureAwait(false);
            overallPeak = Math.Max(overallPeak, row.PeakMiB);
            rows.Add(row);
        }

        await Say(progress, $"Ingestion: {request.IngestChunks} Dokumente durch Modell und Pipeline").ConfigureAwait(false);
        PeakMemory.Reset();
        var ingestion = await MeasureIngestionAsync(request.IngestChunks, text, model, cancellationToken).ConfigureAwait(false);
        overallPeak = Math.Max(overallPeak, PeakMemory.PeakMiB());
        return new BenchReport(machine, rows, ingestion, overallPeak);
    }

    private async Task<LatencyRow> MeasureLatencyAsync(int size, BenchRequest request, SyntheticText text, EmbeddingModelInfo model, RetrievalOptions retrieval, TextWriter? progress, CancellationToken cancellationToken)
    {
        await Say(progress, $"{size:N0} Abschnitte: Index aufbauen").ConfigureAwait(false);
        PeakMemory.Reset();
        using var scratch = new ScratchIndex(new GermanTextAnalyzer());
        var index = scratch.Index;
        await index.InitializeAsync(model, cancellationToken).ConfigureAwait(false);

        // The same seed gives the same chunks for the Lucene reference, generated again after the index is measured,
        // so the reference does not share the index's memory peak.
        var archiveSeed = text.Random.Next();
        var started = Stopwatch.GetTimestamp();
        foreach (var document in SyntheticArchive.Documents(size, new SyntheticText(text, new Random(archiveSeed)), model.Dimensions))
        {
            await index.UpsertAsync(document, cancellationToken).ConfigureAwait(false);
        }

        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var queries = Enumerable.Range(0, request.Queries).Select(_ => (Text: text.QueryWords(2, 5), Vector: SyntheticArchive.RandomUnitVector(text.Random, model.Dimensions))).ToList();
        var filter = SearchFilter.PublicOnly;
        var pool = retrieval.CandidatePool;

        // Warm-up: loads the dense matrix and the page cache, as the first queries of a running server would.
        await Say(progress, $"{size:N0} Abschnitte: messen ({request.Queries} Anfragen je Modus)").ConfigureAwait(false);
        foreach (var (query, vector) in queries.Take(WarmUpQueries))
        {
            await index.HybridSearchAsync(query, vector, filter, pool, retrieval.Weights, cancellationToken).ConfigureAwait(false);
        }

        var keyword = await TimeAsync(queries, q => index.KeywordSearchAsync(q.Text, filter, pool, cancellationToken)).ConfigureAwait(false);
        var dense = await TimeAsync(queries, q => index.DenseSearchAsync(q.Vector, filter, pool, cancellationToken)).ConfigureAwait(false);
        var hybrid = await TimeAsync(queries, q => index.HybridSearchAsync(q.Text, q.Vector, filter, pool, retrieval.Weights, cancellationToken)).ConfigureAwait(false);
        var peak = PeakMemory.PeakMiB();

        Percentiles? lucene = null;
        double? luceneBuild = null;
        if (request.LuceneReference)
        {
            await Say(progress, $"{size:N0} Abschnitte: Lucene-Vergleichsindex").ConfigureAwait(false);
            var luceneStarted = Stopwatch.GetTimestamp();
            using var reference = new LuceneChunkReference(new GermanTextAnalyzer());
            foreach (var document in SyntheticArchive.Documents(size, new SyntheticText(text, new Random(archiveSeed)), model.Dimensions))
            {
                reference.Add(document);
            }

            reference.Complete();
            luceneBuild = Stopwatch.GetElapsedTime(luceneStarted).TotalSeconds;
            foreach (var (query, _) in queries.Take(WarmUpQueries))
            {
                reference.Search(query, filter.IncludeNonPublic, pool);
            }

            lucene = Time(queries, q => reference.Search(q.Text, filter.IncludeNonPublic, pool));
        }

        return new LatencyRow(size, keyword, dense, hybrid, lucene, buildSeconds, peak) { LuceneBuildSeconds = luceneBuild };
    }

    private async Task<IngestionRow> MeasureIngestionAsync(int count, SyntheticText text, EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        // Interleaved twice so machine noise hits the raw embedder and the pipeline alike.
        var documents = SyntheticArchive.SourceDocuments(count, text);
        var chunker = new DocumentChunker();
        var embeddingTexts = documents.SelectMany(chunker.Split).Select(DocumentChunker.EmbeddingText).ToList();
        await embeddings.Generator.GenerateAsync(embeddingTexts.Take(embeddings.BatchSize), cancellationToken: cancellationToken).ConfigureAwait(false);
        double rawSeconds = 0, pipelineSeconds = 0;
        var pipelineChunks = 0;
        for (var round = 0; round < 2; round++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < embeddingTexts.Count; i += embeddings.BatchSize)
            {
                await embeddings.Generator.GenerateAsync(embeddingTexts.Skip(i).Take(embeddings.BatchSize), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            rawSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
            using var scratch = new ScratchIndex(new GermanTextAnalyzer());
            await scratch.Index.InitializeAsync(model, cancellationToken).ConfigureAwait(false);
            using var initializer = new KnowledgeIndexInitializer(scratch.Index, embeddings);
            using var appState = new AppStateDatabase(Options.Create(new AssistantOptions { DataDirectory = scratch.Directory }));
            var versions = new DocumentVersionLog(appState, new AuditLog(appState, time), time);
            var pipeline = new IngestionPipeline(loader, chunker, embeddings, scratch.Index, initializer, versions, time, NullLogger<IngestionPipeline>.Instance);
            var report = await pipeline.IngestDocumentsAsync(documents, null, cancellationToken).ConfigureAwait(false);
            pipelineSeconds += report.Seconds;
            pipelineChunks += report.Chunks;
        }

        var rawRate = 2 * embeddingTexts.Count / rawSeconds;
        var pipelineRate = pipelineChunks / pipelineSeconds;
        return new IngestionRow(rawRate, pipelineRate, pipelineRate / rawRate);
    }

    private static async Task<Percentiles> TimeAsync<T>(IEnumerable<T> queries, Func<T, Task<IReadOnlyList<ScoredChunk>>> search)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await search(query).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Percentiles.Of(times);
    }

    private static Percentiles Time<T>(IEnumerable<T> queries, Action<T> search)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            search(query);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Percentiles.Of(times);
    }

    private static async Task Say(TextWriter? progress, string message)
    {
        if (progress is not null)
        {
            await progress.WriteLineAsync(message).ConfigureAwait(false);
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen bench</c>: (1) ingestion chunks/s beside the raw embedder on the same texts, (2) keyword/dense/hybrid
/// latency p50/p95 at 10k and 100k chunks (query embedding excluded), (3) peak memory. Prints Markdown.
/// Synthetic chunks: German-like text sampled word by word from the word frequencies of the sample archive
/// (--vocabulary, default ./data), random unit vectors for the latency part (embedding 100k chunks with the local
/// model would take about 20 minutes and does not change search cost). Seeded, so runs are comparable.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vocabulary = new Option<string[]>("--vocabulary") { Description = "Dateien/Verzeichnisse, aus deren Wortschatz synthetische Texte entstehen (Standard: ./data)", AllowMultipleArgumentsPerToken = true };
        var sizes = new Option<int[]>("--sizes") { Description = "Indexgrößen in Abschnitten für die Latenzmessung", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [10_000, 100_000] };
        var ingestChunks = new Option<int>("--ingest-chunks") { Description = "Abschnitte für die Durchsatzmessung", DefaultValueFactory = _ => 128 };
        var queryCount = new Option<int>("--queries") { Description = "Anfragen je Modus und Größe", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20251126 };
        var command = new Command("bench", "Durchsatz, Latenz und Speicherbedarf messen (Markdown-Ausgabe)");
        foreach (var option in new Option[] { vocabulary, sizes, ingestChunks, queryCount, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var embeddings = CliContext.Get<EmbeddingService>(host);
            var loader = CliContext.Get<DocumentLoader>(host);
            var retrieval = CliContext.Get<IOptions<RetrievalOptions>>(host).Value;
            var vocabularyPaths = parseResult.GetValue(vocabulary) is { Length: > 0 } v ? v : ["data"];
            var words = await BuildVocabularyAsync(loader, vocabularyPaths, cancellationToken);
            if (words.Count < 50)
            {
                throw new DocumentReadException(string.Join(", ", vocabularyPaths), "zu wenig Text für einen Wortschatz (mindestens 50 verschiedene Wörter nötig; --vocabulary angeben)");
            }

            var random = new Random(parseResult.GetValue(seed));
            var text = new SyntheticText(words, random);
            var model = await embeddings.GetModelAsync(cancellationToken);
            var output = context.Output;
            await output.WriteLineAsync($"Maschine: {Environment.ProcessorCount} Kerne, {Environment.OSVersion}, .NET {Environment.Version}; Modell {model.ModelId} ({model.Dimensions} Dim.); Wortschatz {words.Count} Wörter aus {string.Join(", ", vocabularyPaths)}");
            var rawRate = 0.0;
            var pipelineRate = 0.0;

            // (2) Query latency first, so the peak memory column shows the index alone (the model is not loaded yet) on synthetic indexes.
            await output.WriteLineAsync();
            await output.WriteLineAsync($"### Suchlatenz (ms, ohne Einbettung der Anfrage; Top 10 Dokumente aus Pool {retrieval.CandidatePool}, Filter öffentlich)");
            await output.WriteLineAsync();
            await output.WriteLineAsync("| Abschnitte | Keyword p50 | Keyword p95 | Dense p50 | Dense p95 | Hybrid p50 | Hybrid p95 | Aufbau (s) | Arbeitsspeicher-Spitze bis hier (MiB) |");
            await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
            foreach (var size in parseResult.GetValue(sizes) ?? [])
            {
                using var scratch = new ScratchIndex(model, new GermanTextAnalyzer());
                var index = scratch.Index;
                await index.InitializeAsync(model, cancellationToken);
                var built = Stopwatch.GetTimestamp();
                const int ChunksPerDocument = 20;
                for (var d = 0; d * ChunksPerDocument < size; d++)
                {
                    var count = Math.Min(ChunksPerDocument, size - (d * ChunksPerDocument));
                    await index.UpsertAsync(SyntheticDocument(d, count, text, random, model.Dimensions), cancellationToken);
                }

                var buildSeconds = Stopwatch.GetElapsedTime(built).TotalSeconds;
                var queries = Enumerable.Range(0, parseResult.GetValue(queryCount)).Select(_ => (Text: text.QueryWords(2, 5), Vector: RandomUnitVector(random, model.Dimensions))).ToList();
                var filter = SearchFilter.PublicOnly;
                var pool = retrieval.CandidatePool;

                // Warm-up: loads the dense matrix and the SQLite page cache, as the first query of a running server would.
                foreach (var q in queries.Take(5))
                {
                    await index.HybridSearchAsync(q.Text, q.Vector, filter, pool, retrieval.Weights, cancellationToken);
                }

                var keyword = await MeasureAsync(queries, q => index.KeywordSearchAsync(q.Text, filter, pool, cancellationToken));
                var dense = await MeasureAsync(queries, q => index.DenseSearchAsync(q.Vector, filter, pool, cancellationToken));
                var hybrid = await MeasureAsync(queries, q => index.HybridSearchAsync(q.Text, q.Vector, filter, pool, retrieval.Weights, cancellationToken));
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                await output.WriteLineAsync(Invariant($"| {size:N0} | {P(keyword, 50):F1} | {P(keyword, 95):F1} | {P(dense, 50):F1} | {P(dense, 95):F1} | {P(hybrid, 50):F1} | {P(hybrid, 95):F1} | {buildSeconds:F0} | {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} |"));
            }

            // (1) Ingestion beside the raw embedder, interleaved twice so machine noise hits both alike.
            var documents = Enumerable.Range(0, parseResult.GetValue(ingestChunks)).Select(i => new SourceDocument
            {
                Id = $"bench-{i:D6}",
                Type = DocumentType.Mitteilung,
                Title = text.Sentence(4, 8).TrimEnd('.'),
                Text = text.Paragraph(120, 200),
                Source = "bench",
            }).ToList();
            var chunker = new DocumentChunker();
            var embeddingTexts = documents.SelectMany(chunker.Split).Select(DocumentChunker.EmbeddingText).ToList();
            await embeddings.Generator.GenerateAsync(embeddingTexts.Take(embeddings.BatchSize), cancellationToken: cancellationToken);
            double rawSeconds = 0, pipelineSeconds = 0;
            var pipelineChunks = 0;
            for (var round = 0; round < 2; round++)
            {
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < embeddingTexts.Count; i += embeddings.BatchSize)
                {
                    await embeddings.Generator.GenerateAsync(embeddingTexts.Skip(i).Take(embeddings.BatchSize), cancellationToken: cancellationToken);
                }

                rawSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
                using var scratch = new ScratchIndex(model, new GermanTextAnalyzer());
                await scratch.Index.InitializeAsync(model, cancellationToken);
                using var initializer = new KnowledgeIndexInitializer(scratch.Index, embeddings);
                var pipeline = new IngestionPipeline(loader, chunker, embeddings, scratch.Index, initializer, TimeProvider.System, NullLogger<IngestionPipeline>.Instance);
                var report = await pipeline.IngestDocumentsAsync(documents, null, cancellationToken);
                pipelineSeconds += report.Seconds;
                pipelineChunks += report.Chunks;
            }

            rawRate = 2 * embeddingTexts.Count / rawSeconds;
            pipelineRate = pipelineChunks / pipelineSeconds;
            await output.WriteLineAsync();
            await output.WriteLineAsync($"### Ingestion ({embeddingTexts.Count} Abschnitte, 2 Durchgänge, Stapelgröße {embeddings.BatchSize})");
            await output.WriteLineAsync();
            await output.WriteLineAsync("| Messung | Abschnitte/s |");
            await output.WriteLineAsync("|---|---|");
            await output.WriteLineAsync(Invariant($"| Einbettungsmodell allein | {rawRate:F1} |"));
            await output.WriteLineAsync(Invariant($"| Ingestion-Pipeline (Chunking, Einbettung, SQLite-Transaktion je Dokument) | {pipelineRate:F1} |"));
            await output.WriteLineAsync(Invariant($"| Verhältnis Pipeline / Modell | {pipelineRate / rawRate:F2} |"));

            using (var process = Process.GetCurrentProcess())
            {
                process.Refresh();
                await output.WriteLineAsync();
                await output.WriteLineAsync(Invariant($"Arbeitsspeicher-Spitze des ganzen Laufs (Process.PeakWorkingSet64, zuletzt mit geladenem Modell): {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static double P(double[] sorted, int percentile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

    private static async Task<double[]> MeasureAsync<T>(IEnumerable<T> queries, Func<T, Task<IReadOnlyList<ScoredChunk>>> search)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await search(query);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return [.. times.Order()];
    }

    private static IndexedDocument SyntheticDocument(int number, int chunkCount, SyntheticText text, Random random, int dimensions)
    {
        var id = $"syn-{number:D6}";
        var title = text.Sentence(4, 8).TrimEnd('.');
        var type = (DocumentType)(1 + (number % 5));
        var visibility = number % 20 == 0 ? Visibility.NonPublic : Visibility.Public;
        var date = new DateOnly(2010, 1, 1).AddDays(number % 5000);
        var chunks = Enumerable.Range(0, chunkCount).Select(i => new Chunk
        {
            ChunkId = Chunk.MakeId(id, i),
            DocumentId = id,
            Ordinal = i,
            DocumentType = type,
            Title = title,
            Date = date,
            Visibility = visibility,
            Text = text.Paragraph(120, 250),
        }).ToList();
        var document = new StoredDocument { Id = id, Type = type, Title = title, Date = date, Visibility = visibility, ContentHash = id, ChunkCount = chunkCount };
        return new IndexedDocument(document, chunks, chunks.Select(_ => (ReadOnlyMemory<float>)RandomUnitVector(random, dimensions)).ToList());
    }

    private static float[] RandomUnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller: Gaussian components give directions uniform on the sphere.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        VectorMath.NormalizeInPlace(vector);
        return vector;
    }

    private static async Task<IReadOnlyList<(string Word, int Count)>> BuildVocabularyAsync(DocumentLoader loader, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var item in loader.LoadAsync(paths, cancellationToken))
        {
            if (item.Document is null)
            {
                continue;
            }

            foreach (var token in (item.Document.Title + " " + item.Document.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim('.', ',', ';', ':', '!', '?', '"', '„', '“', '(', ')', '[', ']');
                if (word.Length >= 2 && word.All(char.IsLetter))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>A unigram model of the archive: words drawn with their observed frequency, so term statistics look like real text.</summary>
    private sealed class SyntheticText
    {
        private readonly string[] _words;
        private readonly long[] _cumulative;
        private readonly Random _random;

        public SyntheticText(IReadOnlyList<(string Word, int Count)> vocabulary, Random random)
        {
            _words = vocabulary.Select(v => v.Word).ToArray();
            _cumulative = new long[_words.Length];
            long total = 0;
            for (var i = 0; i < _words.Length; i++)
            {
                total += vocabulary[i].Count;
                _cumulative[i] = total;
            }

            _random = random;
        }

        public string Word()
        {
            var target = _random.NextInt64(_cumulative[^1]);
            var at = Array.BinarySearch(_cumulative, target + 1);
            return _words[at >= 0 ? at : ~at];
        }

        /// <summary>Query words drawn uniformly from the distinct vocabulary: searches name topics, not the most frequent words.</summary>
        public string QueryWords(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => _words[_random.Next(_words.Length)]));

        public string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Word()));

        public string Sentence(int min, int max)
        {
            var sentence = Words(min, max);
            return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
        }

        public string Paragraph(int minWords, int maxWords)
        {
            var target = _random.Next(minWords, maxWords + 1);
            var builder = new StringBuilder();
            var words = 0;
            while (words < target)
            {
                var length = Math.Min(_random.Next(8, 21), target - words);
                builder.Append(builder.Length == 0 ? string.Empty : " ").Append(Sentence(length, length));
                words += length;
            }

            return builder.ToString();
        }
    }

    /// <summary>A throw-away SQLite index in a temporary directory, deleted on dispose.</summary>
    private sealed class ScratchIndex : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "anfragen-bench-" + Guid.NewGuid().ToString("N"));

        public ScratchIndex(EmbeddingModelInfo model, GermanTextAnalyzer analyzer)
        {
            Model = model;
            Index = new SqliteKnowledgeIndex(Path.Combine(_directory, SqliteKnowledgeIndex.DatabaseFileName), analyzer);
        }

        public EmbeddingModelInfo Model { get; }

        public SqliteKnowledgeIndex Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temp directory; harmless.
            }
        }
    }
}

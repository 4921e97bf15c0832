using System.CommandLine;
using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>
/// <c>anfragen eval --queries q.jsonl [--pairs corpus.jsonl] [--k 10] [--baseline lucene] [--ablation] [--sweep]</c>:
/// Recall@1/5/10, MRR@10 and nDCG@10 of keyword, dense and hybrid search over the current index, as Markdown;
/// <c>--chat</c> / <c>--drafts questions.jsonl</c> measure the archive chat or the drafts instead (<see cref="AnswerEvaluation"/>).
/// </summary>
public static class EvalCommand
{
    private static readonly double[] SweepDenseWeights = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queries = new Option<string[]>("--queries") { Description = "JSONL mit {\"id\",\"query\",\"relevant\":[…],\"exclude\":[…]} (mehrfach möglich)", AllowMultipleArgumentsPerToken = true };
        var pairs = new Option<string[]>("--pairs") { Description = "Korpus/Dateien, aus deren Anfrage/Stellungnahme-Paaren Testanfragen gebildet werden", AllowMultipleArgumentsPerToken = true };
        var k = new Option<int>("--k") { Description = "Rangtiefe (Standard 10)", DefaultValueFactory = _ => 10 };
        var baseline = new Option<string?>("--baseline") { Description = "Vergleich: lucene (Lucene.Net GermanAnalyzer, BM25 über ganze Dokumente)" };
        var ablation = new Option<bool>("--ablation") { Description = "Auch ohne Stemming / ohne Kompositazerlegung messen (baut temporäre Indizes aus den gespeicherten Vektoren)" };
        var sweep = new Option<bool>("--sweep") { Description = "Hybrid mit mehreren Dense-Gewichten messen" };
        var denseWeight = new Option<double?>("--dense-weight") { Description = "Dense-Gewicht der Fusion (Standard: Anfragen:Retrieval:DenseWeight)" };
        var rrfK = new Option<int?>("--rrf-k") { Description = "RRF-Konstante k (Standard: Anfragen:Retrieval:RrfK)" };
        var chat = new Option<string?>("--chat") { Description = "Chat messen: JSONL mit {\"id\",\"question\",\"relevant\":[…]}; \"relevant\": [] heißt, das Archiv deckt die Frage nicht ab" };
        var drafts = new Option<string?>("--drafts") { Description = "Entwürfe messen: JSONL wie bei --chat, dazu \"subject\" (Betreff der Anfrage)" };
        var command = new Command("eval", "Suchqualität messen: Keyword, Dense und Hybrid nebeneinander");
        foreach (var option in new Option[] { queries, pairs, k, baseline, ablation, sweep, denseWeight, rrfK, chat, drafts })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var queryFiles = parseResult.GetValue(queries) ?? [];
            var pairPaths = parseResult.GetValue(pairs) ?? [];
            if (parseResult.GetValue(chat) is { } chatFile)
            {
                using var chatHost = context.BuildHost(GlobalOptions.Read(parseResult));
                return await AnswerEvaluation.RunChatAsync(context, CliContext.Get<ChatService>(chatHost), chatFile, cancellationToken);
            }

            if (parseResult.GetValue(drafts) is { } draftFile)
            {
                using var draftHost = context.BuildHost(GlobalOptions.Read(parseResult));
                return await AnswerEvaluation.RunDraftsAsync(context, CliContext.Get<DraftingService>(draftHost), draftFile, cancellationToken);
            }

            if (queryFiles.Length == 0 && pairPaths.Length == 0)
            {
                await context.Error.WriteLineAsync("Bitte --queries <datei.jsonl>, --pairs <korpus> oder --chat/--drafts <fragen.jsonl> angeben.");
                return ExitCodes.UsageError;
            }

            var baselineName = parseResult.GetValue(baseline);
            if (baselineName is not null && !string.Equals(baselineName, "lucene", StringComparison.OrdinalIgnoreCase))
            {
                await context.Error.WriteLineAsync($"Unbekannte Baseline \"{baselineName}\" (möglich: lucene).");
                return ExitCodes.UsageError;
            }

            using var host = context.BuildHost(GlobalOptions.Read(parseResult));
            var index = CliContext.Get<IKnowledgeIndex>(host);
            var embeddings = CliContext.Get<EmbeddingService>(host);
            var retrieval = CliContext.Get<IOptions<RetrievalOptions>>(host).Value;
            await CliContext.Get<KnowledgeIndexInitializer>(host).EnsureInitializedAsync(cancellationToken);
            var weights = retrieval.Weights with
            {
                Dense = parseResult.GetValue(denseWeight) ?? retrieval.DenseWeight,
                RrfK = parseResult.GetValue(rrfK) ?? retrieval.RrfK,
            };
            var depth = parseResult.GetValue(k);
            var pool = Math.Max(retrieval.CandidatePool, depth);

            var sets = new List<(string Name, IReadOnlyList<EvaluationQuery> Queries)>();
            foreach (var file in queryFiles)
            {
                sets.Add((Path.GetFileName(file), await ReadQueriesAsync(file, cancellationToken)));
            }

            if (pairPaths.Length > 0)
            {
                var loader = CliContext.Get<DocumentLoader>(host);
                var documents = new List<SourceDocument>();
                await foreach (var item in loader.LoadAsync(pairPaths, cancellationToken))
                {
                    if (item.Document is not null)
                    {
                        documents.Add(item.Document);
                    }
                }

                sets.Add(("Paare aus " + string.Join(", ", pairPaths.Select(Path.GetFileName)), PairQueryBuilder.Build(documents)));
            }

            var allQueries = sets.SelectMany(s => s.Queries).Select(q => q.Query).Distinct(StringComparer.Ordinal).ToList();
            var vectors = await embeddings.EmbedAsync(allQueries, cancellationToken);
            var queryVectors = allQueries.Select((q, i) => (q, vectors[i])).ToDictionary(p => p.q, p => p.Item2, StringComparer.Ordinal);

            var variants = new List<(string Name, IKnowledgeIndex Index)> { ("", index) };
            var temporary = new List<(string Directory, SqliteKnowledgeIndex Index)>();
            LuceneBaseline? lucene = null;
            try
            {
                if (parseResult.GetValue(ablation))
                {
                    foreach (var (name, stem, decompound) in new[] { ("ohne Kompositazerlegung", true, false), ("ohne Stemming", false, true), ("ohne beides", false, false) })
                    {
                        var copy = await CopyIndexAsync(index, new GermanTextAnalyzer(stem, decompound), cancellationToken);
                        temporary.Add(copy);
                        variants.Add((name, copy.Index));
                    }
                }

                if (baselineName is not null)
                {
                    lucene = await BuildLuceneAsync(index, cancellationToken);
                }

                var stats = await index.GetStatisticsAsync(cancellationToken);
                await context.Output.WriteLineAsync($"Index: {stats.Documents} Dokumente, {stats.Chunks} Abschnitte, Modell {stats.Model?.ModelId} ({stats.Model?.Dimensions} Dim.); Fusion: Keyword {weights.Keyword.ToString(CultureInfo.InvariantCulture)}, Dense {weights.Dense.ToString(CultureInfo.InvariantCulture)}, k {weights.RrfK}; Pool {pool}");
                foreach (var (setName, set) in sets)
                {
                    await context.Output.WriteLineAsync();
                    await context.Output.WriteLineAsync($"### {setName} ({set.Count} Anfragen, k = {depth})");
                    await context.Output.WriteLineAsync();
                    await context.Output.WriteLineAsync("| Variante | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 |");
                    await context.Output.WriteLineAsync("|---|---|---|---|---|---|");
                    foreach (var (variantName, variantIndex) in variants)
                    {
                        var suffix = variantName.Length == 0 ? string.Empty : $" ({variantName})";
                        foreach (var mode in variantName.Length == 0 ? new[] { SearchMode.Keyword, SearchMode.Dense, SearchMode.Hybrid } : [SearchMode.Keyword, SearchMode.Hybrid])
                        {
                            var metrics = await RetrievalEvaluator.EvaluateAsync(variantIndex, set, queryVectors, mode, weights, depth, pool, cancellationToken);
                            await WriteRowAsync(context.Output, mode.ToString().ToLowerInvariant() + suffix, metrics);
                        }
                    }

                    if (parseResult.GetValue(sweep))
                    {
                        foreach (var dense in SweepDenseWeights)
                        {
                            var metrics = await RetrievalEvaluator.EvaluateAsync(index, set, queryVectors, SearchMode.Hybrid, weights with { Dense = dense }, depth, pool, cancellationToken);
                            await WriteRowAsync(context.Output, $"hybrid dense={dense.ToString(CultureInfo.InvariantCulture)}", metrics);
                        }
                    }

                    if (lucene is not null)
                    {
                        var results = set.Select(q => ((IReadOnlyList<string>)lucene.Search(q.Query, depth, q.Exclude?.ToList()), (IReadOnlyCollection<string>)q.Relevant.ToList())).ToList();
                        await WriteRowAsync(context.Output, "lucene GermanAnalyzer BM25 (ganze Dokumente)", RankingMetrics.Compute(results));
                    }
                }
            }
            finally
            {
                lucene?.Dispose();
                foreach (var (directory, copy) in temporary)
                {
                    copy.Dispose();
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    TryDelete(directory);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteRowAsync(TextWriter output, string name, RankingMetrics m) =>
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.RecallAt1:F3} | {m.RecallAt5:F3} | {m.RecallAt10:F3} | {m.MrrAt10:F3} | {m.NdcgAt10:F3} |"));

    private static async Task<IReadOnlyList<EvaluationQuery>> ReadQueriesAsync(string file, CancellationToken cancellationToken) =>
        [.. (await JsonLinesFile.ReadAsync<EvaluationQuery>(
            file,
            q => string.IsNullOrWhiteSpace(q.Query) || q.Relevant is not { Count: > 0 } ? "\"query\" oder \"relevant\" fehlt" : null,
            null,
            cancellationToken)).Select(l => l.Value)];

    /// <summary>Copies chunks and stored vectors into a temporary index analysed differently (no re-embedding).</summary>
    private static async Task<(string Directory, SqliteKnowledgeIndex Index)> CopyIndexAsync(IKnowledgeIndex source, GermanTextAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "anfragen-eval-" + Guid.NewGuid().ToString("N"));
        var copy = new SqliteKnowledgeIndex(Path.Combine(directory, SqliteKnowledgeIndex.DatabaseFileName), analyzer);
        var stats = await source.GetStatisticsAsync(cancellationToken);
        await copy.InitializeAsync(stats.Model ?? new EmbeddingModelInfo("unknown", 0), cancellationToken);
        await foreach (var document in source.ExportAsync(cancellationToken))
        {
            await copy.UpsertAsync(document, cancellationToken);
        }

        return (directory, copy);
    }

    private static async Task<LuceneBaseline> BuildLuceneAsync(IKnowledgeIndex index, CancellationToken cancellationToken)
    {
        // Whole documents rebuilt from their chunks (without the subject prefix the chunker puts on question chunks).
        var documents = new List<(string, string, string)>();
        await foreach (var document in index.ExportAsync(cancellationToken))
        {
            var text = string.Join("\n", document.Chunks.Select(c => c.QuestionNumber is not null && c.DocumentType == DocumentType.Anfrage && c.Text.StartsWith(c.Title + DocumentChunker.QuestionSeparator, StringComparison.Ordinal) ? c.Text[(c.Title.Length + DocumentChunker.QuestionSeparator.Length)..] : c.Text));
            documents.Add((document.Document.Id, document.Document.Title, text));
        }

        return new LuceneBaseline(documents);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }
}

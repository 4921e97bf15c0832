using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// <c>anfragen eval --queries/--pairs</c>: Recall@1/5/10, MRR@10 and nDCG@10 of keyword, dense and hybrid search over
/// the current index, as Markdown tables, one per query set; optionally beside the Lucene baseline, analyzer ablations
/// (temporary indexes built from the stored vectors, no re-embedding) and a sweep of the dense fusion weight.
/// </summary>
public sealed class RetrievalEvaluation(
    IKnowledgeIndex index,
    EmbeddingService embeddings,
    DocumentLoader loader,
    KnowledgeIndexInitializer initializer,
    IOptions<RetrievalOptions> options)
{
    public static IReadOnlyList<double> SweepDenseWeights { get; } = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0];

    public async Task RunAsync(RetrievalEvaluationRequest request, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var retrieval = options.Value;
        await initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var weights = retrieval.Weights with { Dense = request.DenseWeight ?? retrieval.DenseWeight, RrfK = request.RrfK ?? retrieval.RrfK };
        var depth = request.K;
        var pool = Math.Max(retrieval.CandidatePool, depth);

        var sets = new List<(string Name, IReadOnlyList<EvaluationQuery> Queries)>();
        foreach (var file in request.QueryFiles)
        {
            sets.Add((Path.GetFileName(file), await ReadQueriesAsync(file, cancellationToken).ConfigureAwait(false)));
        }

        if (request.PairPaths.Count > 0)
        {
            var documents = new List<SourceDocument>();
            await foreach (var item in loader.LoadAsync(request.PairPaths, cancellationToken).ConfigureAwait(false))
            {
                if (item.Document is not null)
                {
                    documents.Add(item.Document);
                }
            }

            sets.Add(("Paare aus " + string.Join(", ", request.PairPaths.Select(Path.GetFileName)), PairQueryBuilder.Build(documents)));
        }

        var allQueries = sets.SelectMany(s => s.Queries).Select(q => q.Query).Distinct(StringComparer.Ordinal).ToList();
        var vectors = await embeddings.EmbedAsync(allQueries, cancellationToken).ConfigureAwait(false);
        var queryVectors = allQueries.Select((q, i) => (q, vectors[i])).ToDictionary(p => p.q, p => p.Item2, StringComparer.Ordinal);

        var variants = new List<(string Name, IKnowledgeIndex Index)> { (string.Empty, index) };
        var temporary = new List<ScratchIndex>();
        LuceneBaseline? lucene = null;
        try
        {
            if (request.Ablation)
            {
                foreach (var (name, stem, decompound) in new[] { ("ohne Kompositazerlegung", true, false), ("ohne Stemming", false, true), ("ohne beides", false, false) })
                {
                    var copy = await CopyIndexAsync(new GermanTextAnalyzer(stem, decompound), cancellationToken).ConfigureAwait(false);
                    temporary.Add(copy);
                    variants.Add((name, copy.Index));
                }
            }

            if (request.LuceneBaseline)
            {
                lucene = await BuildLuceneAsync(cancellationToken).ConfigureAwait(false);
            }

            var stats = await index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"Index: {stats.Documents} Dokumente, {stats.Chunks} Abschnitte, Modell {stats.Model?.ModelId} ({stats.Model?.Dimensions} Dim.); Fusion: Keyword {weights.Keyword}, Dense {weights.Dense}, k {weights.RrfK}; Pool {pool}")).ConfigureAwait(false);
            foreach (var (setName, set) in sets)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync($"### {setName} ({set.Count} Anfragen, k = {depth})").ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync("| Variante | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 |").ConfigureAwait(false);
                await output.WriteLineAsync("|---|---|---|---|---|---|").ConfigureAwait(false);
                foreach (var (variantName, variantIndex) in variants)
                {
                    var suffix = variantName.Length == 0 ? string.Empty : $" ({variantName})";
                    foreach (var mode in variantName.Length == 0 ? new[] { SearchMode.Keyword, SearchMode.Dense, SearchMode.Hybrid } : [SearchMode.Keyword, SearchMode.Hybrid])
                    {
                        var metrics = await RetrievalEvaluator.EvaluateAsync(variantIndex, set, queryVectors, mode, weights, depth, pool, cancellationToken).ConfigureAwait(false);
                        await WriteRowAsync(output, mode.ToString().ToLowerInvariant() + suffix, metrics).ConfigureAwait(false);
                    }
                }

                if (request.Sweep)
                {
                    foreach (var dense in SweepDenseWeights)
                    {
                        var metrics = await RetrievalEvaluator.EvaluateAsync(index, set, queryVectors, SearchMode.Hybrid, weights with { Dense = dense }, depth, pool, cancellationToken).ConfigureAwait(false);
                        await WriteRowAsync(output, Invariant($"hybrid dense={dense}"), metrics).ConfigureAwait(false);
                    }
                }

                if (lucene is not null)
                {
                    var results = set.Select(q => ((IReadOnlyList<string>)lucene.Search(q.Query, depth, q.Exclude?.ToList()), (IReadOnlyCollection<string>)q.Relevant.ToList())).ToList();
                    await WriteRowAsync(output, "lucene GermanAnalyzer BM25 (ganze Dokumente)", RankingMetrics.Compute(results)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            lucene?.Dispose();
            foreach (var copy in temporary)
            {
                copy.Dispose();
            }
        }
    }

    /// <summary>The queries of one <c>{"id","query","relevant":[…],"exclude":[…]}</c> file; a line without query or relevant ids is an input error.</summary>
    public static async Task<IReadOnlyList<EvaluationQuery>> ReadQueriesAsync(string file, CancellationToken cancellationToken = default) =>
        [.. (await JsonLinesFile.ReadAsync<EvaluationQuery>(
            file,
            q => string.IsNullOrWhiteSpace(q.Query) || q.Relevant is not { Count: > 0 } ? "\"query\" oder \"relevant\" fehlt" : null,
            null,
            cancellationToken).ConfigureAwait(false)).Select(l => l.Value)];

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static Task WriteRowAsync(TextWriter output, string name, RankingMetrics m) =>
        output.WriteLineAsync(Invariant($"| {name} | {m.RecallAt1:F3} | {m.RecallAt5:F3} | {m.RecallAt10:F3} | {m.MrrAt10:F3} | {m.NdcgAt10:F3} |"));

    /// <summary>Copies chunks and stored vectors into a temporary index analysed differently (no re-embedding).</summary>
    private async Task<ScratchIndex> CopyIndexAsync(GermanTextAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var stats = await index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var copy = new ScratchIndex(analyzer);
        try
        {
            await copy.Index.InitializeAsync(stats.Model ?? new EmbeddingModelInfo("unknown", 0), cancellationToken).ConfigureAwait(false);
            await foreach (var document in index.ExportAsync(cancellationToken).ConfigureAwait(false))
            {
                await copy.Index.UpsertAsync(document, cancellationToken).ConfigureAwait(false);
            }

            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    private async Task<LuceneBaseline> BuildLuceneAsync(CancellationToken cancellationToken)
    {
        // Whole documents rebuilt from their chunks (without the subject prefix the chunker puts on question chunks).
        var documents = new List<(string, string, string)>();
        await foreach (var document in index.ExportAsync(cancellationToken).ConfigureAwait(false))
        {
            var text = string.Join("\n", document.Chunks.Select(c => c.QuestionNumber is not null && c.DocumentType == DocumentType.Anfrage && c.Text.StartsWith(c.Title + DocumentChunker.QuestionSeparator, StringComparison.Ordinal) ? c.Text[(c.Title.Length + DocumentChunker.QuestionSeparator.Length)..] : c.Text));
            documents.Add((document.Document.Id, document.Document.Title, text));
        }

        return new LuceneBaseline(documents);
    }
}

using System.Text.Json;
using Anfragen.Assistant.Cli.Fakes;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>ingest, search, eval and bench run in-process against a real SQLite index and a real HTTP embedder.</summary>
public sealed class KnowledgeBaseCommandsTests : IDisposable
{
    private readonly CliTestDirectory _dir = new();
    private readonly FakeEmbeddingServer _server = new();

    public void Dispose()
    {
        _dir.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Ingest_prints_a_summary_and_skips_unchanged_documents_on_a_second_run()
    {
        var corpus = SampleCorpus.Write(_dir.Path);

        var first = await Run("ingest", corpus, "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, first.Exit);
        Assert.Matches(@"Neu\s*│\s*4", first.Output);
        Assert.Contains("Abschnitte/s", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.DataDirectory, "anfragen.db")));

        var second = await Run("ingest", corpus, "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, second.Exit);
        Assert.Matches(@"Neu\s*│\s*0", second.Output);
        Assert.Matches(@"Unverändert\s*│\s*4", second.Output);
        Assert.Contains("Übersprungen (unverändert): 4", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_reports_bad_files_and_exits_with_input_error_but_indexes_the_rest()
    {
        var corpus = SampleCorpus.Write(_dir.Path);
        var empty = Path.Combine(_dir.Path, "leer.txt");
        await File.WriteAllTextAsync(empty, string.Empty, TestContext.Current.CancellationToken);

        var result = await Run("ingest", corpus, empty, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains("leer.txt", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Neu\s*│\s*4", result.Output);
    }

    [Fact]
    public async Task Search_json_returns_documents_and_hides_nonpublic_without_the_flag()
    {
        await Ingest();

        var result = await Run("search", "Sanierung Radweg Kosten", "--json", "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetString()).ToList();
        Assert.Contains("25-10001-01", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var hidden = await Run("search", "Grundstück Kanal Verkauf", "--json", "--mode", "keyword", "--data-dir", _dir.DataDirectory);
        Assert.DoesNotContain("24-30003", hidden.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("KANARIENVOGEL", hidden.Output, StringComparison.Ordinal);
        var shown = await Run("search", "Grundstück Kanal Verkauf", "--json", "--mode", "keyword", "--include-nonpublic", "--data-dir", _dir.DataDirectory);
        Assert.Contains("24-30003", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_filters_by_type_and_prints_a_table()
    {
        await Ingest();
        var result = await Run("search", "Radweg", "--type", "Stellungnahme", "--mode", "dense", "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("25-10001-01", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("25-10001 ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_search_writes_one_json_line_per_query_in_the_documented_shape()
    {
        await Ingest();
        var queries = Path.Combine(_dir.Path, "q.jsonl");
        await File.WriteAllLinesAsync(queries, ["{\"id\":\"q1\",\"query\":\"Schulhöfe Spielflächen\"}", "", "{\"id\":\"q2\",\"query\":\"Radweg Hondelage\"}"], TestContext.Current.CancellationToken);

        var result = await Run("search", "--queries", queries, "--json", "--top", "2", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["id", "hits"], first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("q1", first.RootElement.GetProperty("id").GetString());
        var hit = first.RootElement.GetProperty("hits")[0];
        Assert.Equal(["documentId", "chunkId", "score", "title"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("24-20002", hit.GetProperty("documentId").GetString());
        Assert.StartsWith("24-20002#", hit.GetProperty("chunkId").GetString(), StringComparison.Ordinal);
        Assert.True(first.RootElement.GetProperty("hits").GetArrayLength() <= 2);
    }

    [Fact]
    public async Task Eval_prints_keyword_dense_and_hybrid_side_by_side_with_baseline_and_ablation()
    {
        await Ingest();
        var queries = Path.Combine(_dir.Path, "eval.jsonl");
        await File.WriteAllLinesAsync(queries, ["{\"id\":\"e1\",\"query\":\"Schulhöfe öffnen\",\"relevant\":[\"24-20002\"],\"exclude\":[]}"], TestContext.Current.CancellationToken);

        var result = await Run("eval", "--queries", queries, "--pairs", Path.Combine(_dir.Path, "corpus.jsonl"), "--baseline", "lucene", "--ablation", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("| keyword | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| dense |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| hybrid |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| lucene GermanAnalyzer BM25", result.Output, StringComparison.Ordinal);
        Assert.Contains("(ohne Stemming)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Paare aus corpus.jsonl (1 Anfragen", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_prints_markdown_tables_for_throughput_latency_and_memory()
    {
        var corpus = SampleCorpus.Write(_dir.Path, extraDocuments: 10);
        var result = await Run("bench", "--vocabulary", corpus, "--sizes", "300", "--ingest-chunks", "8", "--queries", "5", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("| Verhältnis Pipeline / Modell |", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| 300 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|", result.Output);
        Assert.Contains("PeakWorkingSet64", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_json_has_the_latency_lucene_ingestion_and_memory_fields()
    {
        var corpus = SampleCorpus.Write(_dir.Path, extraDocuments: 10);
        var result = await Run("bench", "--vocabulary", corpus, "--sizes", "200", "--ingest-chunks", "4", "--queries", "5", "--json", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var row = Assert.Single(json.RootElement.GetProperty("latency").EnumerateArray());
        Assert.Equal(200, row.GetProperty("chunks").GetInt32());
        foreach (var leg in new[] { "keyword", "dense", "hybrid", "lucene" })
        {
            Assert.True(row.GetProperty(leg).GetProperty("p95").GetDouble() >= row.GetProperty(leg).GetProperty("p50").GetDouble(), leg);
        }

        Assert.True(row.GetProperty("peakMiB").GetDouble() > 0);
        Assert.True(row.GetProperty("buildSeconds").GetDouble() >= 0);
        var ingestion = json.RootElement.GetProperty("ingestion");
        Assert.True(ingestion.GetProperty("encoder").GetDouble() > 0 && ingestion.GetProperty("pipeline").GetDouble() > 0 && ingestion.GetProperty("ratio").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("peakMiB").GetDouble() > 0);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("machine").GetString()));
    }

    [Fact]
    public async Task Searching_with_another_embedding_model_is_a_clear_error()
    {
        await Ingest();
        var other = _server.Configuration("other-model");
        var result = await CliTestDirectory.RunAsync(other, "search", "Radweg", "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.SystemError, result.Exit);
        Assert.Contains("fake-embed", result.Error, StringComparison.Ordinal);
        Assert.Contains("other-model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_chat_counts_hits_and_questions_answered_although_the_archive_does_not_cover_them()
    {
        await Ingest();
        var questions = Path.Combine(_dir.Path, "chat.jsonl");
        await File.WriteAllLinesAsync(
            questions,
            [
                "{\"id\":\"c1\",\"question\":\"Wann wird der Radweg zwischen Hondelage und Waggum saniert?\",\"relevant\":[\"25-10001\"]}",
                "{\"id\":\"n1\",\"question\":\"Wie viele Elefanten leben im Zoo?\",\"relevant\":[]}",
            ],
            TestContext.Current.CancellationToken);

        var result = await Run("eval", "--chat", questions, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("| c1 | Wann wird der Radweg zwischen Hondelage und Waggum saniert? | 25-10001-01", result.Output, StringComparison.Ordinal);
        Assert.Contains("| n1 | Wie viele Elefanten leben im Zoo? |  | richtig: keine Quelle |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| 1 | 1.000 | 1.000 | 1.000 | 1 | 0 |", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_drafts_drafts_each_question_under_its_subject_and_counts_the_sources()
    {
        await Ingest();
        var questions = Path.Combine(_dir.Path, "drafts.jsonl");
        await File.WriteAllLinesAsync(
            questions,
            ["{\"id\":\"d1\",\"subject\":\"Radweg zwischen Hondelage und Waggum\",\"question\":\"Wann wird der Radweg saniert?\",\"relevant\":[\"25-10001-01\"]}"],
            TestContext.Current.CancellationToken);

        var result = await Run("eval", "--drafts", questions, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("### Entwürfe (Extractive): drafts.jsonl, 1 Fragen", result.Output, StringComparison.Ordinal);
        Assert.Contains("| d1 | Wann wird der Radweg saniert? | 25-10001-01 | Treffer an 1. Stelle |", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "--queries")]
    [InlineData("eval", "--queries")]
    [InlineData("eval", "--chat")]
    [InlineData("eval", "--drafts")]
    public async Task A_missing_queries_file_is_an_input_error_naming_the_file(string verb, string option)
    {
        var missing = Path.Combine(_dir.Path, "fehlt.jsonl");

        var result = await Run(verb, option, missing, "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Contains("nicht gefunden", result.Error, StringComparison.Ordinal);
    }

    private async Task Ingest()
    {
        var result = await Run("ingest", SampleCorpus.Write(_dir.Path), "--data-dir", _dir.DataDirectory);
        Assert.Equal(ExitCodes.Success, result.Exit);
    }

    private Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliTestDirectory.RunAsync(_server.Configuration(), args);
}

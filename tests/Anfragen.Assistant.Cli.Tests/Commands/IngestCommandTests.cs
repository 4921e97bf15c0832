using Anfragen.Assistant.Cli.Fakes;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage.Sqlite;

namespace Anfragen.Assistant.Cli.Commands;

/// <summary>`anfragen ingest` keeps the archive consistent: reported counts are stored, ids are their own, visibility fails closed.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly CliTestDirectory _dir = new();
    private readonly FakeEmbeddingServer _server = new();

    public void Dispose()
    {
        _dir.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Ingesting_the_sample_archive_stores_what_it_reports_and_the_demo_inquiries_replace_nothing()
    {
        var result = await Run("ingest", RepositoryData(), "--data-dir", _dir.DataDirectory);

        Assert.True(result.Exit == ExitCodes.Success, result.Output + result.Error);
        var reported = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Output, @"Neu\s*│\s*(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(@"Abgelehnt\s*│\s*0", result.Output);
        using var index = new SqliteKnowledgeIndex(Path.Combine(_dir.DataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        Assert.Equal(reported, (await index.GetStatisticsAsync(TestContext.Current.CancellationToken)).Documents);
        foreach (var id in new[] { "23-10230", "24-12004", "25-12877" })
        {
            var archived = await index.GetDocumentAsync(id, SearchFilter.PublicOnly, TestContext.Current.CancellationToken);
            Assert.Equal(DocumentType.Anfrage, archived?.Type);
            Assert.Contains("corpus.jsonl", archived!.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_paper_that_cites_a_stored_number_gets_its_own_id_and_one_claiming_it_is_refused_with_exit_2()
    {
        var corpus = SampleCorpus.Write(_dir.Path);
        Assert.Equal(ExitCodes.Success, (await Run("ingest", corpus, "--data-dir", _dir.DataDirectory)).Exit);

        var citing = Path.Combine(_dir.Path, "mitteilung_grundstueck.txt");
        await File.WriteAllTextAsync(citing, "Mitteilung der Verwaltung\n\nBezugnehmend auf die Mitteilung (Ds. 24-30003) wird über den Stand berichtet.", TestContext.Current.CancellationToken);
        var claiming = Path.Combine(_dir.Path, "24-30003_entwurf.txt");
        await File.WriteAllTextAsync(claiming, "Mitteilung der Verwaltung\n\nEin anderer Bericht zum Grundstück.", TestContext.Current.CancellationToken);

        var result = await Run("ingest", citing, claiming, "--visibility", "öffentlich", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Matches(@"Neu\s*│\s*1", result.Output);
        Assert.Matches(@"Abgelehnt\s*│\s*1", result.Output);
        Assert.Contains("Abgelehnt:", result.Output, StringComparison.Ordinal);
        Assert.Contains("24-30003_entwurf.txt", result.Output, StringComparison.Ordinal);
        Assert.Contains("Grundstücksangelegenheit", result.Output, StringComparison.Ordinal);
        using var index = new SqliteKnowledgeIndex(Path.Combine(_dir.DataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        var kept = await index.GetDocumentAsync("24-30003", new SearchFilter { IncludeNonPublic = true }, TestContext.Current.CancellationToken);
        Assert.Equal((Visibility.NonPublic, "Grundstücksangelegenheit"), (kept!.Visibility, kept.Title));
        Assert.Equal(Visibility.Public, (await index.GetDocumentAsync("mitteilung-grundstueck", SearchFilter.PublicOnly, TestContext.Current.CancellationToken))?.Visibility);
    }

    [Fact]
    public async Task A_file_without_a_marker_is_nichtoeffentlich_by_default_and_an_unknown_visibility_option_is_a_usage_error()
    {
        var note = Path.Combine(_dir.Path, "notiz.txt");
        await File.WriteAllTextAsync(note, "Notiz über neue Bänke im Stadtpark.", TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageError, (await Run("ingest", note, "--visibility", "vertraulich", "--data-dir", _dir.DataDirectory)).Exit);
        Assert.Equal(ExitCodes.Success, (await Run("ingest", note, "--data-dir", _dir.DataDirectory)).Exit);

        using var index = new SqliteKnowledgeIndex(Path.Combine(_dir.DataDirectory, SqliteKnowledgeIndex.DatabaseFileName), new GermanTextAnalyzer());
        Assert.Null(await index.GetDocumentAsync("notiz", SearchFilter.PublicOnly, TestContext.Current.CancellationToken));
        Assert.NotNull(await index.GetDocumentAsync("notiz", new SearchFilter { IncludeNonPublic = true }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_empty_jsonl_exits_2_like_an_empty_txt()
    {
        var jsonl = Path.Combine(_dir.Path, "leer.jsonl");
        var txt = Path.Combine(_dir.Path, "leer.txt");
        await File.WriteAllTextAsync(jsonl, string.Empty, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(txt, string.Empty, TestContext.Current.CancellationToken);

        var fromJsonl = await Run("ingest", jsonl, "--data-dir", _dir.DataDirectory);
        var fromTxt = await Run("ingest", txt, "--data-dir", _dir.DataDirectory);

        Assert.Equal((ExitCodes.InputError, ExitCodes.InputError), (fromJsonl.Exit, fromTxt.Exit));
        Assert.Contains("leer.jsonl: ist leer", fromJsonl.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_that_would_make_a_nichtoeffentlich_paper_public_needs_the_explicit_option()
    {
        var corpus = Path.Combine(_dir.Path, "vorlagen.jsonl");
        await File.WriteAllTextAsync(corpus, "{\"id\":\"26-50001\",\"type\":\"Vorlage\",\"title\":\"Kaufpreis\",\"visibility\":\"nichtöffentlich\",\"text\":\"Entwurf.\"}\n", TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Success, (await Run("ingest", corpus, "--data-dir", _dir.DataDirectory)).Exit);
        await File.WriteAllTextAsync(corpus, "{\"id\":\"26-50001\",\"type\":\"Vorlage\",\"title\":\"Kaufpreis\",\"visibility\":\"öffentlich\",\"text\":\"Beschlossen.\"}\n", TestContext.Current.CancellationToken);

        var refused = await Run("ingest", corpus, "--data-dir", _dir.DataDirectory);
        var allowed = await Run("ingest", corpus, "--allow-visibility-change", "--data-dir", _dir.DataDirectory);

        Assert.Equal(ExitCodes.InputError, refused.Exit);
        Assert.Contains("--allow-visibility-change", refused.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, allowed.Exit);
        Assert.Contains("Ersetzt: 26-50001", allowed.Output, StringComparison.Ordinal);
        Assert.Contains("Sichtbarkeit geändert", allowed.Output, StringComparison.Ordinal);
    }

    private static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anfragen.Assistant.sln")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("Repository root with data/ not found.");
    }

    private Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliTestDirectory.RunAsync(_server.Configuration(), args);
}

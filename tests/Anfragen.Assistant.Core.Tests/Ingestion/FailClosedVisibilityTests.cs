using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Only an explicit public marker makes a paper öffentlich; JSONL lines with an unknown visibility or fields of the
/// wrong type are refused with file:line, and nothing of them reaches the index.
/// </summary>
public sealed class FailClosedVisibilityTests : IDisposable
{
    private readonly TestKnowledgeBase _kb = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void An_unset_visibility_is_nichtoeffentlich()
    {
        Assert.Equal(Visibility.NonPublic, default(Visibility));
        Assert.Equal(Visibility.NonPublic, new SourceDocument { Id = "x", Type = DocumentType.Other, Title = "x", Text = "x" }.Visibility);
        Assert.Equal(Visibility.NonPublic, new Chunk { ChunkId = "x#0", DocumentId = "x", Ordinal = 0, DocumentType = DocumentType.Other, Title = "x", Text = "x" }.Visibility);
    }

    [Theory]
    [InlineData("öffentlich", Visibility.Public)]
    [InlineData(" Öffentlich ", Visibility.Public)]
    [InlineData("Ö", Visibility.Public)]
    [InlineData("public", Visibility.Public)]
    [InlineData("nichtöffentlich", Visibility.NonPublic)]
    [InlineData("nicht öffentlich", Visibility.NonPublic)]
    [InlineData("Nicht-Öffentlich", Visibility.NonPublic)]
    [InlineData("N", Visibility.NonPublic)]
    [InlineData("NÖ", Visibility.NonPublic)]
    [InlineData("vertraulich", null)]
    [InlineData("geheim", null)]
    [InlineData("öfentlich", null)]
    [InlineData("false", null)]
    [InlineData("", null)]
    public void Only_explicit_markers_are_read_as_visibility(string value, Visibility? expected)
    {
        Assert.Equal(expected, DocumentVocabulary.TryParseVisibility(value));
        Assert.Equal(expected ?? Visibility.NonPublic, DocumentVocabulary.ParseVisibility(value));
    }

    [Fact]
    public void Stored_codes_keep_their_meaning_and_unknown_codes_are_nichtoeffentlich()
    {
        // Written since the first release: 0 = öffentlich, 1 = nichtöffentlich (SQLite), the names in Qdrant payloads.
        Assert.Equal((0L, 1L), (VisibilityCodes.ToCode(Visibility.Public), VisibilityCodes.ToCode(Visibility.NonPublic)));
        Assert.Equal((Visibility.Public, Visibility.NonPublic, Visibility.NonPublic), (VisibilityCodes.FromCode(0), VisibilityCodes.FromCode(1), VisibilityCodes.FromCode(7)));
        Assert.Equal(("Public", "NonPublic"), (VisibilityCodes.ToName(Visibility.Public), VisibilityCodes.ToName(Visibility.NonPublic)));
        Assert.Equal((Visibility.Public, Visibility.NonPublic, Visibility.NonPublic), (VisibilityCodes.FromName("Public"), VisibilityCodes.FromName("NonPublic"), VisibilityCodes.FromName("public?")));
    }

    [Fact]
    public async Task A_public_document_is_stored_with_the_legacy_code_0_and_read_back_as_public()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Doc("26-1", Visibility.Public), Doc("26-2", Visibility.NonPublic)], null, Ct);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_kb.Index.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(id || '=' || visibility, ',') FROM (SELECT id, visibility FROM documents ORDER BY id)";
        Assert.Equal("26-1=0,26-2=1", await command.ExecuteScalarAsync(Ct));
        Assert.Equal(Visibility.Public, (await _kb.Index.GetDocumentAsync("26-1", SearchFilter.PublicOnly, Ct))?.Visibility);
        Assert.Null(await _kb.Index.GetDocumentAsync("26-2", SearchFilter.PublicOnly, Ct));
    }

    [Theory]
    [InlineData("\"vertraulich\"", "vertraulich")]
    [InlineData("\"geheim\"", "geheim")]
    [InlineData("\"öfentlich\"", "öfentlich")]
    [InlineData("false", "Wahrheitswert")]
    [InlineData("0", "Zahl")]
    public async Task A_corpus_line_with_an_unknown_visibility_is_refused_with_file_and_line_and_nothing_is_stored(string value, string named)
    {
        var corpus = Write("korpus.jsonl",
            "{\"id\":\"26-20001\",\"type\":\"Mitteilung\",\"title\":\"Gut\",\"visibility\":\"öffentlich\",\"text\":\"Die Brücke wird saniert.\"}\n"
            + $"{{\"id\":\"26-20002\",\"type\":\"Mitteilung\",\"title\":\"Unklar\",\"visibility\":{value},\"text\":\"Personalakte Kanarienvogel.\"}}\n");

        var report = await _kb.Pipeline.IngestPathsAsync([corpus], null, Ct);

        var error = Assert.Single(report.Errors);
        Assert.Equal($"{corpus}:2", error.Source);
        Assert.Contains("visibility", error.Reason, StringComparison.Ordinal);
        Assert.Contains(named, error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.New);
        Assert.Null(await _kb.Index.GetDocumentAsync("26-20002", new SearchFilter { IncludeNonPublic = true }, Ct));
    }

    [Fact]
    public async Task A_corpus_line_with_fields_of_the_wrong_type_is_refused_naming_each_field()
    {
        var corpus = Write("typen.jsonl", "{\"id\":5,\"type\":[],\"title\":null,\"text\":7}\n{\"id\":\"26-20003\",\"text\":\"Fragen\",\"questions\":[\"eins\",2]}\n");

        var report = await _kb.Pipeline.IngestPathsAsync([corpus], null, Ct);

        Assert.Equal(2, report.Errors.Count);
        Assert.Equal($"{corpus}:1", report.Errors[0].Source);
        Assert.All(["„id“", "„type“", "„text“"], field => Assert.Contains(field, report.Errors[0].Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("„title“", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("„questions“, Eintrag 2", report.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await _kb.Index.GetStatisticsAsync(Ct)).Documents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\n")]
    public async Task An_empty_corpus_file_is_reported_like_an_empty_text_file(string content)
    {
        var corpus = Write("leer.jsonl", content);
        var text = Write("leer.txt", content);

        var report = await _kb.Pipeline.IngestPathsAsync([corpus, text], null, Ct);

        Assert.Equal([corpus, text], report.Errors.Select(e => e.Source));
        Assert.All(report.Errors, e => Assert.StartsWith("ist leer", e.Reason, StringComparison.Ordinal));
        Assert.True(report.HasInputProblems);
    }

    [Fact]
    public async Task A_corpus_line_without_visibility_takes_the_runs_default_which_is_nichtoeffentlich()
    {
        var corpus = Write("ohne.jsonl", "{\"id\":\"26-20004\",\"type\":\"Mitteilung\",\"title\":\"Ohne\",\"text\":\"Text ohne Vermerk.\"}\n");

        await _kb.Pipeline.IngestPathsAsync([corpus], null, Ct);
        Assert.Equal(Visibility.NonPublic, (await _kb.Index.GetDocumentAsync("26-20004", new SearchFilter { IncludeNonPublic = true }, Ct))?.Visibility);
    }

    [Fact]
    public async Task A_file_without_a_marker_of_its_own_takes_the_chosen_visibility_and_a_marker_wins_over_the_choice()
    {
        var plain = Write("notiz.txt", "Notiz über die Bänke im Stadtpark.");
        var marked = Write("vermerk.txt", "Mitteilung (nichtöffentlich)\n\nGrundstücksangelegenheit am Stadtpark.");
        var request = new IngestionRequest { DefaultVisibility = Visibility.Public };

        await _kb.Pipeline.IngestPathsAsync([plain, marked], request, null, Ct);

        var everything = new SearchFilter { IncludeNonPublic = true };
        Assert.Equal(Visibility.Public, (await _kb.Index.GetDocumentAsync("notiz", everything, Ct))?.Visibility);
        Assert.Equal(Visibility.NonPublic, (await _kb.Index.GetDocumentAsync("vermerk", everything, Ct))?.Visibility);
    }

    [Fact]
    public void A_status_word_that_is_no_visibility_leaves_the_file_nichtoeffentlich()
    {
        var document = _kb.Loader.FromFileText(Path.Combine(_kb.Directory, "status.txt"), "Betreff: Kaufpreis\nStatus: vertraulich\n\nSachverhalt:\nDer Kaufpreis beträgt …", Visibility.NonPublic);
        Assert.Equal(Visibility.NonPublic, document.Visibility);
    }

    private static SourceDocument Doc(string id, Visibility visibility) =>
        new() { Id = id, Type = DocumentType.Mitteilung, Title = "Titel " + id, Text = "Bericht über Brücken " + id, Visibility = visibility };

    private string Write(string name, string content)
    {
        var path = Path.Combine(_kb.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}

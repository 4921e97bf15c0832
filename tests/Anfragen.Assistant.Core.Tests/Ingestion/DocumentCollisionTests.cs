using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// A stored document is never replaced silently: another paper claiming its id is refused (the message names both),
/// a new version of the same paper replaces it with a version record and an audit entry, and visibility is never
/// lowered without the explicit option.
/// </summary>
public sealed class DocumentCollisionTests : IDisposable
{
    private static readonly SearchFilter Everything = new() { IncludeNonPublic = true };
    private readonly TestKnowledgeBase _kb = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Another_paper_claiming_a_stored_id_is_refused_naming_both_and_the_index_is_unchanged()
    {
        var archived = Paper("26-90001", DocumentType.Mitteilung, "Grundstücksankauf Nord", "Kaufpreis KANARIE-1.", Visibility.NonPublic, "archiv.jsonl:3");
        await _kb.Pipeline.IngestDocumentsAsync([archived], null, Ct);
        var before = await SnapshotAsync("26-90001");

        var intruder = Paper("26-90001", DocumentType.Mitteilung, "Spielplatzsanierung", "Bezugnehmend auf die Mitteilung …", Visibility.Public, "/uploads/neu.txt");
        var report = await _kb.Pipeline.IngestDocumentsAsync([intruder], null, Ct);

        var refused = Assert.Single(report.Refused);
        Assert.Equal("/uploads/neu.txt", refused.Source);
        Assert.All(["26-90001", "Grundstücksankauf Nord", "archiv.jsonl:3", "Spielplatzsanierung"], part => Assert.Contains(part, refused.Reason, StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), (report.New, report.Updated.Count, report.Unchanged));
        Assert.True(report.HasInputProblems);
        Assert.Equal(before, await SnapshotAsync("26-90001"));
        Assert.Empty(await _kb.Versions.GetVersionsAsync("26-90001", Ct));
    }

    [Fact]
    public async Task A_new_version_from_the_same_source_replaces_the_document_with_a_version_record_and_an_audit_entry()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Paper("26-30001", DocumentType.Anfrage, "Radwege Oststadt", "Erste Fassung über Radwege.", Visibility.Public, "eingang/radwege.md")], null, Ct);

        var edited = Paper("26-30001", DocumentType.Anfrage, "Radwege in der Oststadt", "Zweite Fassung über Radwege und Ampeln.", Visibility.Public, "eingang/radwege.md");
        var report = await _kb.Pipeline.IngestDocumentsAsync([edited], new IngestionRequest { UserName = "clerk" }, null, Ct);

        var replaced = Assert.Single(report.Updated);
        Assert.Equal(("26-30001", false), (replaced.Id, replaced.VisibilityChanged));
        Assert.Contains("Ampeln", string.Join(' ', (await _kb.Index.GetChunksAsync("26-30001", Everything, Ct)).Select(c => c.Text)), StringComparison.Ordinal);
        var version = Assert.Single(await _kb.Versions.GetVersionsAsync("26-30001", Ct));
        Assert.Equal(("Radwege Oststadt", "clerk"), (version.Previous.Title, version.ReplacedBy));
        Assert.Contains("Erste Fassung", string.Join(' ', version.PreviousChunks), StringComparison.Ordinal);
        var audit = Assert.Single(await _kb.Audit.ReadAsync(10, AuditActions.DocumentReplaced, Ct));
        Assert.Equal(("clerk", "26-30001"), (audit.UserName, audit.Target));
    }

    [Fact]
    public async Task A_corrected_file_of_the_same_type_and_title_from_elsewhere_is_a_new_version()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Paper("26-30002", DocumentType.Mitteilung, "Hitzeaktionsplan 2026", "Entwurf.", Visibility.Public, "korpus.jsonl:4")], null, Ct);

        var report = await _kb.Pipeline.IngestDocumentsAsync([Paper("26-30002", DocumentType.Mitteilung, "Hitzeaktionsplan  2026.", "Endfassung.", Visibility.Public, "/uploads/20260501/hitze.pdf")], null, Ct);

        Assert.Equal("26-30002", Assert.Single(report.Updated).Id);
    }

    [Fact]
    public async Task An_update_never_makes_a_nichtoeffentlich_paper_public_without_the_explicit_option()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Paper("26-30003", DocumentType.Vorlage, "Kaufpreis Nord", "Vertraulicher Kaufpreis.", Visibility.NonPublic, "vorlage.md")], null, Ct);
        var published = Paper("26-30003", DocumentType.Vorlage, "Kaufpreis Nord", "Beschlossener Kaufpreis.", Visibility.Public, "vorlage.md");

        var refused = await _kb.Pipeline.IngestDocumentsAsync([published], null, Ct);
        Assert.Contains("nichtöffentlich auf öffentlich", Assert.Single(refused.Refused).Reason, StringComparison.Ordinal);
        Assert.Null(await _kb.Index.GetDocumentAsync("26-30003", SearchFilter.PublicOnly, Ct));

        var allowed = await _kb.Pipeline.IngestDocumentsAsync([published], new IngestionRequest { AllowVisibilityChange = true, UserName = "admin" }, null, Ct);
        Assert.True(Assert.Single(allowed.Updated).VisibilityChanged);
        Assert.NotNull(await _kb.Index.GetDocumentAsync("26-30003", SearchFilter.PublicOnly, Ct));
        var change = Assert.Single(await _kb.Audit.ReadAsync(10, AuditActions.VisibilityChanged, Ct));
        Assert.Equal(("admin", "26-30003", "nichtöffentlich → öffentlich"), (change.UserName, change.Target, change.Detail));
    }

    [Fact]
    public async Task Reingesting_identical_content_stays_unchanged_and_records_nothing()
    {
        var paper = Paper("26-30004", DocumentType.Mitteilung, "Bänke", "Neue Bänke im Park.", Visibility.Public, "a.md");
        await _kb.Pipeline.IngestDocumentsAsync([paper], null, Ct);

        var report = await _kb.Pipeline.IngestDocumentsAsync([paper with { Source = "anderswo/a.md" }], null, Ct);

        Assert.Equal((0, 0, 1, 0), (report.New, report.Updated.Count, report.Unchanged, report.Refused.Count));
        Assert.Empty(await _kb.Versions.GetVersionsAsync("26-30004", Ct));
    }

    [Fact]
    public async Task Two_inputs_of_one_run_with_the_same_id_and_different_content_keep_the_first_and_refuse_the_second()
    {
        var first = Paper("notiz", DocumentType.Other, "Notiz", "Erste Notiz.", Visibility.Public, "notiz.md");
        var second = Paper("notiz", DocumentType.Other, "Notiz", "Zweite Notiz.", Visibility.Public, "notiz.txt");

        var report = await _kb.Pipeline.IngestDocumentsAsync([first, second, first], null, Ct);

        Assert.Equal((1, 1, 1), (report.New, report.Refused.Count, report.Unchanged));
        Assert.Contains("notiz.md", report.Refused[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Erste", (await _kb.Index.GetChunksAsync("notiz", Everything, Ct))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_the_same_replacement_twice_keeps_one_record_and_one_audit_entry()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Paper("26-30005", DocumentType.Mitteilung, "Bäder", "Alt.", Visibility.Public, "b.md")], null, Ct);
        var stored = (await _kb.Index.GetDocumentAsync("26-30005", Everything, Ct))!;
        var replacement = new DocumentReplacement(stored, ["Alt."], "b.md", "neuerhash", "Bäder", Visibility.Public, "system");

        // A crash after the record and before the index write: the re-run records the same replacement again.
        await _kb.Versions.RecordReplacementAsync(replacement, Ct);
        await _kb.Versions.RecordReplacementAsync(replacement, Ct);

        Assert.Single(await _kb.Versions.GetVersionsAsync("26-30005", Ct));
        Assert.Single(await _kb.Audit.ReadAsync(10, AuditActions.DocumentReplaced, Ct));
    }

    [Fact]
    public void Same_paper_means_same_source_file_or_same_url_or_same_type_and_title()
    {
        var stored = new Storage.StoredDocument { Id = "1", Type = DocumentType.Anfrage, Title = "Radwege", Source = "data/corpus.jsonl:7", Url = "https://rat.example/vo/1", ContentHash = "h", ChunkCount = 1 };
        Assert.True(PaperIdentity.IsSamePaper(stored, Paper("1", DocumentType.Mitteilung, "Anders", "x", Visibility.Public, "data/corpus.jsonl:9")));
        Assert.True(PaperIdentity.IsSamePaper(stored, Paper("1", DocumentType.Mitteilung, "Anders", "x", Visibility.Public, "neu.pdf") with { Url = "https://rat.example/vo/1" }));
        Assert.True(PaperIdentity.IsSamePaper(stored, Paper("1", DocumentType.Anfrage, "RADWEGE!", "x", Visibility.Public, "neu.pdf")));
        Assert.False(PaperIdentity.IsSamePaper(stored, Paper("1", DocumentType.Stellungnahme, "Radwege", "x", Visibility.Public, "neu.pdf")));
        Assert.False(PaperIdentity.IsSamePaper(stored, Paper("1", DocumentType.Anfrage, "Radwege Nord", "x", Visibility.Public, "data/other.jsonl:7")));
    }

    [Fact]
    public async Task Only_rechunking_unchanged_content_writes_no_version_record()
    {
        var paper = Paper("26-30006", DocumentType.Mitteilung, "Kitas", "Neue Kita-Plätze.", Visibility.Public, "k.md");
        await _kb.Pipeline.IngestDocumentsAsync([paper], null, Ct);
        await SetStoredHashAsync("26-30006", IngestionPipeline.ContentHash(paper, DocumentChunker.Version - 1));

        // Stored by the previous chunker version: same content, so only the passages are rewritten.
        var rerun = await _kb.Pipeline.IngestDocumentsAsync([paper], null, Ct);
        Assert.Equal((1, 0, 0), (rerun.Rechunked, rerun.Updated.Count, rerun.Refused.Count));
        Assert.Equal(IngestionPipeline.ContentHash(paper), (await _kb.Index.GetDocumentAsync("26-30006", Everything, Ct))?.ContentHash);
        Assert.Empty(await _kb.Versions.GetVersionsAsync("26-30006", Ct));
    }

    private async Task SetStoredHashAsync(string id, string hash)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_kb.Index.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE documents SET content_hash = $hash WHERE id = $id";
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    private async Task<string> SnapshotAsync(string id)
    {
        var document = await _kb.Index.GetDocumentAsync(id, Everything, Ct);
        var chunks = await _kb.Index.GetChunksAsync(id, Everything, Ct);
        return $"{document?.ContentHash}|{document?.Visibility}|{document?.Title}|{document?.Source}|{string.Join('|', chunks.Select(c => c.Text))}";
    }

    private static SourceDocument Paper(string id, DocumentType type, string title, string text, Visibility visibility, string source) =>
        new() { Id = id, Type = type, Title = title, Text = text, Visibility = visibility, Source = source };
}

using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Drafting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

/// <summary>An app-state database written before the workflow columns existed is migrated in place, keeping every answer.</summary>
public sealed class AppStateMigrationTests
{
    private const string LegacyDraft = "Zu Frage 1: Vorschlag aus früheren Stellungnahmen (bitte prüfen und anpassen):\n\n[1] Die Beleuchtung wird 2026 ergänzt.";
    private const string PersonsText = "Zu Frage 2: Der Winterdienst räumt Radwege zuerst. Vorschlag aus früheren Stellungnahmen bleibt hier stehen, weil es ein Mensch schrieb.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_version_1_database_is_migrated_and_keeps_every_answer_with_the_old_note_moved_out_of_the_text()
    {
        using var directory = new TempDirectory();
        await WriteVersion1DatabaseAsync(Path.Combine(directory.Path, AppStateDatabase.FileName));
        using var database = new AppStateDatabase(Options.Create(new AssistantOptions { DataDirectory = directory.Path }));
        var answers = new AnswerStore(database);
        var inquiries = new InquiryStore(database, Options.Create(new ReviewOptions()));

        var stored = await answers.GetAnswersAsync("20250301-aaaabbbb", Ct);
        var record = await inquiries.GetAsync("20250301-aaaabbbb", Ct);
        var versions = await answers.GetVersionsAsync("20250301-aaaabbbb", Ct);

        Assert.Equal(3, stored.Count);
        var draft = stored[0];
        Assert.Equal("[1] Die Beleuchtung wird 2026 ergänzt.", draft.Text);
        Assert.Equal(ExtractiveDrafter.ProposalLabel + ExtractiveDrafter.ProposalHint, draft.Note);
        Assert.Equal(DraftSource.Draft, draft.TextSource);
        Assert.True(draft.IsUntouchedProposal);
        Assert.Equal("sachbearbeitung", draft.TextBy);
        Assert.Equal(2, draft.Version);
        Assert.Single(draft.Citations);

        // A person's text stays exactly as typed, and its author is known for the four-eyes rule.
        var edited = stored[1];
        Assert.Equal(PersonsText, edited.Text);
        Assert.Equal(DraftSource.Edit, edited.TextSource);
        Assert.Equal("fachbereichsleitung", edited.TextBy);
        Assert.Null(edited.Note);

        // Never drafted: nothing to move.
        Assert.Equal(AnswerStatus.Open, stored[2].Status);
        Assert.Equal(string.Empty, stored[2].Text);

        Assert.Equal(new DateOnly(2025, 3, 13), record!.Deadline);
        Assert.False(record.DeadlineSetByHand);
        Assert.Equal(3, versions.Count);
        Assert.Contains(versions, v => v.Text == PersonsText);
        Assert.Equal(AppStateDatabase.SchemaVersion, await SchemaVersionAsync(database));

        // The new tables work on the migrated file.
        await answers.MarkSeenAsync("20250301-aaaabbbb", "fachbereichsleitung", [(1, 2)], DateTimeOffset.UtcNow, Ct);
        Assert.Equal(2, (await answers.GetSeenAsync("20250301-aaaabbbb", "fachbereichsleitung", Ct))[1]);
    }

    [Fact]
    public async Task A_database_of_a_newer_version_is_refused_with_a_clear_message_and_left_untouched()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, AppStateDatabase.FileName);
        await WriteVersion1DatabaseAsync(path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO app_meta VALUES ('schema_version', '99');";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var database = new AppStateDatabase(Options.Create(new AssistantOptions { DataDirectory = directory.Path }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenAsync(Ct));

        Assert.Contains("Schema-Version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_draft_text_splits_into_answer_and_note_only_in_its_exact_old_form()
    {
        Assert.Equal(("[1] Text.", ExtractiveDrafter.AdministrationPapersLabel + ExtractiveDrafter.ProposalHint),
            AppStateMigrations.SplitLegacyDraft("Zu Frage 4: " + ExtractiveDrafter.AdministrationPapersLabel + " (bitte prüfen und anpassen):\n\n[1] Text.", 4));
        Assert.Equal((string.Empty, ExtractiveDrafter.NothingFound), AppStateMigrations.SplitLegacyDraft("Zu Frage 3: " + ExtractiveDrafter.NothingFound, 3));
        Assert.Equal(("Die Verwaltung prüft.", null), AppStateMigrations.SplitLegacyDraft("Zu Frage 2: Die Verwaltung prüft.", 2));
        Assert.Equal(("Eigener Text.", null), AppStateMigrations.SplitLegacyDraft("Eigener Text.", 1));
    }

    private static async Task<int> SchemaVersionAsync(AppStateDatabase database)
    {
        await using var connection = await database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM app_meta WHERE key = 'schema_version'";
        return int.Parse((string)(await command.ExecuteScalarAsync(Ct))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The file as the app wrote it before schema versions: the version-1 tables and rows of that time.</summary>
    private static async Task WriteVersion1DatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = AppStateMigrations.V1Baseline + """
            INSERT INTO app_inquiries (id, drucksache, title, committee, session_date, visibility, inquiry_json, source_name, created_by, created_at)
            VALUES ('20250301-aaaabbbb', '25-30001', 'Beleuchtung Ringgleis', 'Mobilitätsausschuss', '2025-03-20', 0,
                    '{"id":"25-30001","subject":"Beleuchtung Ringgleis","committee":"Mobilitätsausschuss","sessionDate":"2025-03-20","references":[],"questions":[{"number":1,"text":"Wann?"},{"number":2,"text":"Wie?"},{"number":3,"text":"Wer?"}]}',
                    'anfrage.txt', 'sachbearbeitung', '2025-03-01T08:00:00.0000000+00:00');
            INSERT INTO app_answers VALUES ('20250301-aaaabbbb', 1, 'Wann?', 1, $draft, 0,
                    '[{"marker":"[1]","documentId":"24-11001-01","chunkId":"24-11001-01#1","title":"Beleuchtung","text":"Zu Frage 1: Die Beleuchtung wird 2026 ergänzt."}]', '[]', 2, 'sachbearbeitung', '2025-03-01T08:01:00.0000000+00:00');
            INSERT INTO app_answers VALUES ('20250301-aaaabbbb', 2, 'Wie?', 2, $person, 0, '[]', '[]', 3, 'fachbereichsleitung', '2025-03-02T08:00:00.0000000+00:00');
            INSERT INTO app_answers VALUES ('20250301-aaaabbbb', 3, 'Wer?', 0, '', NULL, '[]', '[]', 0, NULL, NULL);
            INSERT INTO app_answer_versions (inquiry_id, number, version, text, author, created_at, source) VALUES
                ('20250301-aaaabbbb', 1, 2, $draft, 'sachbearbeitung', '2025-03-01T08:01:00.0000000+00:00', 0),
                ('20250301-aaaabbbb', 2, 1, 'Zu Frage 2: Entwurf.', 'sachbearbeitung', '2025-03-01T08:01:00.0000000+00:00', 0),
                ('20250301-aaaabbbb', 2, 3, $person, 'fachbereichsleitung', '2025-03-02T08:00:00.0000000+00:00', 1);
            """;
        command.Parameters.AddWithValue("$draft", LegacyDraft);
        command.Parameters.AddWithValue("$person", PersonsText);
        await command.ExecuteNonQueryAsync(Ct);
    }
}

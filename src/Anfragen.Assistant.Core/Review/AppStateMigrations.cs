using Anfragen.Assistant.Drafting;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The versions of the app-state schema, oldest first; <c>app_meta.schema_version</c> records how many have run. A
/// database without that row is from before versioning: its tables are the baseline (created if missing). Each later
/// step runs once, in one write transaction with the version update, so an interrupted start leaves the old schema
/// intact and the next start tries again. Steps add columns and tables; stored answers are never dropped.
/// </summary>
internal static class AppStateMigrations
{
    public static IReadOnlyList<Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>> Steps { get; } =
    [
        (c, t, ct) => AppStateDatabase.ExecuteAsync(c, V1Baseline, ct, t),
        V2WorkflowAsync,
        (c, t, ct) => AppStateDatabase.ExecuteAsync(c, V3ChatVisibility, ct, t),
    ];

    public static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: a second process opening the same file waits here and then finds the schema current.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await AppStateDatabase.ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);", cancellationToken, transaction).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (version > Steps.Count)
        {
            throw new InvalidOperationException(
                $"{path}: die App-Datenbank hat die Schema-Version {version}, dieses Programm kennt nur bis {Steps.Count}. Bitte die neuere Programmversion verwenden.");
        }

        if (version == Steps.Count)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var step = version; step < Steps.Count; step++)
        {
            await Steps[step](connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "INSERT INTO app_meta (key, value) VALUES ('schema_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            update.Parameters.AddWithValue("$v", Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM app_meta WHERE key = 'schema_version'";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;

        // No row: a fresh file, or one from before versioning; the baseline step creates what is missing either way.
        return value is null ? 0 : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Version 2: the department workflow. Answers get the assistant's note beside the text (instead of inside it), where
    /// the text came from and who put it in (four-eyes rule), a proposal waiting beside a person's text, and an assignee;
    /// inquiries a deadline set by hand and an assignee; versions their citations and note; a table of the version each
    /// person last saw. Drafts stored before kept their note inside the text ("Zu Frage 1: Vorschlag aus früheren
    /// Stellungnahmen (bitte prüfen und anpassen): …"): that exact prefix of an untouched draft moves into the note.
    /// </summary>
    private static async Task V2WorkflowAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await AppStateDatabase.ExecuteAsync(connection, V2Schema, cancellationToken, transaction).ConfigureAwait(false);
        foreach (var table in new[] { "app_answers", "app_answer_versions" })
        {
            var source = table == "app_answers" ? "text_source" : "source";
            var rows = new List<(long RowId, int Number, string Text)>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"SELECT rowid, number, text FROM {table} WHERE {source} = 0 AND text <> ''";
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2)));
                }
            }

            foreach (var (rowId, number, text) in rows)
            {
                var (clean, note) = SplitLegacyDraft(text, number);
                if (clean == text)
                {
                    continue;
                }

                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = $"UPDATE {table} SET text = $text, note = $note WHERE rowid = $id";
                update.Parameters.AddWithValue("$text", clean);
                update.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
                update.Parameters.AddWithValue("$id", rowId);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A draft as version 1 stored it: "Zu Frage n: " + label + " (bitte prüfen und anpassen):" + passages, or + the nothing-found sentence.</summary>
    internal static (string Text, string? Note) SplitLegacyDraft(string text, int number)
    {
        var body = AnswerHeading.StripOwn(text, number);
        if (body == ExtractiveDrafter.NothingFound)
        {
            return (string.Empty, ExtractiveDrafter.NothingFound);
        }

        foreach (var label in new[] { ExtractiveDrafter.ProposalLabel, ExtractiveDrafter.AdministrationPapersLabel })
        {
            var prefix = label + ExtractiveDrafter.ProposalHint + ":";
            if (body.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (body[prefix.Length..].Trim(), label + ExtractiveDrafter.ProposalHint);
            }
        }

        return (body, null);
    }

    internal const string V1Baseline = """
        CREATE TABLE IF NOT EXISTS app_inquiries (
            id TEXT PRIMARY KEY,
            drucksache TEXT NULL,
            title TEXT NOT NULL,
            committee TEXT NULL,
            session_date TEXT NULL,
            visibility INTEGER NOT NULL,
            inquiry_json TEXT NOT NULL,
            source_name TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            archived_document_id TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS app_answers (
            inquiry_id TEXT NOT NULL REFERENCES app_inquiries(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            question TEXT NOT NULL,
            status INTEGER NOT NULL,
            text TEXT NOT NULL,
            mode INTEGER NULL,
            citations_json TEXT NOT NULL,
            invalid_citations_json TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_by TEXT NULL,
            updated_at TEXT NULL,
            PRIMARY KEY (inquiry_id, number)
        );
        CREATE TABLE IF NOT EXISTS app_answer_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            inquiry_id TEXT NOT NULL REFERENCES app_inquiries(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            version INTEGER NOT NULL,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            source INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS app_answer_versions_answer ON app_answer_versions(inquiry_id, number);
        CREATE TABLE IF NOT EXISTS app_review_comments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            inquiry_id TEXT NOT NULL REFERENCES app_inquiries(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            action TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS app_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS app_audit_at ON app_audit(at);
        CREATE TABLE IF NOT EXISTS app_user_clearance (
            user_name TEXT PRIMARY KEY,
            cleared INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS app_chat_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_name TEXT NOT NULL,
            role INTEGER NOT NULL,
            text TEXT NOT NULL,
            citations_json TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS app_chat_messages_user ON app_chat_messages(user_name, id);
        CREATE TABLE IF NOT EXISTS app_document_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL COLLATE NOCASE,
            replaced_at TEXT NOT NULL,
            replaced_by TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            new_hash TEXT NOT NULL,
            new_source TEXT NULL,
            previous_json TEXT NOT NULL,
            previous_chunks_json TEXT NOT NULL,
            UNIQUE (document_id, previous_hash, new_hash)
        );
        """;


    private const string V2Schema = """
        ALTER TABLE app_answers ADD COLUMN note TEXT NULL;
        ALTER TABLE app_answers ADD COLUMN text_source INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE app_answers ADD COLUMN text_by TEXT NULL;
        ALTER TABLE app_answers ADD COLUMN proposal_json TEXT NULL;
        ALTER TABLE app_answers ADD COLUMN assignee_json TEXT NULL;
        ALTER TABLE app_inquiries ADD COLUMN due_date TEXT NULL;
        ALTER TABLE app_inquiries ADD COLUMN assignee_json TEXT NULL;
        ALTER TABLE app_answer_versions ADD COLUMN citations_json TEXT NULL;
        ALTER TABLE app_answer_versions ADD COLUMN note TEXT NULL;
        CREATE TABLE IF NOT EXISTS app_answer_seen (
            inquiry_id TEXT NOT NULL REFERENCES app_inquiries(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            user_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (inquiry_id, number, user_name)
        );
        UPDATE app_answers SET
            text_source = COALESCE((SELECT v.source FROM app_answer_versions v WHERE v.inquiry_id = app_answers.inquiry_id AND v.number = app_answers.number ORDER BY v.id DESC LIMIT 1), 0),
            text_by = (SELECT v.author FROM app_answer_versions v WHERE v.inquiry_id = app_answers.inquiry_id AND v.number = app_answers.number ORDER BY v.id DESC LIMIT 1);
        """;

    /// <summary>
    /// Version 3: every chat message keeps the most restrictive visibility of what went into its prompt; messages stored
    /// before (NULL) count as nichtöffentlich, so they are withheld from readers without clearance.
    /// </summary>
    private const string V3ChatVisibility = """
        ALTER TABLE app_chat_messages ADD COLUMN visibility INTEGER NULL;
        """;
}

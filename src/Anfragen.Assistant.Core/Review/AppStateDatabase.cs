using Anfragen.Assistant.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The app-state tables (prefix <c>app_</c>) in the archive's SQLite file <c>{DataDirectory}/anfragen.db</c>.
/// Every connection is opened with WAL and <c>synchronous=FULL</c>: an approval, once confirmed, survives a power cut.
/// The schema is created on first use; statements are plain SQL so the store can move to PostgreSQL later.
/// </summary>
public sealed class AppStateDatabase(IOptions<AssistantOptions> options) : IDisposable
{
    public const string FileName = "anfragen.db";

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;

    public string DatabasePath => Path.Combine(options.Value.ResolvedDataDirectory, FileName);

    /// <summary>An open connection with the pragmas set and the schema in place. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.ResolvedDataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => _schemaLock.Dispose();

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady))
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _schemaReady, true);
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string Schema = """
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
}

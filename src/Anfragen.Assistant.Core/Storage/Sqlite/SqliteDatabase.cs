using System.Globalization;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// The archive's SQLite file: connections (WAL, synchronous=FULL, the <c>fold</c> function), the schema and its
/// migrations, and <c>kb_meta</c> (embedding model, the generation every write bumps, document and chunk counts).
/// <c>keyword_log</c> records, in the transaction of each write, which document changed at which generation: the
/// derived structures (the Lucene keyword index on disk, the in-memory vector matrix) replay it to catch up with writes
/// of other processes and, for the keyword index, after a crash.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string ConnectionString => _connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(_connectionString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection outside the pool (integrity checks must not trust state a pooled connection cached).</summary>
    public async Task<SqliteConnection> OpenUnpooledAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString(), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT value FROM kb_meta WHERE key = 'embedding_model'), (SELECT value FROM kb_meta WHERE key = 'embedding_dimensions')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.IsDBNull(0) || reader.IsDBNull(1)
            ? null
            : new EmbeddingModelInfo(reader.GetString(0), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    public static async Task SetMetaAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO kb_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> ReadCounterAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT CAST(value AS INTEGER) FROM kb_meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : 0L;
    }

    public static Task<long> ReadGenerationAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        ReadCounterAsync(connection, transaction, "generation", cancellationToken);

    /// <summary>Records that <paramref name="documentKey"/> changed, bumping the generation and the counts; returns the new generation.</summary>
    public static async Task<long> LogChangeAsync(SqliteConnection connection, SqliteTransaction transaction, string documentKey, long documentsAdded, long chunksAdded, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE kb_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
            UPDATE kb_meta SET value = CAST(value AS INTEGER) + $documents WHERE key = 'document_count';
            UPDATE kb_meta SET value = CAST(value AS INTEGER) + $chunks WHERE key = 'chunk_count';
            INSERT INTO keyword_log (generation, document_key) SELECT CAST(value AS INTEGER), $key FROM kb_meta WHERE key = 'generation'
            RETURNING generation;
            """;
        command.Parameters.AddWithValue("$documents", documentsAdded);
        command.Parameters.AddWithValue("$chunks", chunksAdded);
        command.Parameters.AddWithValue("$key", documentKey);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The documents changed after <paramref name="generation"/>, each once, with the generation of its last change; and the oldest generation still logged.</summary>
    public static async Task<(IReadOnlyList<string> Keys, long OldestLogged)> ChangesAfterAsync(SqliteConnection connection, SqliteTransaction transaction, long generation, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(min(generation), 0) FROM keyword_log";
        var oldest = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        command.CommandText = "SELECT document_key FROM keyword_log WHERE generation > $after GROUP BY document_key ORDER BY max(generation)";
        command.Parameters.AddWithValue("$after", generation);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return (keys, oldest);
    }

    /// <summary>Drops log entries every derived structure has settled (the keyword index committed them).</summary>
    public static async Task PruneLogAsync(SqliteConnection connection, SqliteTransaction transaction, long upToGeneration, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM keyword_log WHERE generation <= $upTo";
        command.Parameters.AddWithValue("$upTo", upToGeneration);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _schemaGate.Dispose();

    private static async Task<SqliteConnection> OpenRawAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Committee names hold umlauts, which SQLite's lower() does not fold; fold() is SearchFilter.Fold, so every
        // index and SearchFilter.Allows compare alike.
        connection.CreateFunction("fold", (string? value) => value is null ? null : SearchFilter.Fold(value), isDeterministic: true);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = await OpenRawAsync(_connectionString, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS documents (
                    id TEXT PRIMARY KEY COLLATE NOCASE,
                    type INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT,
                    committee TEXT,
                    visibility INTEGER NOT NULL,
                    url TEXT,
                    source TEXT,
                    content_hash TEXT NOT NULL,
                    chunk_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS chunks (
                    rowid INTEGER PRIMARY KEY,
                    chunk_id TEXT NOT NULL UNIQUE,
                    document_id TEXT NOT NULL COLLATE NOCASE REFERENCES documents(id),
                    ordinal INTEGER NOT NULL,
                    type INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT,
                    committee TEXT,
                    visibility INTEGER NOT NULL,
                    question_number INTEGER,
                    text TEXT NOT NULL,
                    vector BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS chunks_document ON chunks (document_id, ordinal);
                CREATE INDEX IF NOT EXISTS documents_date ON documents (date);
                CREATE TABLE IF NOT EXISTS keyword_log (generation INTEGER PRIMARY KEY, document_key TEXT NOT NULL);
                INSERT OR IGNORE INTO kb_meta (key, value) VALUES ('generation', '0');
                INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'chunk_count', count(*) FROM chunks;
                INSERT OR IGNORE INTO kb_meta (key, value) SELECT 'document_count', count(*) FROM documents;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            // Columns added after the first release: expansion terms of a chunk (document-side expansion).
            command.CommandText = "SELECT count(*) FROM pragma_table_info('chunks') WHERE name = 'expansion'";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
            {
                command.CommandText = "ALTER TABLE chunks ADD COLUMN expansion TEXT";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The FTS5 keyword table of earlier versions: the Lucene keyword index replaces it (rebuilt from the chunks).
            command.CommandText = "DROP TABLE IF EXISTS chunk_fts_vocab; DROP TABLE IF EXISTS chunk_fts;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}

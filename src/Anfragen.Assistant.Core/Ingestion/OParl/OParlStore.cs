using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// What the OParl import remembers, in its own SQLite file <c>{DataDirectory}/oparl.db</c> (WAL, <c>synchronous=FULL</c>),
/// apart from the archive index so the index's storage can change without it: the sync state and checkpoint per body,
/// per paper the document it became and its <c>modified</c> stamp, per file a fingerprint and the text read from it (so an
/// unchanged file is never downloaded again), and the links between papers (<see cref="IPaperLinks"/>).
/// </summary>
public sealed class OParlStore(IOptions<AssistantOptions> options) : IPaperLinks, IDisposable
{
    public const string FileName = "oparl.db";

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;

    public string DatabasePath => Path.Combine(options.Value.ResolvedDataDirectory, FileName);

    public void Dispose() => _schemaLock.Dispose();

    public async Task<OParlSyncState?> GetStateAsync(string bodyId, CancellationToken cancellationToken = default)
    {
        var states = await ReadStatesAsync("WHERE body_id = $body", bodyId, cancellationToken).ConfigureAwait(false);
        return states.Count > 0 ? states[0] : null;
    }

    /// <summary>Every body synced so far, by name; empty (and no file created) before the first import.</summary>
    public Task<IReadOnlyList<OParlSyncState>> ListStatesAsync(CancellationToken cancellationToken = default) =>
        File.Exists(DatabasePath) ? ReadStatesAsync(string.Empty, null, cancellationToken) : Task.FromResult<IReadOnlyList<OParlSyncState>>([]);

    public async Task SaveCheckpointAsync(OParlSyncState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oparl_sync (body_id, system_url, body_name, checkpoint_url, checkpoint_started_at, checkpoint_since, checkpoint_counts_json)
            VALUES ($body, $system, $name, $url, $started, $since, $counts)
            ON CONFLICT(body_id) DO UPDATE SET system_url = excluded.system_url, body_name = excluded.body_name, checkpoint_url = excluded.checkpoint_url,
                checkpoint_started_at = excluded.checkpoint_started_at, checkpoint_since = excluded.checkpoint_since, checkpoint_counts_json = excluded.checkpoint_counts_json
            """;
        command.Parameters.AddWithValue("$body", state.BodyId);
        command.Parameters.AddWithValue("$system", state.SystemUrl);
        command.Parameters.AddWithValue("$name", Db(state.BodyName));
        command.Parameters.AddWithValue("$url", Db(state.CheckpointUrl));
        command.Parameters.AddWithValue("$started", Db(Timestamp(state.CheckpointStartedAt)));
        command.Parameters.AddWithValue("$since", Db(Timestamp(state.CheckpointSince)));
        command.Parameters.AddWithValue("$counts", Db(state.CheckpointCounts is null ? null : JsonSerializer.Serialize(state.CheckpointCounts)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a finished run and clears its checkpoint: the next run asks for what changed since <paramref name="since"/>.</summary>
    public async Task CompleteAsync(string bodyId, string systemUrl, string? bodyName, DateTimeOffset since, DateTimeOffset completedAt, OParlSyncCounts counts, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oparl_sync (body_id, system_url, body_name, since, last_completed_at, last_counts_json)
            VALUES ($body, $system, $name, $since, $completed, $counts)
            ON CONFLICT(body_id) DO UPDATE SET system_url = excluded.system_url, body_name = excluded.body_name, since = excluded.since,
                last_completed_at = excluded.last_completed_at, last_counts_json = excluded.last_counts_json,
                checkpoint_url = NULL, checkpoint_started_at = NULL, checkpoint_since = NULL, checkpoint_counts_json = NULL
            """;
        command.Parameters.AddWithValue("$body", bodyId);
        command.Parameters.AddWithValue("$system", systemUrl);
        command.Parameters.AddWithValue("$name", Db(bodyName));
        command.Parameters.AddWithValue("$since", Timestamp(since));
        command.Parameters.AddWithValue("$completed", Timestamp(completedAt));
        command.Parameters.AddWithValue("$counts", JsonSerializer.Serialize(counts));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored papers among <paramref name="paperIds"/>, by id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredPaper>> GetPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var result = new Dictionary<string, StoredPaper>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT paper_id, body_id, document_id, type, modified, mapping_version, state FROM oparl_papers WHERE paper_id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var paper = new StoredPaper(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                (DocumentType)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), (StoredPaperState)reader.GetInt32(6));
            result[paper.PaperId] = paper;
        }

        return result;
    }

    /// <summary>The paper (other than <paramref name="exceptPaperId"/>) whose document has this id, or null.</summary>
    public async Task<string?> FindPaperOfDocumentAsync(string documentId, string exceptPaperId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT paper_id FROM oparl_papers WHERE document_id = $doc AND paper_id <> $paper LIMIT 1";
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$paper", exceptPaperId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<IReadOnlyList<StoredFile>> GetFilesAsync(string paperId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT file_id, fingerprint, text, problem FROM oparl_files WHERE paper_id = $paper";
        command.Parameters.AddWithValue("$paper", paperId);
        var files = new List<StoredFile>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(new StoredFile(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return files;
    }

    /// <summary>Replaces what is remembered of one paper (row, files, links) in one transaction.</summary>
    public async Task SavePaperAsync(StoredPaper paper, IReadOnlyList<StoredFile> files, IReadOnlyList<PaperLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(links);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await DeletePaperRowsAsync(connection, transaction, paper.PaperId, cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO oparl_papers (paper_id, body_id, document_id, type, modified, mapping_version, state) VALUES ($paper, $body, $doc, $type, $modified, $version, $state)";
            command.Parameters.AddWithValue("$paper", paper.PaperId);
            command.Parameters.AddWithValue("$body", paper.BodyId);
            command.Parameters.AddWithValue("$doc", Db(paper.DocumentId));
            command.Parameters.AddWithValue("$type", (int)paper.Type);
            command.Parameters.AddWithValue("$modified", Db(paper.Modified));
            command.Parameters.AddWithValue("$version", paper.MappingVersion);
            command.Parameters.AddWithValue("$state", (int)paper.State);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in files)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO oparl_files (paper_id, file_id, fingerprint, text, problem) VALUES ($paper, $file, $fingerprint, $text, $problem)";
            command.Parameters.AddWithValue("$paper", paper.PaperId);
            command.Parameters.AddWithValue("$file", file.FileId);
            command.Parameters.AddWithValue("$fingerprint", file.Fingerprint);
            command.Parameters.AddWithValue("$text", Db(file.Text));
            command.Parameters.AddWithValue("$problem", Db(file.Problem));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var link in links.Distinct())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO oparl_links (paper_id, other_paper_id, relation) VALUES ($paper, $other, $relation)";
            command.Parameters.AddWithValue("$paper", paper.PaperId);
            command.Parameters.AddWithValue("$other", link.OtherPaperId);
            command.Parameters.AddWithValue("$relation", link.Relation);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a paper (a deleted one): its row, files and the links it stated.</summary>
    public async Task DeletePaperAsync(string paperId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await DeletePaperRowsAsync(connection, transaction, paperId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>A link counts from either side: an Anfrage listing its answer as subordinatedPaper, or the answer naming the Anfrage.</remarks>
    public async Task<IReadOnlyList<string>> LinkedDocumentIdsAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(DatabasePath))
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT o.document_id FROM oparl_papers p
            JOIN oparl_links l ON l.paper_id = p.paper_id OR l.other_paper_id = p.paper_id
            JOIN oparl_papers o ON o.paper_id = CASE WHEN l.paper_id = p.paper_id THEN l.other_paper_id ELSE l.paper_id END
            WHERE p.document_id = $doc AND p.state = 0 AND o.state = 0 AND o.document_id IS NOT NULL AND o.document_id <> $doc
            ORDER BY o.document_id
            """;
        command.Parameters.AddWithValue("$doc", documentId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task DeletePaperRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string paperId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM oparl_papers WHERE paper_id = $paper; DELETE FROM oparl_files WHERE paper_id = $paper; DELETE FROM oparl_links WHERE paper_id = $paper;";
        command.Parameters.AddWithValue("$paper", paperId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<OParlSyncState>> ReadStatesAsync(string where, string? bodyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT body_id, system_url, body_name, since, last_completed_at, last_counts_json, checkpoint_url, checkpoint_started_at, checkpoint_since, checkpoint_counts_json
            FROM oparl_sync {where} ORDER BY body_name, body_id
            """;
        if (bodyId is not null)
        {
            command.Parameters.AddWithValue("$body", bodyId);
        }

        var states = new List<OParlSyncState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(new OParlSyncState
            {
                BodyId = reader.GetString(0),
                SystemUrl = reader.GetString(1),
                BodyName = Text(reader, 2),
                Since = ParseTimestamp(Text(reader, 3)),
                LastCompletedAt = ParseTimestamp(Text(reader, 4)),
                LastCounts = Text(reader, 5) is { } last ? JsonSerializer.Deserialize<OParlSyncCounts>(last) : null,
                CheckpointUrl = Text(reader, 6),
                CheckpointStartedAt = ParseTimestamp(Text(reader, 7)),
                CheckpointSince = ParseTimestamp(Text(reader, 8)),
                CheckpointCounts = Text(reader, 9) is { } counts ? JsonSerializer.Deserialize<OParlSyncCounts>(counts) : null,
            });
        }

        return states;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.ResolvedDataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
            if (!Volatile.Read(ref _schemaReady))
            {
                await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _schemaReady, true);
                }
                finally
                {
                    _schemaLock.Release();
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object Db(object? value) => value ?? DBNull.Value;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Timestamp(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTimestamp(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS oparl_sync (
            body_id TEXT PRIMARY KEY,
            system_url TEXT NOT NULL,
            body_name TEXT NULL,
            since TEXT NULL,
            last_completed_at TEXT NULL,
            last_counts_json TEXT NULL,
            checkpoint_url TEXT NULL,
            checkpoint_started_at TEXT NULL,
            checkpoint_since TEXT NULL,
            checkpoint_counts_json TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS oparl_papers (
            paper_id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL,
            document_id TEXT NULL,
            type INTEGER NOT NULL,
            modified TEXT NULL,
            mapping_version INTEGER NOT NULL,
            state INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS oparl_papers_document ON oparl_papers(document_id);
        CREATE TABLE IF NOT EXISTS oparl_files (
            paper_id TEXT NOT NULL,
            file_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            text TEXT NULL,
            problem TEXT NULL,
            PRIMARY KEY (paper_id, file_id)
        );
        CREATE TABLE IF NOT EXISTS oparl_links (
            paper_id TEXT NOT NULL,
            other_paper_id TEXT NOT NULL,
            relation TEXT NOT NULL,
            PRIMARY KEY (paper_id, other_paper_id, relation)
        );
        CREATE INDEX IF NOT EXISTS oparl_links_other ON oparl_links(other_paper_id);
        """;
}

/// <summary>What became of a paper: imported into the index, refused (a nichtöffentlich document holds its id), or without readable text.</summary>
public enum StoredPaperState
{
    Imported = 0,
    Refused = 1,
    NoText = 2,
}

/// <summary>A paper as remembered after a sync; <see cref="Modified"/> is the server's stamp, compared as given.</summary>
public sealed record StoredPaper(string PaperId, string BodyId, string? DocumentId, DocumentType Type, string? Modified, int MappingVersion, StoredPaperState State);

/// <summary>A file of a paper: its fingerprint (modified, URLs, size, checksums) and the text read from it, or why none.</summary>
public sealed record StoredFile(string FileId, string Fingerprint, string? Text, string? Problem);

/// <summary>A link a paper states to another paper (relation: relatedPaper, superordinatedPaper, subordinatedPaper).</summary>
public sealed record PaperLink(string OtherPaperId, string Relation);

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Replaced archive documents (table <c>app_document_versions</c>): the previous metadata and passages, who replaced
/// them and from where, written together with the audit entries in one transaction. The same replacement recorded
/// twice (a re-run after a crash between this record and the index write) is kept once.
/// </summary>
public sealed class DocumentVersionLog(AppStateDatabase database, AuditLog audit, TimeProvider timeProvider) : IDocumentVersionLog
{
    /// <inheritdoc/>
    public async Task RecordReplacementAsync(DocumentReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var previous = replacement.Previous;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO app_document_versions (document_id, replaced_at, replaced_by, previous_hash, new_hash, new_source, previous_json, previous_chunks_json)
                VALUES ($id, $at, $by, $previousHash, $newHash, $newSource, $previous, $chunks)
                ON CONFLICT (document_id, previous_hash, new_hash) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", previous.Id);
            insert.Parameters.AddWithValue("$at", AppStateJson.Timestamp(timeProvider.GetUtcNow()));
            insert.Parameters.AddWithValue("$by", replacement.UserName);
            insert.Parameters.AddWithValue("$previousHash", previous.ContentHash);
            insert.Parameters.AddWithValue("$newHash", replacement.NewContentHash);
            insert.Parameters.AddWithValue("$newSource", (object?)replacement.NewSource ?? DBNull.Value);
            insert.Parameters.AddWithValue("$previous", AppStateJson.Serialize(previous));
            insert.Parameters.AddWithValue("$chunks", AppStateJson.Serialize(replacement.PreviousChunks));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return; // already recorded by an earlier, interrupted run
            }
        }

        var detail = $"neue Fassung „{replacement.NewTitle}“ aus {replacement.NewSource ?? "unbekannt"} ersetzt „{previous.Title}“ aus {previous.Source ?? "unbekannt"} (vorige Fassung aufbewahrt)";
        await audit.WriteAsync(connection, transaction, replacement.UserName, AuditActions.DocumentReplaced, previous.Id, detail, cancellationToken).ConfigureAwait(false);
        if (previous.Visibility != replacement.NewVisibility)
        {
            await audit.WriteAsync(connection, transaction, replacement.UserName, AuditActions.VisibilityChanged, previous.Id,
                $"{previous.Visibility.ToGerman()} → {replacement.NewVisibility.ToGerman()}", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The previous versions of a document, newest first.</summary>
    public async Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, document_id, replaced_at, replaced_by, new_source, previous_json, previous_chunks_json FROM app_document_versions WHERE document_id = $id ORDER BY id DESC";
        command.Parameters.AddWithValue("$id", documentId);
        var list = new List<DocumentVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DocumentVersion(
                reader.GetInt64(0),
                reader.GetString(1),
                AppStateJson.ParseTimestamp(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                AppStateJson.Deserialize<StoredDocument>(reader.GetString(5)),
                AppStateJson.Deserialize<List<string>>(reader.GetString(6))));
        }

        return list;
    }
}

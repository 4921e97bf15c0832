using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Review;

/// <summary>
/// The append-only audit log (table <c>app_audit</c>). Every access to a nichtöffentlich document and every
/// approval is written here, with who and when; the Administration page reads it.
/// </summary>
public sealed class AuditLog(AppStateDatabase database, TimeProvider timeProvider)
{
    public async Task WriteAsync(string userName, string action, string target, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(connection, null, userName, action, target, detail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes inside the caller's transaction, so the entry and the change it records commit together.</summary>
    internal async Task WriteAsync(SqliteConnection connection, SqliteTransaction? transaction, string userName, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO app_audit (at, user_name, action, target, detail) VALUES ($at, $user, $action, $target, $detail)";
        command.Parameters.AddWithValue("$at", AppStateJson.Timestamp(timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue("$user", userName);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one access entry per distinct non-public document id (nothing when the list is empty).</summary>
    public async Task RecordNonPublicAccessAsync(string userName, IEnumerable<string> documentIds, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var id in documentIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await WriteAsync(userName, AuditActions.NonPublicAccess, id, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The newest entries first, optionally only those of one action.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, string? action = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, user_name, action, target, detail FROM app_audit WHERE $action IS NULL OR action = $action ORDER BY id DESC LIMIT $take";
        command.Parameters.AddWithValue("$action", (object?)action ?? DBNull.Value);
        command.Parameters.AddWithValue("$take", Math.Clamp(take, 1, 10_000));
        var list = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), AppStateJson.ParseTimestamp(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return list;
    }
}

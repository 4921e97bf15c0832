using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Each user's conversation with the archive (table <c>app_chat_messages</c>), kept across sessions. Every message
/// keeps the most restrictive visibility of what went into it; a message from before that was recorded (NULL) counts
/// as nichtöffentlich.
/// </summary>
public sealed class ChatHistoryStore(AppStateDatabase database, TimeProvider timeProvider)
{
    public async Task<ChatMessageRecord> AppendAsync(string userName, ChatRole role, string text, IReadOnlyList<Citation> citations, Visibility visibility, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(text);
        var at = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO app_chat_messages (user_name, role, text, citations_json, created_at, visibility) VALUES ($user, $role, $text, $citations, $at, $visibility) RETURNING id";
        command.Parameters.AddWithValue("$user", userName);
        command.Parameters.AddWithValue("$role", (int)role);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$citations", AppStateJson.Serialize(citations));
        command.Parameters.AddWithValue("$at", AppStateJson.Timestamp(at));
        command.Parameters.AddWithValue("$visibility", VisibilityCodes.ToCode(visibility));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new ChatMessageRecord(id, role, text, citations, at) { Visibility = visibility };
    }

    /// <summary>The user's last <paramref name="take"/> messages, oldest first, as stored (see <see cref="ArchiveAccess.VisibleToAsync"/> for what a reader may see).</summary>
    public async Task<IReadOnlyList<ChatMessageRecord>> GetAsync(string userName, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, role, text, citations_json, created_at, visibility FROM
              (SELECT * FROM app_chat_messages WHERE user_name = $user ORDER BY id DESC LIMIT $take)
            ORDER BY id
            """;
        command.Parameters.AddWithValue("$user", userName);
        command.Parameters.AddWithValue("$take", Math.Clamp(take, 1, 1000));
        var list = new List<ChatMessageRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ChatMessageRecord(reader.GetInt64(0), (ChatRole)reader.GetInt32(1), reader.GetString(2), AppStateJson.Deserialize<List<Citation>>(reader.GetString(3)), AppStateJson.ParseTimestamp(reader.GetString(4)))
            {
                Visibility = reader.IsDBNull(5) ? Visibility.NonPublic : VisibilityCodes.FromCode(reader.GetInt64(5)),
            });
        }

        return list;
    }

    public async Task ClearAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM app_chat_messages WHERE user_name = $user";
        command.Parameters.AddWithValue("$user", userName);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

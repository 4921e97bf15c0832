namespace Anfragen.Assistant.Review;

/// <summary>
/// Administrators' clearance decisions (table <c>app_user_clearance</c>). A stored decision overrides the clearance
/// claim of the sign-in, in both directions, so access can be withdrawn without touching the identity provider.
/// </summary>
public sealed class UserClearanceStore(AppStateDatabase database, AuditLog audit, TimeProvider timeProvider)
{
    public async Task<UserClearance?> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, cleared, changed_by, changed_at FROM app_user_clearance WHERE user_name = $user";
        command.Parameters.AddWithValue("$user", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new UserClearance(reader.GetString(0), reader.GetInt32(1) == 1, reader.GetString(2), AppStateJson.ParseTimestamp(reader.GetString(3)))
            : null;
    }

    public async Task<IReadOnlyList<UserClearance>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, cleared, changed_by, changed_at FROM app_user_clearance ORDER BY user_name";
        var list = new List<UserClearance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new UserClearance(reader.GetString(0), reader.GetInt32(1) == 1, reader.GetString(2), AppStateJson.ParseTimestamp(reader.GetString(3))));
        }

        return list;
    }

    /// <summary>Sets a user's clearance; only administrators may. Returns false when <paramref name="actor"/> is not one.</summary>
    public async Task<bool> SetAsync(Actor actor, string userName, bool cleared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (!actor.IsAdministrator)
        {
            return false;
        }

        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO app_user_clearance (user_name, cleared, changed_by, changed_at) VALUES ($user, $cleared, $by, $at)
                ON CONFLICT(user_name) DO UPDATE SET cleared = excluded.cleared, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """;
            command.Parameters.AddWithValue("$user", userName.Trim());
            command.Parameters.AddWithValue("$cleared", cleared ? 1 : 0);
            command.Parameters.AddWithValue("$by", actor.UserName);
            command.Parameters.AddWithValue("$at", AppStateJson.Timestamp(timeProvider.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor.UserName, AuditActions.ClearanceChanged, userName.Trim(), cleared ? "freigegeben" : "entzogen", cancellationToken).ConfigureAwait(false);
        return true;
    }
}

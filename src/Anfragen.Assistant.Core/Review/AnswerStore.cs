using Anfragen.Assistant.Drafting;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Answers, their versions and comments, and what each person last saw. Every change of text or status is a
/// compare-and-set on the row version, with its version row in the same transaction; a proposal beside the text and an
/// assignment change the row without a new version, so nobody editing at the time gets a conflict for them.
/// </summary>
public sealed class AnswerStore(AppStateDatabase database)
{
    private const string Columns = "inquiry_id, number, question, status, text, mode, citations_json, invalid_citations_json, version, updated_by, updated_at, note, text_source, text_by, proposal_json, assignee_json";

    public async Task<IReadOnlyList<AnswerRecord>> GetAnswersAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM app_answers WHERE inquiry_id = $id ORDER BY number";
        command.Parameters.AddWithValue("$id", inquiryId);
        var list = new List<AnswerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<AnswerRecord?> GetAnswerAsync(string inquiryId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAnswerAsync(connection, null, inquiryId, number, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compare-and-set on the answer row: applies <paramref name="change"/> only when the stored version equals
    /// <paramref name="expectedVersion"/> (null: unconditionally). Writes a version row when the text changes.
    /// Returns the updated answer, or the current one with <c>Updated = false</c> on a version mismatch.
    /// </summary>
    public async Task<(bool Updated, AnswerRecord? Answer)> UpdateAnswerAsync(
        string inquiryId, int number, int? expectedVersion, AnswerChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE takes the write lock up front, so the read-compare-write below cannot interleave with another writer.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await GetAnswerAsync(connection, transaction, inquiryId, number, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return (false, null);
        }

        if (expectedVersion is { } expected && expected != current.Version)
        {
            return (false, current);
        }

        var newText = change.Text is not null;
        var next = current with
        {
            Status = change.Status,
            Text = change.Text ?? current.Text,
            Note = newText ? change.Note : change.ClearNote ? null : current.Note,
            TextSource = newText ? change.Source : current.TextSource,
            TextBy = newText ? change.Author : current.TextBy,
            Mode = change.Mode ?? current.Mode,
            Citations = change.Citations ?? current.Citations,
            InvalidCitations = change.InvalidCitations ?? current.InvalidCitations,
            Proposal = change.ClearProposal ? null : current.Proposal,
            Version = current.Version + 1,
            UpdatedBy = change.Author,
            UpdatedAt = change.At,
        };

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE app_answers SET status = $status, text = $text, mode = $mode, citations_json = $citations,
                       invalid_citations_json = $invalid, version = $version, updated_by = $by, updated_at = $at,
                       note = $note, text_source = $source, text_by = $textBy, proposal_json = $proposal
                WHERE inquiry_id = $id AND number = $number AND version = $expected
                """;
            update.Parameters.AddWithValue("$status", (int)next.Status);
            update.Parameters.AddWithValue("$text", next.Text);
            update.Parameters.AddWithValue("$mode", next.Mode is { } mode ? (int)mode : DBNull.Value);
            update.Parameters.AddWithValue("$citations", AppStateJson.Serialize(next.Citations));
            update.Parameters.AddWithValue("$invalid", AppStateJson.Serialize(next.InvalidCitations));
            update.Parameters.AddWithValue("$version", next.Version);
            update.Parameters.AddWithValue("$by", change.Author);
            update.Parameters.AddWithValue("$at", AppStateJson.Timestamp(change.At));
            update.Parameters.AddWithValue("$note", (object?)next.Note ?? DBNull.Value);
            update.Parameters.AddWithValue("$source", (int)next.TextSource);
            update.Parameters.AddWithValue("$textBy", (object?)next.TextBy ?? DBNull.Value);
            update.Parameters.AddWithValue("$proposal", AppStateJson.SerializeOrNull(next.Proposal));
            update.Parameters.AddWithValue("$id", inquiryId);
            update.Parameters.AddWithValue("$number", number);
            update.Parameters.AddWithValue("$expected", current.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return (false, current);
            }
        }

        if (newText)
        {
            await using var version = connection.CreateCommand();
            version.Transaction = transaction;
            version.CommandText = """
                INSERT INTO app_answer_versions (inquiry_id, number, version, text, author, created_at, source, citations_json, note)
                VALUES ($id, $number, $version, $text, $author, $at, $source, $citations, $note)
                """;
            version.Parameters.AddWithValue("$id", inquiryId);
            version.Parameters.AddWithValue("$number", number);
            version.Parameters.AddWithValue("$version", next.Version);
            version.Parameters.AddWithValue("$text", next.Text);
            version.Parameters.AddWithValue("$author", change.Author);
            version.Parameters.AddWithValue("$at", AppStateJson.Timestamp(change.At));
            version.Parameters.AddWithValue("$source", (int)change.Source);
            version.Parameters.AddWithValue("$citations", AppStateJson.Serialize(next.Citations));
            version.Parameters.AddWithValue("$note", (object?)next.Note ?? DBNull.Value);
            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (true, next);
    }

    /// <summary>Puts a new draft beside the text (or, with null, removes it); the row version stays.</summary>
    public Task SetProposalAsync(string inquiryId, int number, ProposalDraft? proposal, CancellationToken cancellationToken = default) =>
        SetColumnAsync(inquiryId, number, "proposal_json", proposal is null ? null : AppStateJson.Serialize(proposal), cancellationToken);

    public Task SetAssigneeAsync(string inquiryId, int number, Assignment? assignee, CancellationToken cancellationToken = default) =>
        SetColumnAsync(inquiryId, number, "assignee_json", assignee is null ? null : AppStateJson.Serialize(assignee), cancellationToken);

    /// <summary>All versions of all answers of the inquiry, per question newest first.</summary>
    public async Task<IReadOnlyList<AnswerVersion>> GetVersionsAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, version, text, author, created_at, source, citations_json, note FROM app_answer_versions WHERE inquiry_id = $id ORDER BY number, id DESC";
        command.Parameters.AddWithValue("$id", inquiryId);
        var list = new List<AnswerVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AnswerVersion(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), AppStateJson.ParseTimestamp(reader.GetString(4)), (DraftSource)reader.GetInt32(5))
            {
                Citations = AppStateJson.DeserializeOrNull<List<Citation>>(reader, 6),
                Note = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return list;
    }

    public async Task AddCommentAsync(string inquiryId, ReviewComment comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comment);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO app_review_comments (inquiry_id, number, author, created_at, action, text) VALUES ($id, $number, $author, $at, $action, $text)";
        command.Parameters.AddWithValue("$id", inquiryId);
        command.Parameters.AddWithValue("$number", comment.Number);
        command.Parameters.AddWithValue("$author", comment.Author);
        command.Parameters.AddWithValue("$at", AppStateJson.Timestamp(comment.CreatedAt));
        command.Parameters.AddWithValue("$action", comment.Action);
        command.Parameters.AddWithValue("$text", comment.Text);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReviewComment>> GetCommentsAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, author, created_at, action, text FROM app_review_comments WHERE inquiry_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", inquiryId);
        var list = new List<ReviewComment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ReviewComment(reader.GetInt32(0), reader.GetString(1), AppStateJson.ParseTimestamp(reader.GetString(2)), reader.GetString(3), reader.GetString(4)));
        }

        return list;
    }

    /// <summary>The version of each answer this user saw last (question number → version).</summary>
    public async Task<IReadOnlyDictionary<int, int>> GetSeenAsync(string inquiryId, string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, version FROM app_answer_seen WHERE inquiry_id = $id AND user_name = $user";
        command.Parameters.AddWithValue("$id", inquiryId);
        command.Parameters.AddWithValue("$user", userName);
        var seen = new Dictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            seen[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return seen;
    }

    public async Task MarkSeenAsync(string inquiryId, string userName, IEnumerable<(int Number, int Version)> seen, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (number, version) in seen)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO app_answer_seen (inquiry_id, number, user_name, version, seen_at) VALUES ($id, $number, $user, $version, $at)
                ON CONFLICT(inquiry_id, number, user_name) DO UPDATE SET version = excluded.version, seen_at = excluded.seen_at
                """;
            command.Parameters.AddWithValue("$id", inquiryId);
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$user", userName);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$at", AppStateJson.Timestamp(at));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AnswerRecord?> GetAnswerAsync(SqliteConnection connection, SqliteTransaction? transaction, string inquiryId, int number, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM app_answers WHERE inquiry_id = $id AND number = $number";
        command.Parameters.AddWithValue("$id", inquiryId);
        command.Parameters.AddWithValue("$number", number);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    // Only for the fixed column names above, never for input.
    private async Task SetColumnAsync(string inquiryId, int number, string column, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE app_answers SET {column} = $value WHERE inquiry_id = $id AND number = $number";
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", inquiryId);
        command.Parameters.AddWithValue("$number", number);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static AnswerRecord Read(SqliteDataReader reader) => new()
    {
        InquiryId = reader.GetString(0),
        Number = reader.GetInt32(1),
        Question = reader.GetString(2),
        Status = (AnswerStatus)reader.GetInt32(3),
        Text = reader.GetString(4),
        Mode = reader.IsDBNull(5) ? null : (DraftMode)reader.GetInt32(5),
        Citations = AppStateJson.Deserialize<List<Citation>>(reader.GetString(6)),
        InvalidCitations = AppStateJson.Deserialize<List<string>>(reader.GetString(7)),
        Version = reader.GetInt32(8),
        UpdatedBy = reader.IsDBNull(9) ? null : reader.GetString(9),
        UpdatedAt = reader.IsDBNull(10) ? null : AppStateJson.ParseTimestamp(reader.GetString(10)),
        Note = reader.IsDBNull(11) ? null : reader.GetString(11),
        TextSource = (DraftSource)reader.GetInt32(12),
        TextBy = reader.IsDBNull(13) ? null : reader.GetString(13),
        Proposal = AppStateJson.DeserializeOrNull<ProposalDraft>(reader, 14),
        Assignee = AppStateJson.DeserializeOrNull<Assignment>(reader, 15),
    };
}

using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Inquiries, answers, versions and comments in the app-state tables. Plain persistence: the workflow rules
/// (who may do what) live in <see cref="ReviewService"/>. Every change to an answer is a compare-and-set on its
/// row version, and the version history row is written in the same transaction.
/// </summary>
public sealed class InquiryStore(AppStateDatabase database)
{
    private const string AnswerColumns = "inquiry_id, number, question, status, text, mode, citations_json, invalid_citations_json, version, updated_by, updated_at";

    public async Task CreateAsync(InquiryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO app_inquiries (id, drucksache, title, committee, session_date, visibility, inquiry_json, source_name, created_by, created_at)
                VALUES ($id, $drucksache, $title, $committee, $session, $visibility, $json, $source, $by, $at)
                """;
            insert.Parameters.AddWithValue("$id", record.Id);
            insert.Parameters.AddWithValue("$drucksache", (object?)record.Inquiry.Id ?? DBNull.Value);
            insert.Parameters.AddWithValue("$title", record.Title);
            insert.Parameters.AddWithValue("$committee", (object?)record.Inquiry.Committee ?? DBNull.Value);
            insert.Parameters.AddWithValue("$session", (object?)record.Inquiry.SessionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$visibility", VisibilityCodes.ToCode(record.Visibility));
            insert.Parameters.AddWithValue("$json", AppStateJson.Serialize(record.Inquiry));
            insert.Parameters.AddWithValue("$source", record.SourceName);
            insert.Parameters.AddWithValue("$by", record.CreatedBy);
            insert.Parameters.AddWithValue("$at", AppStateJson.Timestamp(record.CreatedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var question in record.Inquiry.Questions)
        {
            await using var answer = connection.CreateCommand();
            answer.Transaction = transaction;
            answer.CommandText = """
                INSERT INTO app_answers (inquiry_id, number, question, status, text, mode, citations_json, invalid_citations_json, version, updated_by, updated_at)
                VALUES ($id, $number, $question, $status, '', NULL, '[]', '[]', 0, NULL, NULL)
                """;
            answer.Parameters.AddWithValue("$id", record.Id);
            answer.Parameters.AddWithValue("$number", question.Number);
            answer.Parameters.AddWithValue("$question", question.Text);
            answer.Parameters.AddWithValue("$status", (int)AnswerStatus.Open);
            await answer.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<InquiryRecord?> GetAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, visibility, inquiry_json, source_name, created_by, created_at, archived_document_id FROM app_inquiries WHERE id = $id";
        command.Parameters.AddWithValue("$id", inquiryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new InquiryRecord
        {
            Id = reader.GetString(0),
            Visibility = VisibilityCodes.FromCode(reader.GetInt64(1)),
            Inquiry = AppStateJson.Deserialize<Inquiry>(reader.GetString(2)),
            SourceName = reader.GetString(3),
            CreatedBy = reader.GetString(4),
            CreatedAt = AppStateJson.ParseTimestamp(reader.GetString(5)),
            ArchivedDocumentId = reader.IsDBNull(6) ? null : reader.GetString(6),
        };
    }

    /// <summary>All inquiries, the ones due soonest first; non-public ones only when <paramref name="includeNonPublic"/>.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ListAsync(bool includeNonPublic, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.id, i.drucksache, i.title, i.committee, i.session_date, i.visibility, i.created_by, i.created_at, i.archived_document_id,
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $approved),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status <> $open),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $rejected)
            FROM app_inquiries i
            WHERE i.visibility = $public OR $includeNonPublic = 1
            ORDER BY i.session_date IS NULL, i.session_date, i.created_at DESC
            """;
        command.Parameters.AddWithValue("$approved", (int)AnswerStatus.Approved);
        command.Parameters.AddWithValue("$open", (int)AnswerStatus.Open);
        command.Parameters.AddWithValue("$rejected", (int)AnswerStatus.Rejected);
        command.Parameters.AddWithValue("$public", VisibilityCodes.PublicCode);
        command.Parameters.AddWithValue("$includeNonPublic", includeNonPublic ? 1 : 0);
        var list = new List<InquirySummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new InquirySummary
            {
                Id = reader.GetString(0),
                Drucksache = reader.IsDBNull(1) ? null : reader.GetString(1),
                Title = reader.GetString(2),
                Committee = reader.IsDBNull(3) ? null : reader.GetString(3),
                SessionDate = reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Visibility = VisibilityCodes.FromCode(reader.GetInt64(5)),
                CreatedBy = reader.GetString(6),
                CreatedAt = AppStateJson.ParseTimestamp(reader.GetString(7)),
                ArchivedDocumentId = reader.IsDBNull(8) ? null : reader.GetString(8),
                QuestionCount = reader.GetInt32(9),
                ApprovedCount = reader.GetInt32(10),
                DraftedCount = reader.GetInt32(11),
                RejectedCount = reader.GetInt32(12),
            });
        }

        return list;
    }

    public async Task<IReadOnlyList<AnswerRecord>> GetAnswersAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AnswerColumns} FROM app_answers WHERE inquiry_id = $id ORDER BY number";
        command.Parameters.AddWithValue("$id", inquiryId);
        var list = new List<AnswerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadAnswer(reader));
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

        var next = current with
        {
            Text = change.Text ?? current.Text,
            Status = change.Status,
            Mode = change.Draft?.Mode ?? current.Mode,
            Citations = change.Draft?.Citations ?? current.Citations,
            InvalidCitations = change.Draft?.InvalidCitations ?? current.InvalidCitations,
            Version = current.Version + 1,
            UpdatedBy = change.Author,
            UpdatedAt = change.At,
        };

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE app_answers SET status = $status, text = $text, mode = $mode, citations_json = $citations,
                       invalid_citations_json = $invalid, version = $version, updated_by = $by, updated_at = $at
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
            update.Parameters.AddWithValue("$id", inquiryId);
            update.Parameters.AddWithValue("$number", number);
            update.Parameters.AddWithValue("$expected", current.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return (false, current);
            }
        }

        if (change.Text is not null)
        {
            await using var version = connection.CreateCommand();
            version.Transaction = transaction;
            version.CommandText = """
                INSERT INTO app_answer_versions (inquiry_id, number, version, text, author, created_at, source)
                VALUES ($id, $number, $version, $text, $author, $at, $source)
                """;
            version.Parameters.AddWithValue("$id", inquiryId);
            version.Parameters.AddWithValue("$number", number);
            version.Parameters.AddWithValue("$version", next.Version);
            version.Parameters.AddWithValue("$text", next.Text);
            version.Parameters.AddWithValue("$author", change.Author);
            version.Parameters.AddWithValue("$at", AppStateJson.Timestamp(change.At));
            version.Parameters.AddWithValue("$source", (int)(change.Draft is null ? DraftSource.Edit : DraftSource.Draft));
            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (true, next);
    }

    public async Task<IReadOnlyList<AnswerVersion>> GetVersionsAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, version, text, author, created_at, source FROM app_answer_versions WHERE inquiry_id = $id ORDER BY number, id DESC";
        command.Parameters.AddWithValue("$id", inquiryId);
        var list = new List<AnswerVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AnswerVersion(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), AppStateJson.ParseTimestamp(reader.GetString(4)), (DraftSource)reader.GetInt32(5)));
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

    public async Task SetArchivedDocumentAsync(string inquiryId, string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE app_inquiries SET archived_document_id = $doc WHERE id = $id";
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$id", inquiryId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AnswerRecord?> GetAnswerAsync(SqliteConnection connection, SqliteTransaction? transaction, string inquiryId, int number, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {AnswerColumns} FROM app_answers WHERE inquiry_id = $id AND number = $number";
        command.Parameters.AddWithValue("$id", inquiryId);
        command.Parameters.AddWithValue("$number", number);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAnswer(reader) : null;
    }

    private static AnswerRecord ReadAnswer(SqliteDataReader reader) => new()
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
    };
}

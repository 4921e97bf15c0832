using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

/// <summary>
/// Inquiries in the app-state tables (their answers: <see cref="AnswerStore"/>). Plain persistence: the workflow rules
/// (who may do what) live in <see cref="ReviewService"/>. The deadline is the one set by hand, else the session date
/// less <see cref="ReviewOptions.DeadlineLeadDays"/>, computed when read so a changed lead time applies to all.
/// </summary>
public sealed class InquiryStore(AppStateDatabase database, IOptions<ReviewOptions> options)
{
    private const string DateFormat = "yyyy-MM-dd";

    public async Task CreateAsync(InquiryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO app_inquiries (id, drucksache, title, committee, session_date, visibility, inquiry_json, source_name, created_by, created_at, due_date, assignee_json)
                VALUES ($id, $drucksache, $title, $committee, $session, $visibility, $json, $source, $by, $at, $due, $assignee)
                """;
            insert.Parameters.AddWithValue("$id", record.Id);
            insert.Parameters.AddWithValue("$drucksache", (object?)record.Inquiry.Id ?? DBNull.Value);
            insert.Parameters.AddWithValue("$title", record.Title);
            insert.Parameters.AddWithValue("$committee", (object?)record.Inquiry.Committee ?? DBNull.Value);
            insert.Parameters.AddWithValue("$session", (object?)record.Inquiry.SessionDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$visibility", VisibilityCodes.ToCode(record.Visibility));
            insert.Parameters.AddWithValue("$json", AppStateJson.Serialize(record.Inquiry));
            insert.Parameters.AddWithValue("$source", record.SourceName);
            insert.Parameters.AddWithValue("$by", record.CreatedBy);
            insert.Parameters.AddWithValue("$at", AppStateJson.Timestamp(record.CreatedAt));
            insert.Parameters.AddWithValue("$due", record.DeadlineSetByHand && record.Deadline is { } due ? due.ToString(DateFormat, CultureInfo.InvariantCulture) : DBNull.Value);
            insert.Parameters.AddWithValue("$assignee", AppStateJson.SerializeOrNull(record.Assignee));
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
        command.CommandText = "SELECT id, visibility, inquiry_json, source_name, created_by, created_at, archived_document_id, due_date, assignee_json FROM app_inquiries WHERE id = $id";
        command.Parameters.AddWithValue("$id", inquiryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var inquiry = AppStateJson.Deserialize<Inquiry>(reader.GetString(2));
        var setByHand = ReadDate(reader, 7);
        return new InquiryRecord
        {
            Id = reader.GetString(0),
            Visibility = VisibilityCodes.FromCode(reader.GetInt64(1)),
            Inquiry = inquiry,
            SourceName = reader.GetString(3),
            CreatedBy = reader.GetString(4),
            CreatedAt = AppStateJson.ParseTimestamp(reader.GetString(5)),
            ArchivedDocumentId = reader.IsDBNull(6) ? null : reader.GetString(6),
            Deadline = setByHand ?? Derived(inquiry.SessionDate),
            DeadlineSetByHand = setByHand is not null,
            Assignee = AppStateJson.DeserializeOrNull<Assignment>(reader, 8),
        };
    }

    /// <summary>All inquiries, the ones due soonest first (no deadline last); non-public ones only when <paramref name="includeNonPublic"/>.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ListAsync(bool includeNonPublic, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.id, i.drucksache, i.title, i.committee, i.session_date, i.visibility, i.created_by, i.created_at, i.archived_document_id,
                   i.due_date, i.assignee_json,
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $approved),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND (a.status <> $open OR a.mode IS NOT NULL)),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $rejected),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $submitted),
                   (SELECT COUNT(*) FROM app_answers a WHERE a.inquiry_id = i.id AND a.status = $edited),
                   (SELECT json_group_array(a.assignee_json) FROM app_answers a WHERE a.inquiry_id = i.id AND a.assignee_json IS NOT NULL),
                   COALESCE(i.due_date, date(i.session_date, $lead)) AS deadline
            FROM app_inquiries i
            WHERE i.visibility = $public OR $includeNonPublic = 1
            ORDER BY deadline IS NULL, deadline, i.created_at DESC
            """;
        command.Parameters.AddWithValue("$approved", (int)AnswerStatus.Approved);
        command.Parameters.AddWithValue("$open", (int)AnswerStatus.Open);
        command.Parameters.AddWithValue("$rejected", (int)AnswerStatus.Rejected);
        command.Parameters.AddWithValue("$submitted", (int)AnswerStatus.Submitted);
        command.Parameters.AddWithValue("$edited", (int)AnswerStatus.Edited);
        command.Parameters.AddWithValue("$lead", $"-{options.Value.DeadlineLeadDays} days");
        command.Parameters.AddWithValue("$public", VisibilityCodes.PublicCode);
        command.Parameters.AddWithValue("$includeNonPublic", includeNonPublic ? 1 : 0);
        var list = new List<InquirySummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var session = ReadDate(reader, 4);
            list.Add(new InquirySummary
            {
                Id = reader.GetString(0),
                Drucksache = reader.IsDBNull(1) ? null : reader.GetString(1),
                Title = reader.GetString(2),
                Committee = reader.IsDBNull(3) ? null : reader.GetString(3),
                SessionDate = session,
                Visibility = VisibilityCodes.FromCode(reader.GetInt64(5)),
                CreatedBy = reader.GetString(6),
                CreatedAt = AppStateJson.ParseTimestamp(reader.GetString(7)),
                ArchivedDocumentId = reader.IsDBNull(8) ? null : reader.GetString(8),
                Deadline = ReadDate(reader, 9) ?? Derived(session),
                Assignee = AppStateJson.DeserializeOrNull<Assignment>(reader, 10),
                QuestionCount = reader.GetInt32(11),
                ApprovedCount = reader.GetInt32(12),
                DraftedCount = reader.GetInt32(13),
                RejectedCount = reader.GetInt32(14),
                SubmittedCount = reader.GetInt32(15),
                EditedCount = reader.GetInt32(16),
                QuestionAssignees = [.. AppStateJson.Deserialize<List<string>>(reader.GetString(17)).Select(AppStateJson.Deserialize<Assignment>)],
            });
        }

        return list;
    }

    public Task SetArchivedDocumentAsync(string inquiryId, string documentId, CancellationToken cancellationToken = default) =>
        SetColumnAsync(inquiryId, "archived_document_id", documentId, cancellationToken);

    /// <summary>Sets the deadline by hand, or (null) returns to the one derived from the session date.</summary>
    public Task SetDeadlineAsync(string inquiryId, DateOnly? deadline, CancellationToken cancellationToken = default) =>
        SetColumnAsync(inquiryId, "due_date", deadline?.ToString(DateFormat, CultureInfo.InvariantCulture), cancellationToken);

    public Task SetAssigneeAsync(string inquiryId, Assignment? assignee, CancellationToken cancellationToken = default) =>
        SetColumnAsync(inquiryId, "assignee_json", assignee is null ? null : AppStateJson.Serialize(assignee), cancellationToken);

    /// <summary>Everyone anything was assigned to, created or written by: the names offered when assigning.</summary>
    public async Task<IReadOnlyList<Assignment>> KnownAssigneesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT assignee_json FROM app_inquiries WHERE assignee_json IS NOT NULL
            UNION SELECT assignee_json FROM app_answers WHERE assignee_json IS NOT NULL
            UNION SELECT json_object('kind', 'Person', 'name', created_by) FROM app_inquiries
            UNION SELECT json_object('kind', 'Person', 'name', text_by) FROM app_answers WHERE text_by IS NOT NULL
            """;
        var set = new HashSet<Assignment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            set.Add(AppStateJson.Deserialize<Assignment>(reader.GetString(0)));
        }

        return [.. set.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private DateOnly? Derived(DateOnly? session) => session?.AddDays(-options.Value.DeadlineLeadDays);

    private static DateOnly? ReadDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    // Only for the fixed column names above, never for input.
    private async Task SetColumnAsync(string inquiryId, string column, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE app_inquiries SET {column} = $value WHERE id = $id";
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", inquiryId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Globalization;
using System.Text;
using Anfragen.Assistant.Documents;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>Reading chunk and document rows: the column lists, the mapping to records, and chunks by rowid.</summary>
internal static class SqliteRows
{
    public const string ChunkColumns = "c.rowid, c.chunk_id, c.document_id, c.ordinal, c.type, c.title, c.date, c.committee, c.visibility, c.question_number, c.text";

    /// <summary>Index of the first column after <see cref="ChunkColumns"/>.</summary>
    public const int AfterChunkColumns = 11;

    public const string DocumentColumns = "d.id, d.type, d.title, d.date, d.committee, d.visibility, d.url, d.source, d.content_hash, d.chunk_count, d.ingested_at";

    public static Chunk ReadChunk(SqliteDataReader reader) => new()
    {
        ChunkId = reader.GetString(1),
        DocumentId = reader.GetString(2),
        Ordinal = reader.GetInt32(3),
        DocumentType = (DocumentType)reader.GetInt32(4),
        Title = reader.GetString(5),
        Date = SqliteValues.ParseDate(reader.GetValue(6)),
        Committee = reader.IsDBNull(7) ? null : reader.GetString(7),
        Visibility = VisibilityCodes.FromCode(reader.GetInt64(8)),
        QuestionNumber = reader.IsDBNull(9) ? null : reader.GetInt32(9),
        Text = reader.GetString(10),
    };

    public static StoredDocument ReadDocument(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Type = (DocumentType)reader.GetInt32(1),
        Title = reader.GetString(2),
        Date = SqliteValues.ParseDate(reader.GetValue(3)),
        Committee = reader.IsDBNull(4) ? null : reader.GetString(4),
        Visibility = VisibilityCodes.FromCode(reader.GetInt64(5)),
        Url = reader.IsDBNull(6) ? null : reader.GetString(6),
        Source = reader.IsDBNull(7) ? null : reader.GetString(7),
        ContentHash = reader.GetString(8),
        ChunkCount = reader.GetInt32(9),
        IngestedAt = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
    };

    /// <summary>
    /// The chunks with the given rowids (rows that no longer exist are absent), optionally with the stored vector
    /// (column <see cref="AfterChunkColumns"/>) and through an open transaction.
    /// </summary>
    public static async Task<Dictionary<long, (Chunk Chunk, float[]? Vector)>> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> rowIds, bool withVectors, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (Chunk, float[]?)>(rowIds.Count);
        if (rowIds.Count == 0)
        {
            return result;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new StringBuilder();
        for (var i = 0; i < rowIds.Count; i++)
        {
            var name = "$r" + i.ToString(CultureInfo.InvariantCulture);
            names.Append(i == 0 ? string.Empty : ", ").Append(name);
            command.Parameters.AddWithValue(name, rowIds[i]);
        }

        command.CommandText = $"SELECT {ChunkColumns}{(withVectors ? ", c.vector" : string.Empty)} FROM chunks c WHERE c.rowid IN ({names})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetInt64(0)] = (ReadChunk(reader), withVectors ? SqliteValues.FromBlob((byte[])reader.GetValue(AfterChunkColumns)) : null);
        }

        return result;
    }
}

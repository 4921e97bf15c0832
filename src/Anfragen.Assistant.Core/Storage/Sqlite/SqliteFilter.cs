using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Microsoft.Data.Sqlite;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// Translates a <see cref="SearchFilter"/> into a WHERE fragment over columns that chunks and documents share, matching
/// <see cref="SearchFilter.Allows"/>: committees by <see cref="SearchFilter.Fold"/> (the connection's <c>fold</c>
/// function), ids by NOCASE (<see cref="SearchFilter.FoldId"/>).
/// </summary>
internal static class SqliteFilter
{
    // alias: "c" for chunks, "d" for documents; idColumn: the document id column of that table.
    public static string Build(SearchFilter filter, string alias, string idColumn, SqliteCommand command)
    {
        var clauses = new List<string>();
        if (!filter.IncludeNonPublic)
        {
            clauses.Add($"{alias}.visibility = {VisibilityCodes.PublicCode}");
        }

        if (filter.Types is { Count: > 0 } types)
        {
            clauses.Add($"{alias}.type IN ({string.Join(", ", types.Distinct().Select(t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture)))})");
        }

        if (filter.From is { } from)
        {
            clauses.Add($"{alias}.date IS NOT NULL AND {alias}.date >= $from");
            command.Parameters.AddWithValue("$from", SqliteValues.FormatDate(from));
        }

        if (filter.To is { } to)
        {
            clauses.Add($"{alias}.date IS NOT NULL AND {alias}.date <= $to");
            command.Parameters.AddWithValue("$to", SqliteValues.FormatDate(to));
        }

        if (!string.IsNullOrWhiteSpace(filter.Committee))
        {
            clauses.Add($"fold({alias}.committee) = $committee");
            command.Parameters.AddWithValue("$committee", SearchFilter.Fold(filter.Committee));
        }

        if (filter.ExcludeDocumentIds is { Count: > 0 } excluded)
        {
            var names = new List<string>();
            for (var i = 0; i < excluded.Count; i++)
            {
                var name = $"$ex{i}";
                names.Add(name);
                command.Parameters.AddWithValue(name, excluded[i]);
            }

            // The id columns are COLLATE NOCASE, so NOT IN compares as SearchFilter.FoldId does.
            clauses.Add($"{alias}.{idColumn} NOT IN ({string.Join(", ", names)})");
        }

        return clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", clauses.Select(c => $"({c})"));
    }
}

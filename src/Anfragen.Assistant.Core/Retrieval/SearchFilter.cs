using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Restrictions applied INSIDE every search (keyword, dense and hybrid), before top-k is taken — never after fusion.
/// <see cref="IncludeNonPublic"/> comes from the caller's clearance (<see cref="Principal"/>), never from user input alone.
/// </summary>
public sealed record SearchFilter
{
    public static SearchFilter PublicOnly { get; } = new();

    public bool IncludeNonPublic { get; init; }

    /// <summary>Only these types; null or empty means all.</summary>
    public IReadOnlyList<DocumentType>? Types { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Committee { get; init; }

    /// <summary>Documents never returned (e.g. the inquiry being answered).</summary>
    public IReadOnlyList<string>? ExcludeDocumentIds { get; init; }

    /// <summary>How committee names compare in every index: trimmed, lower-cased by the invariant culture ("Ausschuss für Umwelt" = "AUSSCHUSS FÜR UMWELT").</summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// How document ids compare in every index: ASCII letters without case ("ds-1" = "DS-1"), everything else exactly,
    /// which is SQLite's NOCASE on the documents table (ids are Drucksache numbers, slugs and corpus ids).
    /// </summary>
    public static string FoldId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return string.Create(id.Length, id, static (span, value) =>
        {
            for (var i = 0; i < value.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(value[i]) ? (char)(value[i] | 0x20) : value[i];
            }
        });
    }

    public static SearchFilter For(Principal principal) => new() { IncludeNonPublic = principal.ClearedForNonPublic };

    /// <summary>The same check the indexes apply, for in-memory lists (e.g. re-checking before a prompt is built).</summary>
    public bool Allows(Storage.Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (!IncludeNonPublic && chunk.Visibility != Visibility.Public)
        {
            return false;
        }

        if (Types is { Count: > 0 } && !Types.Contains(chunk.DocumentType))
        {
            return false;
        }

        if (From is not null && (chunk.Date is null || chunk.Date < From))
        {
            return false;
        }

        if (To is not null && (chunk.Date is null || chunk.Date > To))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Committee) && (chunk.Committee is null || !string.Equals(Fold(chunk.Committee), Fold(Committee), StringComparison.Ordinal)))
        {
            return false;
        }

        return ExcludeDocumentIds is not { Count: > 0 } || !ExcludeDocumentIds.Any(id => string.Equals(FoldId(id), FoldId(chunk.DocumentId), StringComparison.Ordinal));
    }
}

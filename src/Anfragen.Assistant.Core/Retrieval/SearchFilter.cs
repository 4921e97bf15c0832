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

        if (!string.IsNullOrWhiteSpace(Committee) && !string.Equals(chunk.Committee, Committee, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ExcludeDocumentIds is not { Count: > 0 } || !ExcludeDocumentIds.Contains(chunk.DocumentId, StringComparer.OrdinalIgnoreCase);
    }
}

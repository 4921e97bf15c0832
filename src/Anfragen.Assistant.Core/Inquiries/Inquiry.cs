using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Inquiries;

/// <summary>A council inquiry parsed into its parts. Absent fields are null; <see cref="Questions"/> is never null.</summary>
public sealed record Inquiry
{
    /// <summary>The Drucksache number when the text carries one (council page header "Anfrage (öffentlich) - 25-25403").</summary>
    public string? Id { get; init; }
    public string? Subject { get; init; }
    public string? Recipient { get; init; }
    public DateOnly? Date { get; init; }
    public string? Committee { get; init; }
    public DateOnly? SessionDate { get; init; }

    /// <summary>From the Beratungsfolge status (Ö → öffentlich, N → nichtöffentlich); null when not stated.</summary>
    public Visibility? Visibility { get; init; }

    /// <summary>The Sachverhalt (background) text, without the questions.</summary>
    public string? Background { get; init; }

    /// <summary>Drucksache numbers referenced in the text, normalised ("25-26577", "24-24284-01", "1656/12"), in order of first mention.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<InquiryQuestion> Questions { get; init; } = [];
}

using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// The document type of a paper from its free-text <c>paperType</c>, as council systems name them ("Anfrage",
/// "Kleine Anfrage", "Stellungnahme der Verwaltung", "Beantwortung einer Anfrage", "Mitteilungsvorlage",
/// "Beschlussvorlage", "Dringlichkeitsantrag", "Anträge" …). Rules, not a list of names: case and umlauts are folded;
/// German puts the head of a phrase first ("Beschlussvorlage zum Antrag" is a Vorlage, "Antwort auf die Anfrage" an
/// answer), so the first word that names a kind decides; inside a word the kinds are checked from the most specific
/// (an answer, a communication) to the most general (a Vorlage), so a compound is read by the kind it names
/// ("Informationsvorlage" informs, "Änderungsantrag" moves).
/// </summary>
internal static partial class OParlPaperTypes
{
    // (stem, type) in the order a word is checked. "antwort" also finds "Beantwortung".
    private static readonly (string Stem, DocumentType Type)[] Stems =
    [
        ("stellungnahme", DocumentType.Stellungnahme),
        ("antwort", DocumentType.Stellungnahme),
        ("mitteilung", DocumentType.Mitteilung),
        ("information", DocumentType.Mitteilung),
        ("anfrage", DocumentType.Anfrage),
        ("antrag", DocumentType.Antrag),
        ("antraege", DocumentType.Antrag),
        ("vorlage", DocumentType.Vorlage),
    ];

    /// <summary>The type named by <paramref name="paperType"/>; null when it names none of ours (or is empty).</summary>
    public static DocumentType? FromPaperType(string? paperType)
    {
        if (string.IsNullOrWhiteSpace(paperType))
        {
            return null;
        }

        foreach (var word in Words(Fold(paperType)))
        {
            foreach (var (stem, type) in Stems)
            {
                if (word.Contains(stem, StringComparison.Ordinal))
                {
                    return type;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The type of the paper: by its paperType, else guessed from its text as for a file. A Mitteilung that answers an
    /// Anfrage (its text answers numbered questions, or its name says it concerns an Anfrage) is that Anfrage's
    /// Stellungnahme: several councils answer inquiries with a "Mitteilung der Verwaltung".
    /// </summary>
    public static DocumentType Classify(string? paperType, string? name, string text)
    {
        var named = FromPaperType(paperType);
        if (named is null)
        {
            return DocumentLoader.GuessType(text, (name is null ? string.Empty : name + "\n") + text);
        }

        if (named == DocumentType.Mitteilung
            && (DocumentLoader.GuessType(text, text) == DocumentType.Stellungnahme || Words(Fold(name ?? string.Empty)).Any(w => w.Contains("anfrage", StringComparison.Ordinal))))
        {
            return DocumentType.Stellungnahme;
        }

        return named.Value;
    }

    internal static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Words(string folded) => Word().Matches(folded).Select(m => m.Value);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

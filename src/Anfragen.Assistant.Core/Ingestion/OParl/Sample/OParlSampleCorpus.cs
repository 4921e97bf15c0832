using System.Net;
using System.Text;
using System.Text.Json;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion.OParl.Sample;

/// <summary>
/// Fills an <see cref="OParlSampleSite"/> from a corpus file (<c>data/corpus.jsonl</c>, the fictional Stadt Lindenau):
/// one paper per public line with its committee and session as a consultation, the text as a plain-text or HTML file
/// (alternating), and each Stellungnahme "{id}-NN" linked to its Anfrage as OParl does (superordinated/subordinated).
/// With <c>copies</c> above 1 the corpus is repeated under numbers "{id}/2", "{id}/3" … for measurements.
/// </summary>
public static class OParlSampleCorpus
{
    public static int Fill(OParlSampleSite site, string corpusPath, int copies = 1)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        var lines = File.ReadAllLines(corpusPath, Encoding.UTF8).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var added = 0;
        for (var copy = 1; copy <= copies; copy++)
        {
            var papers = new Dictionary<string, SamplePaper>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (DocumentVocabulary.ParseVisibility(Field(root, "visibility")) != Visibility.Public || Field(root, "text") is not { Length: > 0 } text)
                {
                    continue; // OParl publishes public papers only.
                }

                var id = Field(root, "id")!;
                var reference = copy == 1 ? id : $"{id}/{copy}";
                var type = DocumentVocabulary.ParseType(Field(root, "type"));
                var title = Field(root, "title") ?? reference;
                var file = added % 2 == 0
                    ? site.TextFile(title, text)
                    : site.File(title, DocumentLoader.Slug(title) + ".html", "text/html", Encoding.UTF8.GetBytes(Html(title, text)));
                var paper = site.AddPaper(reference, title, PaperType(type), DocumentVocabulary.ParseDate(Field(root, "date")), file);
                if (Field(root, "committee") is { } committee && paper.Date is { } date)
                {
                    paper.Consultations.Add(new SampleConsultation(committee, date, type == DocumentType.Anfrage ? "Beantwortung" : "Kenntnisnahme", true));
                }

                papers[id] = paper;
                added++;
            }

            foreach (var (id, paper) in papers)
            {
                if (id.Length > 3 && id[^3] == '-' && char.IsAsciiDigit(id[^2]) && char.IsAsciiDigit(id[^1]) && papers.TryGetValue(id[..^3], out var inquiry))
                {
                    paper.SuperordinatedPapers.Add(inquiry.Number);
                    inquiry.SubordinatedPapers.Add(paper.Number);
                }
            }
        }

        return added;
    }

    private static string PaperType(DocumentType type) => type switch
    {
        DocumentType.Anfrage => "Anfrage",
        DocumentType.Stellungnahme => "Stellungnahme der Verwaltung",
        DocumentType.Mitteilung => "Mitteilung",
        DocumentType.Vorlage => "Beschlussvorlage",
        DocumentType.Antrag => "Antrag",
        _ => "Niederschrift",
    };

    private static string Html(string title, string text) =>
        $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>"
        + string.Concat(text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"))
        + "</body></html>";

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s.Trim() : null;
}

namespace Anfragen.Assistant.Documents;

/// <summary>
/// Links between papers that the council information system states (OParl relatedPaper, superordinatedPaper,
/// subordinatedPaper): an Anfrage and its Stellungnahme(n), a Vorlage and its Anträge. Links have no direction here; the
/// caller checks the linked document's type and visibility through the index.
/// </summary>
public interface IPaperLinks
{
    /// <summary>The ids of the documents linked to <paramref name="documentId"/>, empty when none are known.</summary>
    Task<IReadOnlyList<string>> LinkedDocumentIdsAsync(string documentId, CancellationToken cancellationToken = default);
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;

namespace Anfragen.Assistant.Review;

/// <summary>Feeds an approved Stellungnahme back into the archive, so later drafts can cite it as a prior answer.</summary>
public sealed class StellungnahmeArchiver(IngestionPipeline pipeline)
{
    /// <summary>
    /// Ingests the Stellungnahme as <paramref name="userName"/>. A re-approved one (same inquiry) is a new version of the
    /// same paper; one whose id belongs to another stored paper is refused (see the report), never replacing it.
    /// </summary>
    public async Task<IngestionReport> ArchiveAsync(SourceDocument stellungnahme, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stellungnahme);
        return await pipeline.IngestDocumentsAsync([stellungnahme], new IngestionRequest { UserName = userName }, null, cancellationToken).ConfigureAwait(false);
    }
}

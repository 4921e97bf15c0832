using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;

namespace Anfragen.Assistant.Review;

/// <summary>Feeds an approved Stellungnahme back into the archive, so later drafts can cite it as a prior answer.</summary>
public sealed class StellungnahmeArchiver(IngestionPipeline pipeline)
{
    public async Task ArchiveAsync(SourceDocument stellungnahme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stellungnahme);
        await pipeline.IngestDocumentsAsync([stellungnahme], null, cancellationToken).ConfigureAwait(false);
    }
}

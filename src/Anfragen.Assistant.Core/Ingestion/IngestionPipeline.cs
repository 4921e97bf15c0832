using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

// STAND-IN (web branch) until the kb branch is merged.
public sealed class IngestionPipeline
{
    public Task<IngestionReport> IngestPathsAsync(IReadOnlyList<string> paths, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException(paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + progress);

    public Task<IngestionReport> IngestDocumentsAsync(IReadOnlyList<SourceDocument> documents, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException(documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + progress);
}

using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The Qdrant server integration tests run against: <c>ANFRAGEN_QDRANT_URL</c> (gRPC, e.g. http://localhost:6334) and,
/// optionally, <c>ANFRAGEN_QDRANT_API_KEY</c>. Without the URL the tests are skipped with <see cref="SkipReason"/>.
/// Every index gets its own collection, deleted when the test is done.
/// </summary>
internal static class QdrantTestServer
{
    public const string SkipReason =
        "ANFRAGEN_QDRANT_URL ist nicht gesetzt (z. B. http://localhost:6334 nach 'docker run -p 6334:6334 qdrant/qdrant'): Qdrant-Integrationstest übersprungen.";

    public static string? Url => Environment.GetEnvironmentVariable("ANFRAGEN_QDRANT_URL") is { Length: > 0 } url ? url : null;

    public static bool Available => Url is not null;

    public static QdrantKnowledgeIndex CreateIndex(string? collection = null) => new(
        Options.Create(new QdrantOptions
        {
            Url = Url ?? throw new InvalidOperationException(SkipReason),
            ApiKey = Environment.GetEnvironmentVariable("ANFRAGEN_QDRANT_API_KEY"),
            Collection = collection ?? $"anfragen-test-{Guid.NewGuid():N}",
        }),
        new GermanTextAnalyzer(),
        NullLoggerFactory.Instance);
}

using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// The one collection of the Qdrant index and the calls every role makes on it: retries of transient failures, plain
/// German messages for failures the operator must fix (address, key), the embedding model kept in a metadata point,
/// scrolling, point writes that wait for acknowledgement, and what the server version allows.
/// </summary>
internal sealed class QdrantCollection : IDisposable
{
    /// <summary>The first server version that takes the parameterised, weighted RRF of <see cref="QdrantQueries.Fusion"/>.</summary>
    public static readonly Version WeightedRrfVersion = new(1, 17, 0);

    private const uint ScrollPageSize = 256;

    private readonly QdrantClient _client;
    private readonly ResiliencePipeline _pipeline;
    private EmbeddingModelInfo? _model;

    public QdrantCollection(QdrantOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var validation = new QdrantOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(QdrantOptions.SectionName, typeof(QdrantOptions), validation.Failures);
        }

        Options = options;
        Name = options.Collection;
        Logger = loggerFactory.CreateLogger<QdrantKnowledgeIndex>();
        _pipeline = QdrantResilience.Create(options, (attempt, exception, delay) => QdrantLog.Retrying(Logger, exception, attempt, delay));

        // An https:// address makes the channel use TLS; the key travels as the "api-key" header on every call.
        _client = new QdrantClient(new Uri(options.Url), string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey, options.RequestTimeout, loggerFactory);
    }

    public QdrantOptions Options { get; }

    public string Name { get; }

    public ILogger Logger { get; }

    public QdrantClient Client => _client;

    /// <summary>The server's version from its health check (null until checked or when it reports none).</summary>
    public Version? ServerVersion { get; private set; }

    /// <summary>Whether hybrid queries are fused on the server: from the server version, decided once per process.</summary>
    public bool ServerFusion => ServerVersion is null || ServerVersion >= WeightedRrfVersion;

    public void Remember(EmbeddingModelInfo model) => _model = model;

    public void Forget() => _model = null;

    /// <summary>Checks the server answers (and reads its version); any failure of this first call names address, port and key.</summary>
    public async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var health = await _pipeline.ExecuteAsync(async ct => await _client.HealthAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            ServerVersion = System.Version.TryParse(health.Version?.Split('-', '+')[0], out var version) ? version : null;
            if (!ServerFusion)
            {
                QdrantLog.ClientSideFusion(Logger, Options.Url, health.Version ?? "?");
            }
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw new IndexUnavailableException(DescribeFailure(ex) ?? UnreachableMessage(ex), ex);
        }
    }

    /// <summary>The model given to <c>InitializeAsync</c>, else the one stored in the collection (another process initialised it).</summary>
    public async Task<EmbeddingModelInfo> RequireModelAsync(CancellationToken cancellationToken)
    {
        if (_model is not null)
        {
            return _model;
        }

        var exists = await RunAsync(ct => _client.CollectionExistsAsync(Name, ct), cancellationToken).ConfigureAwait(false);
        var stored = exists ? await ReadModelAsync(cancellationToken).ConfigureAwait(false) : null;
        _model = stored ?? throw new InvalidOperationException(
            $"Die Qdrant-Sammlung '{Name}' unter {Options.Url} ist nicht angelegt: zuerst InitializeAsync aufrufen (geschieht beim ersten Indexieren).");
        return _model;
    }

    public async Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken)
    {
        var points = await RetrieveAsync([QdrantPointIds.Metadata], cancellationToken).ConfigureAwait(false);
        return points.Count == 0 ? null : QdrantPayload.ToModel(points[0].Payload);
    }

    public async Task CheckQueryVectorAsync(ReadOnlyMemory<float> queryVector, CancellationToken cancellationToken)
    {
        var model = await RequireModelAsync(cancellationToken).ConfigureAwait(false);
        if (queryVector.Length != model.Dimensions)
        {
            throw new IndexMismatchException(
                $"Suchvektor mit {queryVector.Length} Dimensionen, die Qdrant-Sammlung '{Name}' wurde mit '{model.ModelId}' ({model.Dimensions} Dimensionen) aufgebaut.");
        }
    }

    public IndexMismatchException Mismatch(EmbeddingModelInfo stored, EmbeddingModelInfo configured) =>
        new($"Die Qdrant-Sammlung '{Name}' wurde mit dem Embedding-Modell '{stored.ModelId}' ({stored.Dimensions} Dimensionen) aufgebaut, "
            + $"konfiguriert ist '{configured.ModelId}' ({configured.Dimensions} Dimensionen). Neu indexieren oder eine andere Sammlung (Anfragen:Qdrant:Collection) wählen.");

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => RunAsync(ct => _client.CollectionExistsAsync(Name, ct), cancellationToken);

    public async Task<IReadOnlyList<RetrievedPoint>> RetrieveAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

                var pointIds = ids.Select(id => (PointId)id).ToList();
        return await RunAsync(ct => _client.RetrieveAsync(Name, pointIds, withPayload: true, withVectors: false, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
    }

    public Task WritePointsAsync(IReadOnlyList<PointStruct> points, CancellationToken cancellationToken) =>
        RunAsync(ct => _client.UpsertAsync(Name, points, wait: true, cancellationToken: ct), cancellationToken);

    public Task DeleteAsync(Filter filter, CancellationToken cancellationToken) =>
        RunAsync(ct => _client.DeleteAsync(Name, filter, wait: true, cancellationToken: ct), cancellationToken);

    public Task<ulong> CountAsync(Filter filter, CancellationToken cancellationToken) =>
        RunAsync(ct => _client.CountAsync(Name, filter, exact: true, cancellationToken: ct), cancellationToken);

    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(QdrantHybridQuery request, int top, bool withPayload, CancellationToken cancellationToken) =>
        await RunAsync(
            ct => _client.QueryAsync(
                Name,
                query: request.Query,
                prefetch: request.Prefetches.Count == 0 ? null : request.Prefetches,
                usingVector: request.Using,
                filter: request.Filter,
                limit: (ulong)top,
                payloadSelector: withPayload,
                vectorsSelector: false,
                cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<BatchResult>> QueryBatchAsync(IReadOnlyList<QueryPoints> queries, CancellationToken cancellationToken) =>
        await RunAsync(ct => _client.QueryBatchAsync(Name, queries, cancellationToken: ct), cancellationToken).ConfigureAwait(false);

    public async Task<ScrollResponse> ScrollAsync(Filter filter, uint limit, OrderBy? orderBy, CancellationToken cancellationToken) =>
        await RunAsync(
            ct => _client.ScrollAsync(Name, filter, limit: limit, payloadSelector: true, vectorsSelector: false, orderBy: orderBy, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<RetrievedPoint> ScrollAllAsync(Filter filter, bool withVectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        do
        {
            var from = offset;
            WithVectorsSelector vectors = withVectors ? new[] { QdrantPayload.DenseVector } : false;
            var response = await RunAsync(
                ct => _client.ScrollAsync(Name, filter, limit: ScrollPageSize, offset: from, payloadSelector: true, vectorsSelector: vectors, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            foreach (var point in response.Result)
            {
                yield return point;
            }

            offset = response.NextPageOffset;
        }
        while (offset is not null);
    }

    public async Task<bool> DeleteCollectionAsync(CancellationToken cancellationToken)
    {
        var exists = await ExistsAsync(cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            await RunAsync(ct => _client.DeleteCollectionAsync(Name, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }

        _model = null;
        return exists;
    }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (DescribeFailure(ex) is { } message)
        {
            throw new IndexUnavailableException(message, ex);
        }
    }

    public async Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await RunAsync(
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    public void Dispose() => _client.Dispose();

    /// <summary>A message for failures the operator must fix (address, key); null for everything else.</summary>
    private string? DescribeFailure(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => UnreachableMessage(ex),
        StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
            $"Qdrant unter {Options.Url} hat den Zugriff verweigert ({ex.StatusCode}). Stimmt der API-Schlüssel "
            + "(Anfragen:Qdrant:ApiKey, Umgebung Anfragen__Qdrant__ApiKey)?",
        _ => null,
    };

    private string UnreachableMessage(RpcException ex) =>
        $"Qdrant unter {Options.Url} ist nicht erreichbar ({ex.StatusCode}: {ex.Status.Detail}). Läuft der Server, und stimmt die Adresse "
        + "(Anfragen:Qdrant:Url bzw. --qdrant-url; gRPC-Port, meist 6334, nicht der REST-Port 6333)?";
}

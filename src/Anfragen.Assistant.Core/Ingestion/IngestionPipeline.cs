using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Load → decide per document (new, unchanged by content hash, new version of the same stored paper, or refused: see
/// <see cref="PaperIdentity"/>) → chunk → embed in full batches across documents → write each document in its own
/// transaction. A replaced document's previous version is recorded (<see cref="IDocumentVersionLog"/>) before it is
/// replaced. A kill mid-run loses at most the documents not yet committed; a re-run skips the committed ones by hash
/// and completes the rest.
/// </summary>
public sealed partial class IngestionPipeline(
    DocumentLoader loader,
    DocumentChunker chunker,
    EmbeddingService embeddings,
    IDocumentStore index,
    KnowledgeIndexInitializer initializer,
    IDocumentVersionLog versions,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    private static readonly SearchFilter Everything = new() { IncludeNonPublic = true };

    public Task<IngestionReport> IngestPathsAsync(IReadOnlyList<string> paths, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default) =>
        IngestPathsAsync(paths, IngestionRequest.Default, progress, ct);

    public async Task<IngestionReport> IngestPathsAsync(IReadOnlyList<string> paths, IngestionRequest request, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var documents = new List<SourceDocument>();
        var errors = new List<IngestionIssue>();
        var warnings = new List<IngestionIssue>();
        await foreach (var item in loader.LoadAsync(paths, request.DefaultVisibility, ct).ConfigureAwait(false))
        {
            foreach (var warning in item.Warnings)
            {
                LogInputWarning(item.Source, warning);
                warnings.Add(new IngestionIssue(item.Source, warning));
            }

            if (item.Document is not null)
            {
                documents.Add(item.Document);
            }
            else
            {
                LogInputError(item.Source, item.Error);
                errors.Add(new IngestionIssue(item.Source, item.Error ?? "unbekannter Fehler"));
            }
        }

        var report = await IngestDocumentsAsync(documents, request, progress, ct).ConfigureAwait(false);
        return report with { Errors = [.. errors, .. report.Errors], Warnings = [.. warnings, .. report.Warnings], Seconds = time.GetElapsedTime(started).TotalSeconds };
    }

    public Task<IngestionReport> IngestDocumentsAsync(IReadOnlyList<SourceDocument> documents, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default) =>
        IngestDocumentsAsync(documents, IngestionRequest.Default, progress, ct);

    public async Task<IngestionReport> IngestDocumentsAsync(IReadOnlyList<SourceDocument> documents, IngestionRequest request, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        await initializer.EnsureInitializedAsync(ct).ConfigureAwait(false);
        var skipped = new List<IngestionIssue>();
        var refused = new List<IngestionIssue>();
        var errors = new List<IngestionIssue>();
        var updated = new List<ReplacedDocument>();
        var pending = new List<PendingDocument>();
        var seen = new Dictionary<string, (string Hash, string? Source)>(StringComparer.OrdinalIgnoreCase);
        var pendingChunks = 0;
        int created = 0, unchanged = 0, rechunked = 0, chunksWritten = 0, done = 0;
        var embeddingTicks = 0L;

        // Writing batch n (analysis, one fsync'ed transaction per document) overlaps embedding batch n + 1.
        var writing = Task.CompletedTask;

        foreach (var document in documents)
        {
            ct.ThrowIfCancellationRequested();
            var hash = ContentHash(document);
            var decision = await DecideAsync(document, hash, seen, request, ct).ConfigureAwait(false);
            if (decision.Refusal is not null)
            {
                LogRefused(document.Source ?? document.Id, decision.Refusal);
                refused.Add(new IngestionIssue(document.Source ?? document.Id, decision.Refusal));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            seen.TryAdd(document.Id, (hash, document.Source));
            if (decision.Unchanged)
            {
                unchanged++;
                skipped.Add(new IngestionIssue(document.Source ?? document.Id, $"{document.Id}: unverändert"));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            IReadOnlyList<Chunk> chunks;
            try
            {
                chunks = chunker.Split(document);
            }
            catch (DocumentReadException ex)
            {
                // Over the caps per document: refused before anything is embedded; the index keeps what it had.
                LogInputError(ex.FilePath ?? document.Id, ex.Problem);
                errors.Add(new IngestionIssue(document.Source ?? document.Id, ex.Problem));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            if (chunks.Count == 0)
            {
                skipped.Add(new IngestionIssue(document.Source ?? document.Id, $"{document.Id}: kein Text"));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            pending.Add(new PendingDocument(document, hash, chunks, decision.Replaces, decision.Rechunk));
            pendingChunks += chunks.Count;
            if (pendingChunks >= embeddings.BatchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        LogIngested(created, updated.Count, unchanged, refused.Count, chunksWritten, errors.Count, seconds);
        return new IngestionReport
        {
            New = created,
            Updated = updated,
            Unchanged = unchanged,
            Rechunked = rechunked,
            Refused = refused,
            Skipped = skipped,
            Errors = errors,
            Chunks = chunksWritten,
            Seconds = seconds,
            EmbeddingSeconds = TimeSpan.FromTicks(embeddingTicks).TotalSeconds,
        };

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }

            // One embedding call for the chunks of several documents keeps the model's batches full.
            var batch = pending.ToList();
            pending.Clear();
            pendingChunks = 0;
            var texts = batch.SelectMany(p => p.Chunks).Select(DocumentChunker.EmbeddingText).ToList();
            var embedStarted = Stopwatch.GetTimestamp();
            var vectors = await embeddings.EmbedAsync(texts, ct).ConfigureAwait(false);
            embeddingTicks += Stopwatch.GetElapsedTime(embedStarted).Ticks;
            await writing.ConfigureAwait(false);
            writing = Task.Run(() => WriteAsync(batch, vectors), ct);
        }

        async Task WriteAsync(List<PendingDocument> batch, float[][] vectors)
        {
            var offset = 0;
            foreach (var (document, hash, chunks, replaces, rechunk) in batch)
            {
                var slice = vectors.Skip(offset).Take(chunks.Count).Select(v => (ReadOnlyMemory<float>)v).ToList();
                offset += chunks.Count;
                try
                {
                    if (replaces is not null && !rechunk)
                    {
                        var previous = await index.GetChunksAsync(replaces.Id, Everything, ct).ConfigureAwait(false);
                        await versions.RecordReplacementAsync(
                            new DocumentReplacement(replaces, [.. previous.Select(c => c.Text)], document.Source, hash, document.Title, document.Visibility, request.UserName), ct).ConfigureAwait(false);
                    }

                    await index.UpsertAsync(new IndexedDocument(ToStored(document, hash, chunks.Count), chunks, slice), ct).ConfigureAwait(false);
                    chunksWritten += chunks.Count;
                    if (replaces is null)
                    {
                        created++;
                    }
                    else if (rechunk)
                    {
                        rechunked++;
                    }
                    else
                    {
                        updated.Add(new ReplacedDocument(document.Id, document.Source, replaces.Source, replaces.Visibility != document.Visibility));
                    }
                }
                catch (ArgumentException ex)
                {
                    errors.Add(new IngestionIssue(document.Source ?? document.Id, ex.Message));
                }

                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
            }
        }
    }

    /// <summary>New, unchanged, a new version of the stored paper (or only re-chunked), or refused with the reason.</summary>
    private async Task<Decision> DecideAsync(SourceDocument document, string hash, Dictionary<string, (string Hash, string? Source)> seen, IngestionRequest request, CancellationToken ct)
    {
        // Two inputs of one run with the same id: the first one counts; a second with other content would replace it unseen.
        if (seen.TryGetValue(document.Id, out var earlier))
        {
            return string.Equals(earlier.Hash, hash, StringComparison.Ordinal)
                ? Decision.Same
                : Decision.Refuse($"Dokument-ID {document.Id} kommt in dieser Aufnahme mehrfach mit verschiedenem Inhalt vor (zuerst in {earlier.Source ?? "unbekannt"}) – nicht aufgenommen");
        }

        var stored = await index.GetDocumentAsync(document.Id, Everything, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return Decision.New;
        }

        if (string.Equals(stored.ContentHash, hash, StringComparison.Ordinal))
        {
            return Decision.Same;
        }

        // Same content hashed by an older chunker: only the passages change, the paper does not.
        if (Enumerable.Range(1, DocumentChunker.Version - 1).Any(v => string.Equals(stored.ContentHash, ContentHash(document, v), StringComparison.Ordinal)))
        {
            return new Decision(false, null, stored, Rechunk: true);
        }

        var refusal = PaperIdentity.RefusalReason(stored, document, request.AllowVisibilityChange);
        return refusal is null ? new Decision(false, null, stored, Rechunk: false) : Decision.Refuse(refusal);
    }

    private StoredDocument ToStored(SourceDocument document, string hash, int chunkCount) => new()
    {
        Id = document.Id,
        Type = document.Type,
        Title = document.Title,
        Date = document.Date,
        Committee = document.Committee,
        Visibility = document.Visibility,
        Url = document.Url,
        Source = document.Source,
        ContentHash = hash,
        ChunkCount = chunkCount,
        IngestedAt = time.GetUtcNow(),
    };

    private sealed record PendingDocument(SourceDocument Document, string Hash, IReadOnlyList<Chunk> Chunks, StoredDocument? Replaces, bool Rechunk);

    private sealed record Decision(bool Unchanged, string? Refusal, StoredDocument? Replaces, bool Rechunk)
    {
        public static Decision New { get; } = new(false, null, null, false);

        public static Decision Same { get; } = new(true, null, null, false);

        public static Decision Refuse(string reason) => new(false, reason, null, false);
    }

    /// <summary>
    /// SHA-256 over everything that ends up in the index for the document, so metadata edits also re-ingest; the chunker
    /// version is part of it, so an upgraded chunker re-chunks documents that did not change.
    /// </summary>
    public static string ContentHash(SourceDocument document) => ContentHash(document, DocumentChunker.Version);

    internal static string ContentHash(SourceDocument document, int chunkerVersion)
    {
        ArgumentNullException.ThrowIfNull(document);
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            chunkerVersion, document.Id, document.Type.ToString(), document.Title, document.Date?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            document.Committee, VisibilityCodes.ToName(document.Visibility), document.Url, document.Text, document.Questions,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eingabe übersprungen: {Source}: {Reason}")]
    private partial void LogInputError(string source, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abgelehnt: {Source}: {Reason}")]
    private partial void LogRefused(string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexiert: {New} neu, {Updated} aktualisiert, {Unchanged} unverändert, {Refused} abgelehnt, {Chunks} Abschnitte, {Errors} Fehler in {Seconds:F1} s")]
    private partial void LogIngested(int @new, int updated, int unchanged, int refused, int chunks, int errors, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eingabe mit Warnung aufgenommen: {Source}: {Warning}")]
    private partial void LogInputWarning(string source, string warning);
}

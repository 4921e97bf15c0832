using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Load → skip unchanged (content hash) → chunk → embed in full batches across documents → write each document in
/// its own transaction. A kill mid-run loses at most the documents not yet committed; a re-run skips the committed
/// ones by hash and completes the rest.
/// </summary>
public sealed partial class IngestionPipeline(
    DocumentLoader loader,
    DocumentChunker chunker,
    EmbeddingService embeddings,
    IKnowledgeIndex index,
    KnowledgeIndexInitializer initializer,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    public async Task<IngestionReport> IngestPathsAsync(IReadOnlyList<string> paths, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        var documents = new List<SourceDocument>();
        var errors = new List<IngestionIssue>();
        await foreach (var item in loader.LoadAsync(paths, ct).ConfigureAwait(false))
        {
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

        var report = await IngestDocumentsAsync(documents, progress, ct).ConfigureAwait(false);
        return report with { Errors = [.. errors, .. report.Errors], Seconds = time.GetElapsedTime(started).TotalSeconds };
    }

    public async Task<IngestionReport> IngestDocumentsAsync(IReadOnlyList<SourceDocument> documents, IProgress<IngestionProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var started = time.GetTimestamp();
        await initializer.EnsureInitializedAsync(ct).ConfigureAwait(false);
        var skipped = new List<IngestionIssue>();
        var errors = new List<IngestionIssue>();
        var pending = new List<(SourceDocument Document, string Hash, IReadOnlyList<Chunk> Chunks)>();
        var pendingChunks = 0;
        var written = 0;
        var chunksWritten = 0;
        var done = 0;
        var embeddingTicks = 0L;

        // Writing batch n (analysis, one fsync'ed transaction per document) overlaps embedding batch n + 1.
        var writing = Task.CompletedTask;

        foreach (var document in documents)
        {
            ct.ThrowIfCancellationRequested();
            var hash = ContentHash(document);
            if (string.Equals(await index.GetContentHashAsync(document.Id, ct).ConfigureAwait(false), hash, StringComparison.Ordinal))
            {
                skipped.Add(new IngestionIssue(document.Source ?? document.Id, $"{document.Id}: unverändert"));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            var chunks = chunker.Split(document);
            if (chunks.Count == 0)
            {
                skipped.Add(new IngestionIssue(document.Source ?? document.Id, $"{document.Id}: kein Text"));
                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
                continue;
            }

            pending.Add((document, hash, chunks));
            pendingChunks += chunks.Count;
            if (pendingChunks >= embeddings.BatchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        LogIngested(written, chunksWritten, skipped.Count, errors.Count, seconds);
        return new IngestionReport(written, chunksWritten, skipped, errors, seconds, TimeSpan.FromTicks(embeddingTicks).TotalSeconds);

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

        async Task WriteAsync(List<(SourceDocument Document, string Hash, IReadOnlyList<Chunk> Chunks)> batch, float[][] vectors)
        {
            var offset = 0;
            foreach (var (document, hash, chunks) in batch)
            {
                var slice = vectors.Skip(offset).Take(chunks.Count).Select(v => (ReadOnlyMemory<float>)v).ToList();
                offset += chunks.Count;
                var stored = new StoredDocument
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
                    ChunkCount = chunks.Count,
                    IngestedAt = time.GetUtcNow(),
                };
                try
                {
                    await index.UpsertAsync(new IndexedDocument(stored, chunks, slice), ct).ConfigureAwait(false);
                    written++;
                    chunksWritten += chunks.Count;
                }
                catch (ArgumentException ex)
                {
                    errors.Add(new IngestionIssue(document.Source ?? document.Id, ex.Message));
                }

                progress?.Report(new IngestionProgress(Interlocked.Increment(ref done), documents.Count, chunksWritten, document.Id));
            }
        }
    }

    /// <summary>
    /// SHA-256 over everything that ends up in the index for the document, so metadata edits also re-ingest; the chunker
    /// version is part of it, so an upgraded chunker re-chunks documents that did not change.
    /// </summary>
    public static string ContentHash(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            DocumentChunker.Version, document.Id, document.Type.ToString(), document.Title, document.Date?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            document.Committee, document.Visibility.ToString(), document.Url, document.Text, document.Questions,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eingabe übersprungen: {Source}: {Reason}")]
    private partial void LogInputError(string source, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexiert: {Documents} Dokumente, {Chunks} Abschnitte, {Skipped} übersprungen, {Errors} Fehler in {Seconds:F1} s")]
    private partial void LogIngested(int documents, int chunks, int skipped, int errors, double seconds);
}

using System.Text.Json;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Imports one list page of papers: a deleted paper leaves the index (only the document this import made of it); a
/// paper whose <c>modified</c> stamp is remembered is skipped without a request; the others are read (files in parallel
/// up to the concurrency limit), mapped, checked and written through the <see cref="IngestionPipeline"/>, then
/// remembered. Never changes a nichtöffentlich document: a paper whose id one holds is refused and reported.
/// </summary>
internal sealed class OParlPageImporter(
    OParlPaperReader reader,
    OParlDocumentMapper mapper,
    OParlStore store,
    IngestionPipeline pipeline,
    IKnowledgeIndex index,
    int maxConcurrency)
{
    private static readonly SearchFilter Everything = new() { IncludeNonPublic = true };

    // OParl papers are public by definition; a stored nichtöffentlich paper of the same id is never made öffentlich.
    private static readonly IngestionRequest Request = new() { DefaultVisibility = Visibility.Public, AllowVisibilityChange = false, UserName = "OParl-Import" };

    public async Task<PageResult> ImportAsync(string bodyId, IReadOnlyList<JsonElement> data, CancellationToken cancellationToken)
    {
        var issues = new List<IngestionIssue>();
        var papers = new List<OParlPaper>();
        foreach (var element in data)
        {
            var paper = Parse(element, issues);
            if (paper is not null && !papers.Any(p => p.Id == paper.Id))
            {
                papers.Add(paper);
            }
        }

        var counts = new Counter { Papers = data.Count };
        var remembered = await store.GetPapersAsync(papers.Select(p => p.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var work = new List<(OParlPaper Paper, StoredPaper? Before)>();
        foreach (var paper in papers)
        {
            remembered.TryGetValue(paper.Id, out var before);
            if (paper.Deleted)
            {
                counts.Deleted += await DeleteAsync(paper, before, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else if (before is { State: not StoredPaperState.Refused } && before.Modified is not null && before.Modified == paper.Modified && before.MappingVersion == OParlDocumentMapper.Version)
            {
                counts.Unchanged++;
            }
            else
            {
                work.Add((paper, before));
            }
        }

        var read = new (PaperFiles Files, IReadOnlyList<PaperConsultation> Consultations)[work.Count];
        await Parallel.ForAsync(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var remembered = await store.GetFilesAsync(work[i].Paper.Id, ct).ConfigureAwait(false);
            var files = await reader.ReadFilesAsync(work[i].Paper, remembered, ct).ConfigureAwait(false);
            var consultations = await reader.ReadConsultationsAsync(work[i].Paper, ct).ConfigureAwait(false);
            read[i] = (files, consultations);
        }).ConfigureAwait(false);

        var documents = new List<(SourceDocument Document, OParlPaper Paper, StoredPaper? Before, PaperFiles Files)>();
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < work.Count; i++)
        {
            var (paper, before) = work[i];
            var (files, consultations) = read[i];
            counts.Downloads += files.Downloads;
            counts.Bytes += files.Bytes;
            issues.AddRange(files.Issues);
            counts.Failed += files.Issues.Count;
            var document = mapper.Map(paper, files.Files, consultations);
            if (document is null)
            {
                if (!files.TransientFailure)
                {
                    issues.Add(new IngestionIssue(paper.Id, files.Files.Count == 0 && files.Issues.Count == 0 ? "Drucksache ohne Datei: nichts aufzunehmen" : "keine lesbare Datei: nicht aufgenommen"));
                    await RememberAsync(paper, bodyId, null, StoredPaperState.NoText, files, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            // The same Drucksache number on two papers (two bodies of one system, or a server's mistake): the second keeps its own OParl id.
            if (claimed.TryGetValue(document.Id, out var other) || (other = await store.FindPaperOfDocumentAsync(document.Id, paper.Id, cancellationToken).ConfigureAwait(false)) is not null)
            {
                var own = OParlDocumentMapper.ReadableId(paper.Id);
                issues.Add(new IngestionIssue(paper.Id, $"Drucksachennummer {document.Id} ist schon der Drucksache {other} zugeordnet; aufgenommen als {own}"));
                document = document with { Id = own };
            }

            var existing = await index.GetDocumentAsync(document.Id, Everything, cancellationToken).ConfigureAwait(false);
            if (existing is { Visibility: not Visibility.Public })
            {
                counts.Refused++;
                issues.Add(new IngestionIssue(paper.Id, $"{document.Id}: ein nichtöffentliches Dokument mit dieser Nummer ist gespeichert; die öffentliche OParl-Fassung wird nicht übernommen und das Dokument nicht verändert"));
                await RememberAsync(paper, bodyId, document, StoredPaperState.Refused, files, cancellationToken).ConfigureAwait(false);
                continue;
            }

            claimed[document.Id] = paper.Id;
            documents.Add((document, paper, before, files));
        }

        if (documents.Count > 0)
        {
            var indexing = System.Diagnostics.Stopwatch.GetTimestamp();
            var report = await pipeline.IngestDocumentsAsync([.. documents.Select(d => d.Document)], Request, null, cancellationToken).ConfigureAwait(false);
            counts.IndexSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(indexing).TotalSeconds;
            counts.Imported += report.Documents;
            counts.Unchanged += report.Unchanged;
            counts.Failed += report.Errors.Count;
            issues.AddRange(report.Errors);
            var failed = report.Errors.Select(e => e.Source).ToHashSet(StringComparer.Ordinal);

            // The pipeline refuses a paper whose id another stored paper holds (see PaperIdentity): reported, never imported.
            counts.Refused += report.Refused.Count;
            issues.AddRange(report.Refused);
            var refused = report.Refused.Select(e => e.Source).ToHashSet(StringComparer.Ordinal);
            foreach (var (document, paper, _, files) in documents.Where(d => refused.Contains(d.Paper.Id)))
            {
                await RememberAsync(paper, bodyId, document, StoredPaperState.Refused, files, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (document, paper, before, files) in documents.Where(d => !failed.Contains(d.Paper.Id) && !refused.Contains(d.Paper.Id)))
            {
                if (before is { State: StoredPaperState.Imported, DocumentId: { } previous } && !string.Equals(previous, document.Id, StringComparison.Ordinal))
                {
                    await DeleteOwnDocumentAsync(previous, paper.Id, cancellationToken).ConfigureAwait(false);
                }

                await RememberAsync(paper, bodyId, document, StoredPaperState.Imported, files, cancellationToken).ConfigureAwait(false);
            }
        }

        return new PageResult(counts.ToCounts(), issues);
    }

    private static OParlPaper? Parse(JsonElement element, List<IngestionIssue> issues)
    {
        var source = OParlJson.FirstUrl(element) ?? "(Drucksache ohne id)";
        try
        {
            var paper = element.Deserialize<OParlPaper>(OParlJson.Options);
            if (paper is null || string.IsNullOrWhiteSpace(paper.Id))
            {
                issues.Add(new IngestionIssue(source, "Drucksache ohne id übersprungen"));
                return null;
            }

            return paper;
        }
        catch (JsonException ex)
        {
            issues.Add(new IngestionIssue(source, $"kein gültiges OParl-Paper ({ex.Message})"));
            return null;
        }
    }

    private async Task<bool> DeleteAsync(OParlPaper paper, StoredPaper? before, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return false;
        }

        if (before is { State: StoredPaperState.Imported, DocumentId: { } documentId })
        {
            await DeleteOwnDocumentAsync(documentId, paper.Id, cancellationToken).ConfigureAwait(false);
        }

        await store.DeletePaperAsync(paper.Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Only the document this paper became (its source is the paper's OParl id): never one ingested otherwise under the same number.
    private async Task DeleteOwnDocumentAsync(string documentId, string paperId, CancellationToken cancellationToken)
    {
        var stored = await index.GetDocumentAsync(documentId, Everything, cancellationToken).ConfigureAwait(false);
        if (stored is not null && string.Equals(stored.Source, paperId, StringComparison.Ordinal))
        {
            await index.DeleteAsync(documentId, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RememberAsync(OParlPaper paper, string bodyId, SourceDocument? document, StoredPaperState state, PaperFiles files, CancellationToken cancellationToken)
    {
        // After a passing failure the stamp is left empty, so the next run reads the paper again (remembered files are reused).
        var modified = files.TransientFailure ? null : paper.Modified;
        var links = (paper.RelatedPaper ?? []).Select(p => new PaperLink(p, "relatedPaper"))
            .Concat((paper.SuperordinatedPaper ?? []).Select(p => new PaperLink(p, "superordinatedPaper")))
            .Concat((paper.SubordinatedPaper ?? []).Select(p => new PaperLink(p, "subordinatedPaper")))
            .Where(l => !string.IsNullOrWhiteSpace(l.OtherPaperId) && l.OtherPaperId != paper.Id)
            .ToList();
        var stored = new StoredPaper(paper.Id, bodyId, document?.Id, document?.Type ?? DocumentType.Other, modified, OParlDocumentMapper.Version, state);
        return store.SavePaperAsync(stored, [.. files.Files.Select(f => f.Stored)], links, cancellationToken);
    }

    private sealed class Counter
    {
        public int Papers { get; set; }
        public int Imported { get; set; }
        public int Unchanged { get; set; }
        public int Deleted { get; set; }
        public int Refused { get; set; }
        public int Failed { get; set; }
        public int Downloads { get; set; }
        public long Bytes { get; set; }
        public double IndexSeconds { get; set; }

        public OParlSyncCounts ToCounts() => new()
        {
            Papers = Papers, Imported = Imported, Unchanged = Unchanged, Deleted = Deleted, Refused = Refused, Failed = Failed, Downloads = Downloads, DownloadedBytes = Bytes, IndexSeconds = IndexSeconds,
        };
    }
}

/// <summary>What importing one list page did.</summary>
internal sealed record PageResult(OParlSyncCounts Counts, IReadOnlyList<IngestionIssue> Issues);

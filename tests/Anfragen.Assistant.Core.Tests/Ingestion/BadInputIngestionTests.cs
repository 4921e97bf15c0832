using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using static Anfragen.Assistant.Ingestion.TestDocuments;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// The bad-input corpus through the whole pipeline: each bad file is refused with a message naming it, the good files
/// of the same batch are stored, and what the index held before is exactly what it holds after.
/// </summary>
public sealed class BadInputIngestionTests : IDisposable
{
    private static readonly SearchFilter Everything = new() { IncludeNonPublic = true };

    private readonly TestKnowledgeBase _kb = new(limits: new IngestionLimits { MaxTextChars = 20_000, MaxChunksPerDocument = 40, MaxJsonLineBytes = 16 * 1024 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Every_bad_file_is_refused_by_name_and_leaves_the_stored_documents_and_chunks_unchanged()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Archived("26-90001"), Archived("26-90002")], null, Ct);
        var before = await SnapshotAsync();
        var bad = await WriteBadInputsAsync(Path.Combine(_kb.Directory, "schlecht"));

        var report = await _kb.Pipeline.IngestPathsAsync([Path.Combine(_kb.Directory, "schlecht")], null, Ct);

        Assert.Equal(0, report.Documents);
        Assert.Equal(bad.Order(StringComparer.Ordinal), report.Errors.Select(e => Path.GetFileName(e.Source.Split(':')[0])).Order(StringComparer.Ordinal));
        Assert.All(report.Errors, e => Assert.DoesNotContain("Exception", e.Reason, StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task One_bad_file_never_stops_the_others_of_its_batch()
    {
        var folder = Path.Combine(_kb.Directory, "gemischt");
        await WriteBadInputsAsync(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "aa-gut.txt"), "Mitteilung der Verwaltung\n\nDie Brücke am Lindenplatz wird im Mai saniert.", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "zz-gut.txt"), "Mitteilung der Verwaltung\n\nDer Spielplatz an der Oker erhält neue Geräte.", Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "mm-kaputte-bytes.txt"), BadInputs.MostlyUtf8(badBytes: 1), Ct);

        var report = await _kb.Pipeline.IngestPathsAsync([folder], null, Ct);

        // Both good files and the mostly-UTF-8 one.
        Assert.Equal(3, report.Documents);
        Assert.Equal(6, report.Errors.Count);
        Assert.NotNull(await _kb.Retriever.FindByReferenceAsync("aa-gut", Everything, Ct));
        Assert.NotNull(await _kb.Retriever.FindByReferenceAsync("zz-gut", Everything, Ct));
        var warning = Assert.Single(report.Warnings);
        Assert.EndsWith("mm-kaputte-bytes.txt", warning.Source, StringComparison.Ordinal);
        Assert.Contains("ungültige UTF-8-Bytefolge", warning.Reason, StringComparison.Ordinal);
        var stored = Assert.Single(await _kb.Index.GetChunksAsync("mm-kaputte-bytes", Everything, Ct));
        Assert.Contains("Grünflächen \uFFFD werden im Frühjahr", stored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_corpus_line_is_refused_with_its_file_and_line_and_the_lines_after_it_are_read()
    {
        var corpus = Path.Combine(_kb.Directory, "korpus.jsonl");
        await File.WriteAllTextAsync(corpus, string.Join('\n',
            """{"id":"26-99000","type":"Mitteilung","title":"Vorher","text":"Die Ampel wird erneuert."}""",
            $$"""{"id":"26-99001","type":"Mitteilung","title":"Riesenzeile","text":"{{BadInputs.Repeat(40_000)}}"}""",
            """{"id":"26-99002","type":"Mitteilung","title":"Nachher","text":"Die Brücke wird saniert."}"""), Ct);

        var items = new List<LoadedItem>();
        await foreach (var item in _kb.Loader.LoadAsync([corpus], Ct))
        {
            items.Add(item);
        }

        Assert.Equal(["26-99000", null, "26-99002"], items.Select(i => i.Document?.Id));
        Assert.Equal($"{corpus}:2", items[1].Source);
        Assert.Equal("Zeile ist länger als 16 KB und wird ungelesen übersprungen (Grenze Anfragen:Ingestion:MaxJsonLineBytes)", items[1].Error);
        Assert.Equal($"{corpus}:3", items[2].Document!.Source);
    }

    [Fact]
    public async Task Documents_over_the_text_or_chunk_cap_are_refused_before_anything_is_embedded()
    {
        await _kb.Pipeline.IngestDocumentsAsync([Archived("26-90001")], null, Ct);
        var before = await SnapshotAsync();
        var embeddingCalls = _kb.Generator.Calls;
        var tooLong = Archived("26-90001") with { Text = BadInputs.Repeat(25_000), Source = "korpus.jsonl:7" };
        var tooManyChunks = new SourceDocument
        {
            Id = "26-90003",
            Type = DocumentType.Anfrage,
            Title = "Viele Fragen",
            Text = "Daher fragen wir:",
            Questions = Enumerable.Range(1, 50).Select(i => $"Wie steht es um Punkt {i}?").ToList(),
            Source = "viele-fragen.txt",
        };

        var report = await _kb.Pipeline.IngestDocumentsAsync([tooLong, tooManyChunks], null, Ct);

        Assert.Equal(0, report.Documents);
        Assert.Equal(embeddingCalls, _kb.Generator.Calls);
        Assert.Equal(
            [
                ("korpus.jsonl:7", "enthält mehr als 20.000 Zeichen Text und wird nicht aufgenommen (Grenze Anfragen:Ingestion:MaxTextChars)"),
                ("viele-fragen.txt", "ergibt 51 Abschnitte, erlaubt sind höchstens 40; nicht aufgenommen (Grenze Anfragen:Ingestion:MaxChunksPerDocument)"),
            ],
            report.Errors.Select(e => (e.Source, e.Reason)));
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>One of each bad kind; returns their file names.</summary>
    private static async Task<IReadOnlyList<string>> WriteBadInputsAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        BadInputs.WriteZipBombDocx(Path.Combine(folder, "26-90001.docx"), textBytes: 8 * 1024 * 1024);
        await File.WriteAllTextAsync(Path.Combine(folder, "tief.html"), BadInputs.DeepHtml(1_000), Ct);
        var pdf = BuildPdf(["Mitteilung 26-90002", "Die Bruecke wird saniert."]);
        await File.WriteAllBytesAsync(Path.Combine(folder, "abgeschnitten.pdf"), pdf[..(pdf.Length / 3)], Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bombe.pdf"), BadInputs.FlateBombPdf(3 * 1024 * 1024), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "ueberlang.txt"), "Mitteilung 26-90002\n" + BadInputs.Repeat(30_000), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "korpus.jsonl"), $$"""{"id":"26-90002","type":"Mitteilung","title":"Ersatz","text":"{{BadInputs.Repeat(30_000)}}"}""", Ct);
        return ["26-90001.docx", "tief.html", "abgeschnitten.pdf", "bombe.pdf", "ueberlang.txt", "korpus.jsonl"];
    }

    private static SourceDocument Archived(string id) => new()
    {
        Id = id,
        Type = DocumentType.Mitteilung,
        Title = $"Mitteilung {id}",
        Text = $"Mitteilung der Verwaltung {id}: Die Sanierung der Grundschule beginnt im Herbst.",
        Visibility = Visibility.NonPublic,
    };

    /// <summary>Every stored document with its hash, visibility and chunk texts: equal snapshots mean nothing changed.</summary>
    private async Task<string> SnapshotAsync()
    {
        var snapshot = new StringBuilder();
        foreach (var document in await _kb.Index.ListDocumentsAsync(Everything, 0, 1000, Ct))
        {
            snapshot.Append(document.Id).Append('|').Append(document.ContentHash).Append('|').Append(document.Visibility).Append('\n');
            foreach (var chunk in await _kb.Index.GetChunksAsync(document.Id, Everything, Ct))
            {
                snapshot.Append("  ").Append(chunk.ChunkId).Append(": ").Append(chunk.Text).Append('\n');
            }
        }

        var statistics = await _kb.Index.GetStatisticsAsync(Ct);
        return snapshot.Append(statistics.Documents).Append('/').Append(statistics.Chunks).ToString();
    }
}

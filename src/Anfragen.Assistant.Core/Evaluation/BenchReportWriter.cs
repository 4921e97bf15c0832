using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anfragen.Assistant.Evaluation;

/// <summary>Writes a <see cref="BenchReport"/> as Markdown tables (German headings) or as JSON (<c>--json</c>).</summary>
public static class BenchReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(Rounded(report), Json);

    public static async Task WriteMarkdownAsync(BenchReport report, int candidatePool, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Maschine: {report.Machine}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"### Suchlatenz (ms, ohne Einbettung der Anfrage; Top {candidatePool} Abschnitte, Filter öffentlich)").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| Abschnitte | Keyword p50 | Keyword p95 | Dense p50 | Dense p95 | Hybrid p50 | Hybrid p95 | Lucene p50 | Lucene p95 | Dense-Recall@10 | Aufbau (s) | Arbeitsspeicher-Spitze (MiB) |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|---|").ConfigureAwait(false);
        foreach (var r in report.Latency)
        {
            var lucene = r.Lucene is { } l ? Invariant($"{l.P50:F1} | {l.P95:F1}") : "– | –";
            var recall = r.DenseRecallAt10 is { } recallAt10 ? Invariant($"{recallAt10:F3}") : "–";
            await output.WriteLineAsync(Invariant($"| {r.Chunks:N0} | {r.Keyword.P50:F1} | {r.Keyword.P95:F1} | {r.Dense.P50:F1} | {r.Dense.P95:F1} | {r.Hybrid.P50:F1} | {r.Hybrid.P95:F1} | {lucene} | {recall} | {r.BuildSeconds:F0} | {r.PeakMiB:F0} |")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("### Ingestion (2 Durchgänge, abwechselnd)").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| Messung | Abschnitte/s |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|").ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"| Einbettungsmodell allein | {report.Ingestion.Encoder:F1} |")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"| Ingestion-Pipeline (Chunking, Einbettung, Schreiben je Dokument) | {report.Ingestion.Pipeline:F1} |")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"| Verhältnis Pipeline / Modell | {report.Ingestion.Ratio:F2} |")).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"Arbeitsspeicher-Spitze des ganzen Laufs (Process.PeakWorkingSet64, je Phase gemessen, zuletzt mit geladenem Modell): {report.PeakMiB:F0} MiB")).ConfigureAwait(false);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static BenchReport Rounded(BenchReport report) => report with
    {
        Latency = [.. report.Latency.Select(r => r with
        {
            Keyword = Round(r.Keyword),
            Dense = Round(r.Dense),
            Hybrid = Round(r.Hybrid),
            Lucene = r.Lucene is null ? null : Round(r.Lucene),
            BuildSeconds = Math.Round(r.BuildSeconds, 1),
            PeakMiB = Math.Round(r.PeakMiB),
            DenseRecallAt10 = r.DenseRecallAt10 is { } recall ? Math.Round(recall, 4) : null,
            LuceneBuildSeconds = r.LuceneBuildSeconds is { } seconds ? Math.Round(seconds, 1) : null,
        })],
        Ingestion = new IngestionRow(Math.Round(report.Ingestion.Encoder, 1), Math.Round(report.Ingestion.Pipeline, 1), Math.Round(report.Ingestion.Ratio, 3)),
        PeakMiB = Math.Round(report.PeakMiB),
    };

    private static Percentiles Round(Percentiles p) => new(Math.Round(p.P50, 2), Math.Round(p.P95, 2));
}

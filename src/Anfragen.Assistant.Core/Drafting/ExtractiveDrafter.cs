using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Drafting without a model: per question, the best answer passages of prior Stellungnahmen, verbatim, each with its
/// citation and labelled as a proposal. Candidates come from the hybrid retriever (question plus subject, the caller's
/// filter, Stellungnahmen first, Mitteilungen and Vorlagen of the administration only when no Stellungnahme fits); chunks that answer a numbered question come first; a candidate must share terms with the
/// question (so an unrelated best hit is not proposed), and the proposals are diverse: one per document, no near-duplicates.
/// The only words not taken from a source are the fixed labels below.
/// </summary>
internal sealed partial class ExtractiveDrafter(HybridRetriever retriever, GermanTextAnalyzer analyzer, LlmOptions options, ILogger logger)
{
    public const string ProposalLabel = "Vorschlag aus früheren Stellungnahmen";
    public const string NothingFound = "Hierzu liegen in den Unterlagen keine Informationen vor; Zulieferung durch den Fachbereich erforderlich.";
    public const string AdministrationPapersLabel = "Keine passende frühere Stellungnahme; Fundstellen in Mitteilungen und Vorlagen der Verwaltung";

    // Where no prior Stellungnahme fits, the administration's own papers are the next best source of its position
    // (a Mitteilung "Sachstand …" often answers what a later Anfrage asks). Anfragen and Anträge are the factions'
    // words, never proposed as the administration's answer.
    private static readonly DocumentType[] AdministrationPaperTypes = [DocumentType.Mitteilung, DocumentType.Vorlage];

    // Two proposals sharing this much of their vocabulary say the same thing.
    private const double NearDuplicateJaccard = 0.6;

    // Share of the question's idf weight a proposal must cover; document frequencies are counted up to a cap.
    private const double MinQuestionWeightShare = 0.3;

    // Administration papers are searched only when no Stellungnahme fits, and must also share a content term of the
    // subject; long many-part questions rarely reach 0.3 there (measured on the real seeds over the dev corpus: the
    // fitting "Sachstand Verwaltungsdigitalisierung" Mitteilung covers 0.23, unrelated papers stay below 0.2 or off-topic).
    private const double MinQuestionWeightShareAdministrationPapers = 0.2;
    private const int MaxDocumentFrequency = 1_000;

    // Words every council paper uses; sharing them says nothing about relevance ("Zu Frage 1", "die Verwaltung").
    private static readonly string[] Boilerplate =
    [
        "Frage", "Fragen", "Anfrage", "Antwort", "Stellungnahme", "Verwaltung", "Stadt", "Stadtverwaltung", "Rat", "Ratsfraktion",
        "Fraktion", "Jahr", "Jahre", "derzeit", "bereits", "gibt", "sowie", "wurde", "werden", "wird", "sollen",
        "insbesondere", "Bereich", "Rahmen", "Möglichkeit", "Beantwortung", "Sitzung", "Ausschuss", "mitgeteilt", "bisher", "Zeit",
        "wann", "warum", "weshalb", "wieso", "wo", "wohin", "woher", "inwieweit", "inwiefern", "wieviel", "wieviele", "welche", "welcher",
    ];

    private readonly HashSet<string> _boilerplate = [.. Boilerplate.SelectMany(analyzer.Analyze)];

    public async Task<DraftAnswer> DraftAsync(Inquiry inquiry, InquiryQuestion question, Principal principal, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var questionText = PassageSet.Cut(question.Text, options.MaxQuestionChars);
        var query = string.Join(' ', new[] { questionText, inquiry.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var filter = PassageCollector.FilterFor(principal, inquiry) with { Types = [DocumentType.Stellungnahme] };
        var picked = await ProposeAsync(query, questionText, filter, principal, cancellationToken, inquiry.Subject).ConfigureAwait(false);
        var label = ProposalLabel;
        if (picked.Count == 0)
        {
            var administrationPapers = filter with { Types = AdministrationPaperTypes };
            picked = await ProposeAsync(query, questionText, administrationPapers, principal, cancellationToken, inquiry.Subject, MinQuestionWeightShareAdministrationPapers).ConfigureAwait(false);
            label = AdministrationPapersLabel;
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Zu Frage {question.Number}: ");
        var citations = new List<Citation>();
        if (picked.Count == 0)
        {
            text.Append(NothingFound);
        }
        else
        {
            text.Append(label).Append(" (bitte prüfen und anpassen):");
            foreach (var chunk in picked)
            {
                var marker = $"[{citations.Count + 1}]";
                text.Append("\n\n").Append(marker).Append(' ').Append(PassageSet.Cut(chunk.Text, options.MaxPassageChars));
                citations.Add(new Citation(marker, chunk.DocumentId, chunk.ChunkId, chunk.Title, chunk.Text));
            }
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        DraftingLog.QuestionDrafted(logger, question.Number, DraftMode.Extractive, picked.Count, citations.Count, 0, 0, 0, elapsed);
        return new DraftAnswer
        {
            Number = question.Number,
            Question = question.Text,
            Draft = text.ToString(),
            Mode = DraftMode.Extractive,
            Citations = citations,
            ElapsedMs = elapsed,
        };
    }

    /// <summary>The passages proposed for <paramref name="query"/>, best first (also the chat's answer without a model).</summary>
    /// <remarks>With <c>topicText</c> (the inquiry's subject) a proposal must share one of its content terms: it is on the topic.</remarks>
    public async Task<IReadOnlyList<Chunk>> ProposeAsync(
        string query, string relevanceText, SearchFilter filter, Principal principal, CancellationToken cancellationToken, string? topicText = null, double minWeightShare = MinQuestionWeightShare)
    {
        var hits = await retriever.SearchAsync(query, SearchMode.Hybrid, filter, Math.Max(30, options.ExtractiveSuggestions * 10), cancellationToken).ConfigureAwait(false);
        var weights = await TermWeightsAsync(query, SearchFilter.For(principal), cancellationToken).ConfigureAwait(false);
        var questionTerms = Terms(relevanceText);

        // Relevance is measured against the question's own terms: a subject naming two topics ("Fahrradparkhaus und
        // Radschnellweg") would otherwise let a passage on the other topic outweigh the one that answers the question.
        // The subject still decides the topic (below) and is part of the retrieval query.
        var questionWeights = weights.Where(w => questionTerms.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        var relevanceWeights = questionWeights.Count > 0 ? questionWeights : weights;
        var topic = string.IsNullOrWhiteSpace(topicText)
            ? []
            : Terms(topicText).Where(weights.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var candidates = hits.Select(h => h.Chunk)
            .Where(c =>
            {
                if (filter.Allows(c))
                {
                    return true;
                }

                DraftingLog.PassageRejectedByFilter(logger, c.ChunkId, principal.UserName);
                return false;
            })
            .Select(c => (Chunk: c, Terms: Terms(c.Text)))
            .Select(c => (c.Chunk, c.Terms, Covered: relevanceWeights.Where(w => c.Terms.Contains(w.Key)).Sum(w => w.Value)))
            .Where(c => IsRelevant(c.Terms, c.Covered, relevanceWeights, questionTerms, minWeightShare) && (topic.Count == 0 || topic.Overlaps(c.Terms)))
            .ToList();

        // Answers to a numbered question first; within each group the passage that covers most of the question's own
        // weight leads (the subject draws every answer of a topic into the candidates, the question picks the one that
        // answers it), retrieval rank breaking ties.
        var ordered = candidates.Where(c => c.Chunk.QuestionNumber is not null).OrderByDescending(c => c.Covered)
            .Concat(candidates.Where(c => c.Chunk.QuestionNumber is null).OrderByDescending(c => c.Covered));
        var picked = new List<(Chunk Chunk, HashSet<string> Terms, double Covered)>();
        foreach (var candidate in ordered)
        {
            if (picked.Count >= options.ExtractiveSuggestions)
            {
                break;
            }

            if (picked.Any(p => p.Chunk.DocumentId == candidate.Chunk.DocumentId || Jaccard(p.Terms, candidate.Terms) >= NearDuplicateJaccard))
            {
                continue;
            }

            picked.Add(candidate);
        }

        return [.. picked.Select(p => p.Chunk)];
    }

    // A passage is relevant when it holds a good part of the weight of the question: each term counts by its inverse
    // document frequency in the archive (BM25's idf), so rare, specific words ("Innovationsstrategie") decide and common
    // ones ("Umsetzung", "kommenden") do not; for a generic question ("Welche Schritte sind geplant?") the topic check
    // against the subject keeps other topics out. It must share two terms (one with a one-term question).
    // Measured on the dev corpus: a plain count of shared terms proposed unrelated answers for long questions.
    private static bool IsRelevant(HashSet<string> chunkTerms, double covered, Dictionary<string, double> weights, HashSet<string> questionTerms, double minWeightShare)
    {
        var total = weights.Values.Sum();
        if (total <= 0)
        {
            return false;
        }

        var shared = weights.Keys.Count(chunkTerms.Contains);
        return covered / total >= minWeightShare
            && (shared >= 2 || weights.Count <= 1)
            && questionTerms.Any(chunkTerms.Contains);
    }

    /// <summary>idf of each content term of <paramref name="text"/>, from keyword-search document frequencies over what the caller may see.</summary>
    private async Task<Dictionary<string, double>> TermWeightsAsync(string text, SearchFilter filter, CancellationToken cancellationToken)
    {
        var statistics = await retriever.Index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var total = Math.Max(1, statistics.Chunks);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in WordSplit().Split(text).Where(w => w.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var terms = Terms(word).Where(t => !weights.ContainsKey(t)).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            var frequency = (await retriever.Index.KeywordSearchAsync(word, filter, MaxDocumentFrequency, cancellationToken).ConfigureAwait(false)).Count;
            // A word the archive does not hold still counts (the archive does not cover that part of the question), but
            // no more than a word held once: a stemming mismatch ("kostet"/"Kosten") must not outweigh the whole question.
            frequency = Math.Max(1, frequency);
            var idf = Math.Log(((total - frequency + 0.5) / (frequency + 0.5)) + 1);
            foreach (var term in terms)
            {
                weights[term] = idf;
            }
        }

        return weights;
    }

    private HashSet<string> Terms(string text) => [.. analyzer.Analyze(text).Where(t => t.Length >= 2 && !_boilerplate.Contains(t))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    [GeneratedRegex(@"[^\p{L}\p{N}-]+")]
    private static partial Regex WordSplit();
}

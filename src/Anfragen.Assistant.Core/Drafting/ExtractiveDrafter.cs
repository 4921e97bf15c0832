using System.Diagnostics;
using System.Globalization;
using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Drafting without a model: per question, the best answer passages of prior Stellungnahmen, verbatim, each with its
/// citation and labelled as a proposal. Candidates come from the hybrid retriever (question plus subject, the caller's
/// filter, Stellungnahmen only); chunks that answer a numbered question come first; a candidate must share terms with the
/// question (so an unrelated best hit is not proposed), and the proposals are diverse: one per document, no near-duplicates.
/// The only words not taken from a source are the fixed labels below.
/// </summary>
internal sealed class ExtractiveDrafter(HybridRetriever retriever, GermanTextAnalyzer analyzer, LlmOptions options, ILogger logger)
{
    public const string ProposalLabel = "Vorschlag aus früheren Stellungnahmen";
    public const string NothingFound = "Hierzu liegen in den Unterlagen keine Informationen vor; Zulieferung durch den Fachbereich erforderlich.";

    // Two proposals sharing this much of their vocabulary say the same thing.
    private const double NearDuplicateJaccard = 0.6;

    private const double MinQuestionTermShare = 0.25;

    // Words every council paper uses; sharing them says nothing about relevance ("Zu Frage 1", "die Verwaltung").
    private static readonly string[] Boilerplate =
    [
        "Frage", "Fragen", "Anfrage", "Antwort", "Stellungnahme", "Verwaltung", "Stadt", "Stadtverwaltung", "Rat", "Ratsfraktion",
        "Fraktion", "Braunschweig", "Jahr", "Jahre", "derzeit", "bereits", "gibt", "sowie", "wurde", "werden", "wird", "sollen",
        "insbesondere", "Bereich", "Rahmen", "Möglichkeit", "Beantwortung", "Sitzung", "Ausschuss", "mitgeteilt", "bisher", "Zeit",
    ];

    private readonly HashSet<string> _boilerplate = [.. Boilerplate.SelectMany(analyzer.Analyze)];

    public async Task<DraftAnswer> DraftAsync(Inquiry inquiry, InquiryQuestion question, Principal principal, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var questionText = PassageSet.Cut(question.Text, options.MaxQuestionChars);
        var query = string.Join(' ', new[] { questionText, inquiry.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var filter = PassageCollector.FilterFor(principal, inquiry) with { Types = [DocumentType.Stellungnahme] };
        var picked = await ProposeAsync(query, questionText, filter, principal, cancellationToken).ConfigureAwait(false);

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Zu Frage {question.Number}: ");
        var citations = new List<Citation>();
        if (picked.Count == 0)
        {
            text.Append(NothingFound);
        }
        else
        {
            text.Append(ProposalLabel).Append(" (bitte prüfen und anpassen):");
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
    public async Task<IReadOnlyList<Chunk>> ProposeAsync(string query, string relevanceText, SearchFilter filter, Principal principal, CancellationToken cancellationToken)
    {
        var hits = await retriever.SearchAsync(query, SearchMode.Hybrid, filter, Math.Max(30, options.ExtractiveSuggestions * 10), cancellationToken).ConfigureAwait(false);
        var questionTerms = Terms(relevanceText);
        var queryTerms = Terms(query);
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
            .Where(c => IsRelevant(c.Terms, questionTerms, queryTerms))
            .ToList();

        // Answers to a numbered question first (rank order kept within each group).
        var ordered = candidates.Where(c => c.Chunk.QuestionNumber is not null).Concat(candidates.Where(c => c.Chunk.QuestionNumber is null));
        var picked = new List<(Chunk Chunk, HashSet<string> Terms)>();
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

    // Content terms shared with the question: at least a quarter of the question's own (at least one), and at least two
    // with question and subject together (a one-word question needs that one word). Boilerplate terms do not count.
    // Measured on the dev corpus: without the quarter rule, long questions matched unrelated answers on one or two common verbs.
    private static bool IsRelevant(HashSet<string> chunkTerms, HashSet<string> questionTerms, HashSet<string> queryTerms)
    {
        var fromQuestion = questionTerms.Count(chunkTerms.Contains);
        var fromQuery = queryTerms.Count(chunkTerms.Contains);
        var needed = Math.Max(1, (int)Math.Ceiling(questionTerms.Count * MinQuestionTermShare));
        return fromQuestion >= needed && (fromQuery >= 2 || questionTerms.Count <= 1);
    }

    private HashSet<string> Terms(string text) => [.. analyzer.Analyze(text).Where(t => t.Length > 2 && !_boilerplate.Contains(t))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}

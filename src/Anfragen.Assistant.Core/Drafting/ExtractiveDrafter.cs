using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Drafting without a model: per question, the best answer passages of prior Stellungnahmen, verbatim, each with its
/// citation; a note beside the text says it is a proposal. Candidates come from the hybrid retriever (question plus subject, under the
/// caller's filter) over Stellungnahmen and earlier Anfragen: a matching earlier question stands for the answer it got
/// (<see cref="PriorAnswer"/>), never for itself. Mitteilungen and Vorlagen of the administration are searched only when no
/// Stellungnahme fits. A candidate must hold enough of the idf weight of the question's own words and be on the subject's
/// topic; answers to numbered questions come first; the proposals are diverse: one per document, no near-duplicates.
/// The draft text holds only words of the sources (without the earlier answer's own "Zu 3.:" heading); the fixed labels
/// below go into the note, which never leaves the tool. The chat without a model calls
/// <see cref="ProposeAsync"/> without a subject: there a paper's title gives each passage its topic, and nouns the archive
/// never names decide.
/// </summary>
internal sealed partial class ExtractiveDrafter(HybridRetriever retriever, IPaperLinks links, GermanTextAnalyzer analyzer, LlmOptions options, ILogger logger)
{
    public const string ProposalLabel = "Vorschlag aus früheren Stellungnahmen";
    public const string NothingFound = "Hierzu liegen in den Unterlagen keine Informationen vor; Zulieferung durch den Fachbereich erforderlich.";
    public const string AdministrationPapersLabel = "Keine passende frühere Stellungnahme; Fundstellen in Mitteilungen und Vorlagen der Verwaltung";
    public const string ProposalHint = " (bitte prüfen und anpassen)";

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

    // One word carrying this much of the question's weight is enough ("Fachkräftegewinnung" in "Welche Maßnahmen gibt es
    // zur Fachkräftegewinnung?").
    private const double DominantWordShare = 0.5;

    // How much of a compound's weight a passage earns with all of its parts but not the compound, or with some parts.
    private const double AllPartsCredit = 0.7;
    private const double SomePartsCredit = 0.25;

    // Coverage shares within the same step of this size count as equal when ordering proposals.
    private const double NearlyEqualShare = 0.05;

    // Shorter remainders of a compound are linking letters or endings, not words.
    private const int MinRemainderLength = 4;

    // Weight of a word written in lower case (verb, adjective, adverb) relative to a noun of the same idf.
    private const double LowerCaseWordFactor = 0.5;

    // Words every council paper uses; sharing them says nothing about relevance ("Zu Frage 1", "die Verwaltung").
    private static readonly string[] Boilerplate =
    [
        "Frage", "Fragen", "Anfrage", "Antwort", "Stellungnahme", "Verwaltung", "Stadt", "Stadtverwaltung", "Rat", "Ratsfraktion",
        "Fraktion", "Jahr", "Jahre", "derzeit", "bereits", "gibt", "sowie", "wurde", "werden", "wird", "sollen",
        "insbesondere", "Bereich", "Rahmen", "Möglichkeit", "Beantwortung", "Sitzung", "Ausschuss", "mitgeteilt", "bisher", "Zeit",
        "Stand", "Sachstand", "aktuell", "aktuelle", "aktuellen", "Maßnahme", "Maßnahmen",
        "wann", "warum", "weshalb", "wieso", "wo", "wohin", "woher", "inwieweit", "inwiefern", "wieviel", "wieviele", "welche", "welcher",
    ];

    private readonly HashSet<string> _boilerplate = [.. Boilerplate.SelectMany(analyzer.Analyze)];

    public async Task<DraftAnswer> DraftAsync(Inquiry inquiry, InquiryQuestion question, Principal principal, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var questionText = PassageSet.Cut(question.Text, options.MaxQuestionChars);
        var query = string.Join(' ', new[] { questionText, inquiry.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
        // Earlier Anfragen are searched too: a question like an earlier one leads to the answer it got (PriorAnswer).
        var filter = PassageCollector.FilterFor(principal, inquiry) with { Types = [DocumentType.Stellungnahme, DocumentType.Anfrage] };
        var words = await QuestionWordsAsync(query, questionText, principal, cancellationToken).ConfigureAwait(false);
        var picked = await ProposeWithWordsAsync(query, words, filter, principal, inquiry.Subject, MinQuestionWeightShare, cancellationToken).ConfigureAwait(false);
        var label = ProposalLabel;
        if (picked.Count == 0)
        {
            var administrationPapers = filter with { Types = AdministrationPaperTypes };
            picked = await ProposeWithWordsAsync(query, words, administrationPapers, principal, inquiry.Subject, MinQuestionWeightShareAdministrationPapers, cancellationToken).ConfigureAwait(false);
            label = AdministrationPapersLabel;
        }

        // The answer text is the passages alone, each followed by its marker; how they were found is a note beside it.
        var text = new StringBuilder();
        var citations = new List<Citation>();
        foreach (var chunk in picked)
        {
            var marker = $"[{citations.Count + 1}]";
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(PassageSet.Cut(AnswerHeading.StripAny(LetterFrame.StripHead(chunk.Text)), options.MaxPassageChars)).Append(' ').Append(marker);
            citations.Add(new Citation(marker, chunk.DocumentId, chunk.ChunkId, chunk.Title, chunk.Text));
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        DraftingLog.QuestionDrafted(logger, question.Number, DraftMode.Extractive, picked.Count, citations.Count, 0, 0, 0, elapsed);
        return new DraftAnswer
        {
            Number = question.Number,
            Question = question.Text,
            Draft = text.ToString(),
            Note = picked.Count == 0 ? NothingFound : label + ProposalHint,
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
        var words = await QuestionWordsAsync(query, relevanceText, principal, cancellationToken).ConfigureAwait(false);
        return await ProposeWithWordsAsync(query, words, filter, principal, topicText, minWeightShare, cancellationToken).ConfigureAwait(false);
    }

    // Relevance is measured against the question's own words: a subject naming two topics ("Fahrradparkhaus und
    // Radschnellweg") would otherwise let a passage on the other topic outweigh the one that answers the question.
    // The subject still decides the topic and is part of the retrieval query. Weighed once per question: the weights
    // depend on the words and the caller's clearance, not on the types a pass searches.
    private async Task<List<WeightedWord>> QuestionWordsAsync(string query, string relevanceText, Principal principal, CancellationToken cancellationToken)
    {
        var words = await WordWeightsAsync(relevanceText, SearchFilter.For(principal), cancellationToken).ConfigureAwait(false);
        return words.Count > 0 ? words : await WordWeightsAsync(query, SearchFilter.For(principal), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Chunk>> ProposeWithWordsAsync(
        string query, List<WeightedWord> words, SearchFilter filter, Principal principal, string? topicText, double minWeightShare, CancellationToken cancellationToken)
    {
        var hits = await retriever.SearchAsync(query, SearchMode.Hybrid, filter, Math.Max(30, options.ExtractiveSuggestions * 10), cancellationToken).ConfigureAwait(false);
        var topic = string.IsNullOrWhiteSpace(topicText) ? [] : Terms(topicText);
        var candidates = new List<(Chunk Chunk, WordCoverage Coverage)>();
        foreach (var hit in hits)
        {
            var chunk = hit.Chunk;
            if (!filter.Allows(chunk))
            {
                DraftingLog.PassageRejectedByFilter(logger, chunk.ChunkId, principal.UserName);
                continue;
            }

            if (LetterFrame.IsOnlyHead(chunk.Text))
            {
                continue;
            }

            // Without a subject (the chat), the document's title gives each passage its topic: "Zu 3." of the
            // Stellungnahme on "Fachkräftegewinnung" is about Fachkräftegewinnung even where its text does not repeat the
            // word. A draft has the subject for that, and there the title would let the passage of a paper on two topics
            // ("Fahrradstraßen und Radschnellweg") on the other topic outrank the one that answers the question.
            var text = topic.Count == 0 ? DocumentChunker.EmbeddingText(chunk) : chunk.Text;
            var terms = Terms(text);
            var coverage = Coverage(words, terms, text);
            // On the topic: the passage or its paper's title shares a content word of the subject, or the passage holds
            // most of the question's own weight (a close match needs no subject: "Wie lange dauert es, eine Stelle zu
            // besetzen?" under the Betreff "Personalgewinnung").
            var onTopic = topic.Count == 0 || coverage.Share >= DominantWordShare || topic.Overlaps(terms) || topic.Overlaps(Terms(chunk.Title));
            if (!IsRelevant(coverage, minWeightShare, unknownNounsDecide: topic.Count == 0) || !onTopic)
            {
                continue;
            }

            // A matching question of an earlier Anfrage points to its answer: the administration's words, where the
            // answer uses other words than the question ("Ransomware-Angriff" for "Cyberangriff").
            var answer = await PriorAnswer.FindAsync(retriever.Index, links, chunk, filter, cancellationToken).ConfigureAwait(false);
            if (answer is null && chunk.DocumentType == DocumentType.Anfrage && topic.Count > 0)
            {
                // A draft proposes the administration's words, never a faction's question.
                continue;
            }

            if (answer is not null)
            {
                if (candidates.Any(c => c.Chunk.ChunkId == answer.ChunkId))
                {
                    continue;
                }

                chunk = answer;
            }

            candidates.Add((chunk, coverage));
        }

        // Answers to a numbered question first; within each group the passage that covers most of the question's own
        // weight leads (the subject draws every answer of a topic into the candidates, the question picks the one that
        // answers it), retrieval rank breaking ties.
        // Passages that cover about the same share are ordered newest first: the latest state of a matter leads.
        var ordered = candidates.Where(c => c.Chunk.QuestionNumber is not null).OrderByDescending(c => ShareStep(c.Coverage)).ThenByDescending(c => c.Chunk.Date)
            .Concat(candidates.Where(c => c.Chunk.QuestionNumber is null).OrderByDescending(c => ShareStep(c.Coverage)).ThenByDescending(c => c.Chunk.Date));
        var picked = new List<(Chunk Chunk, HashSet<string> Terms)>();
        foreach (var (chunk, _) in ordered)
        {
            if (picked.Count >= options.ExtractiveSuggestions)
            {
                break;
            }

            var textTerms = Terms(chunk.Text);
            if (picked.Any(p => p.Chunk.DocumentId == chunk.DocumentId || Jaccard(p.Terms, textTerms) >= NearDuplicateJaccard))
            {
                continue;
            }

            picked.Add((chunk, textTerms));
        }

        return [.. picked.Select(p => p.Chunk)];
    }

    // A passage is relevant when it holds a good part of the weight of the question: each word counts by its inverse
    // document frequency in the archive (BM25's idf), so rare, specific words ("Innovationsstrategie") decide and common
    // ones ("Umsetzung", "kommenden") do not; for a generic question ("Welche Schritte sind geplant?") the topic check
    // against the subject keeps other topics out. It must match two of the question's words, or one word that carries
    // half of the question's weight (a one-word question needs that one word).
    // Measured on the dev corpus: a plain count of shared terms proposed unrelated answers for long questions.
    // Without a subject to check the topic against (the chat), nouns the archive does not hold at all decide when they
    // carry most of the question: no passage on costs answers "Wie hoch sind die Kosten für den Winterdienst?" when the
    // archive never mentions a Winterdienst. A compound whose parts are all there ("Fahrradstellplätze": Fahrrad,
    // Stellplätze) is held; one unknown noun among several known ones ("Gebührenbefreiung") does not decide.
    private static bool IsRelevant(WordCoverage coverage, double minWeightShare, bool unknownNounsDecide) =>
        coverage.Share >= minWeightShare
        && (coverage.Matched >= 2 || coverage.Words <= 1 || coverage.Share >= DominantWordShare)
        && (!unknownNounsDecide || coverage.MissedUnknownNounShare < DominantWordShare);

    // A compound counts in full when the passage holds the compound itself; its parts alone count for less, since
    // "Winterdienst" is not answered by a passage on the "Rettungsdienst", nor "Fachkräftegewinnung" by "Fachkräftezulage".
    private static WordCoverage Coverage(IReadOnlyList<WeightedWord> words, HashSet<string> terms, string text)
    {
        string? folded = null;
        double total = 0, covered = 0;
        var matched = 0;
        double missedUnknownNouns = 0;
        foreach (var word in words)
        {
            total += word.Idf;
            double part;
            if (terms.Contains(word.Term))
            {
                part = 1;
            }
            else if (word.Parts.Length + word.Rest.Length == 0)
            {
                part = 0;
            }
            else
            {
                folded ??= word.Rest.Length > 0 ? FoldLikeAnalyzer(text) : string.Empty;
                var held = word.Parts.Count(terms.Contains) + word.Rest.Count(r => folded.Contains(r, StringComparison.Ordinal));
                var pieces = word.Parts.Length + word.Rest.Length;
                part = held == pieces && pieces > 1 ? AllPartsCredit : SomePartsCredit * held / pieces;
            }

            covered += part * word.Idf;
            matched += part >= AllPartsCredit ? 1 : 0;
            missedUnknownNouns += word.UnknownNoun && part < AllPartsCredit ? word.Idf : 0;
        }

        return total > 0 ? new WordCoverage(covered / total, matched, words.Count, missedUnknownNouns / total) : default;
    }

    /// <summary>
    /// Each content word of <paramref name="text"/> with its idf, from the document frequencies of the keyword index
    /// (<see cref="Storage.IVocabularyStatistics"/>, one call for all words) over what the caller may see, and its
    /// compound parts. A compound counts the chunks holding the compound itself, not its parts.
    /// </summary>
    private async Task<List<WeightedWord>> WordWeightsAsync(string text, SearchFilter filter, CancellationToken cancellationToken)
    {
        var total = Math.Max(1, await retriever.Index.CountChunksAsync(cancellationToken).ConfigureAwait(false));
        var candidates = new List<(Match Match, List<string> Terms)>();
        foreach (var match in Word().Matches(text).Where(m => m.Length >= 2).DistinctBy(m => m.Value, StringComparer.OrdinalIgnoreCase))
        {
            // The analyzer yields the compound first, then its parts.
            var terms = analyzer.Analyze(match.Value).Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0 || _boilerplate.Contains(terms[0]) || candidates.Any(c => c.Terms[0] == terms[0]))
            {
                continue;
            }

            candidates.Add((match, terms));
        }

        var frequencies = await retriever.Index.CountChunksWithTermsAsync([.. candidates.Select(c => c.Terms[0])], filter, MaxDocumentFrequency, cancellationToken).ConfigureAwait(false);
        var words = new List<WeightedWord>();
        foreach (var (match, terms) in candidates)
        {
            var word = match.Value;
            var frequency = frequencies.GetValueOrDefault(terms[0]);
            var unknownNoun = frequency == 0 && char.IsUpper(word[0]) && !StartsSentence(text, match.Index);
            // A word the archive does not hold still counts (the archive does not cover that part of the question), but
            // no more than a word held once: a stemming mismatch ("kostet"/"Kosten") must not outweigh the whole question.
            frequency = Math.Max(1, frequency);
            var idf = Math.Log(((total - frequency + 0.5) / (frequency + 0.5)) + 1);

            // German capitalises its nouns, and nouns name the topic ("Cyberangriff"); a verb or adjective the archive
            // happens not to hold ("vorbereitet") must not outweigh it.
            if (char.IsLower(word[0]))
            {
                idf *= LowerCaseWordFactor;
            }

            var parts = terms.Skip(1).ToArray();
            words.Add(new WeightedWord(terms[0], [.. parts.Where(t => !_boilerplate.Contains(t))], Remainders(terms[0], parts), idf, unknownNoun));
        }

        return words;
    }

    // Lower case and German2 normalisation as the analyzer applies it (ä/ae → a, ö/oe → o, ü → u, ue → u except after
    // a vowel or q, ß → ss), so an analysed stem can be found as a substring.
    private static string FoldLikeAnalyzer(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var previous = folded.Length > 0 ? folded[^1] : '\0';
            switch (lower)
            {
                case 'ä':
                    folded.Append('a');
                    break;
                case 'ö':
                    folded.Append('o');
                    break;
                case 'ü':
                    folded.Append('u');
                    break;
                case 'ß':
                    folded.Append("ss");
                    break;
                case 'e' when previous is 'a' or 'o':
                    break;
                case 'e' when previous == 'u' && folded.Length > 1 && folded[^2] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'q'):
                    break;
                default:
                    folded.Append(lower);
                    break;
            }
        }

        return folded.ToString();
    }

    private static int ShareStep(WordCoverage coverage) => (int)Math.Floor(coverage.Share / NearlyEqualShare);

    // What the dictionary of compound parts does not know of a compound: "winter" in "Winterdienst" (only "dienst" is
    // listed), "stellplatz" in "Fahrradstellplätze". Without it, every "Rettungsdienst" would hold all known parts of
    // "Winterdienst". What follows a known part often starts with a linking element or is only the rest of a stem
    // ("ungs" after "digitalisier"), so there the rest must be longer after the linking element is dropped.
    private static string[] Remainders(string compound, string[] parts)
    {
        var rest = compound;
        foreach (var part in parts.OrderByDescending(p => p.Length))
        {
            var at = rest.IndexOf(part, StringComparison.Ordinal);
            if (at >= 0)
            {
                rest = string.Concat(rest.AsSpan(0, at), "|", rest.AsSpan(at + part.Length));
            }
        }

        var pieces = rest.Split('|');
        if (pieces.Length == 1)
        {
            return [];
        }

        var lead = pieces[0].Length >= MinRemainderLength ? new[] { pieces[0] } : [];
        var tails = pieces.Skip(1).Select(p => LinkingElement().Replace(p, string.Empty)).Where(p => p.Length > MinRemainderLength);
        return [.. lead.Concat(tails)];
    }

    [GeneratedRegex("^(ungs|ung|ens|es|en|s|n|e)")]
    private static partial Regex LinkingElement();

    // A capital letter marks a noun only where no sentence starts.
    private static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        return before.IsEmpty || before[^1] is '.' or '?' or '!' or ':' or ';' or '\n' or '"' or '„' or '(' or '-' or '–' || char.IsDigit(before[^1]);
    }

    /// <summary>A content word: its term, its compound parts (analysed terms, and the rest as folded text), its weight, and whether it is a noun (capitalised, not opening a sentence) the archive does not hold at all.</summary>
    private sealed record WeightedWord(string Term, string[] Parts, string[] Rest, double Idf, bool UnknownNoun);

    /// <summary>How much of the question's weight a passage holds, how many of its words, and the share of unknown nouns it misses.</summary>
    private readonly record struct WordCoverage(double Share, int Matched, int Words, double MissedUnknownNounShare);

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

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

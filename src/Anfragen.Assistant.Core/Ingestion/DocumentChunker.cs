using System.Text.RegularExpressions;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Splits a council paper the way it is read: an Anfrage into its background and one chunk per numbered question
/// (prefixed with the subject, so a question chunk stands alone); a Stellungnahme at "Zu Frage 1" / "Zu 1." /
/// "Frage 1:" so each answer is its own chunk carrying the question number; everything else at headings and
/// paragraphs into ~250-word chunks with a short overlap. Chunk texts are verbatim slices of the document
/// (plus the subject prefix for questions): citations are verified against them.
/// </summary>
public sealed partial class DocumentChunker(ChunkingOptions? options = null)
{
    /// <summary>Between the subject and "Frage n:" in a question chunk.</summary>
    public const string QuestionSeparator = " – ";

    /// <summary>
    /// Raise when the chunks made from the same document change, or the terms the analyzer makes of them (its compound
    /// parts), so re-ingesting replaces the old ones.
    /// </summary>
    public const int Version = 4;

    private readonly ChunkingOptions _options = options ?? ChunkingOptions.Default;

    /// <exception cref="DocumentReadException">The document's text or its chunks exceed the caps of <see cref="ChunkingOptions"/>:
    /// it is refused whole, never stored cut short (a truncated paper would look complete in search and drafts).</exception>
    public IReadOnlyList<Chunk> Split(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Text.Length > _options.MaxTextChars)
        {
            throw LimitExceeded.Text(document.Source ?? document.Id, _options.MaxTextChars);
        }

        var pieces = document.Type switch
        {
            DocumentType.Anfrage => SplitInquiry(document),
            DocumentType.Stellungnahme => SplitAnswer(document.Text),
            _ => SplitProse(document.Text).Select(t => new Piece(t, null)).ToList(),
        };

        var count = pieces.Count(p => p.Text.AsSpan().Trim().Length > 0);
        if (count > _options.MaxChunks)
        {
            throw LimitExceeded.Chunks(document.Source ?? document.Id, count, _options.MaxChunks);
        }

        var chunks = new List<Chunk>(count);
        foreach (var piece in pieces)
        {
            var text = piece.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            chunks.Add(new Chunk
            {
                ChunkId = Chunk.MakeId(document.Id, chunks.Count),
                DocumentId = document.Id,
                Ordinal = chunks.Count,
                DocumentType = document.Type,
                Title = document.Title,
                Date = document.Date,
                Committee = document.Committee,
                Visibility = document.Visibility,
                QuestionNumber = piece.QuestionNumber,
                Text = text,
            });
        }

        return chunks;
    }

    /// <summary>The text a chunk is embedded from: its document's title gives short passages their topic.</summary>
    public static string EmbeddingText(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return chunk.Title.Length == 0 || chunk.Text.StartsWith(chunk.Title + QuestionSeparator, StringComparison.Ordinal) ? chunk.Text : chunk.Title + "\n" + chunk.Text;
    }

    private List<Piece> SplitInquiry(SourceDocument document)
    {
        var questions = document.Questions.Count > 0 ? document.Questions : FindNumberedItems(document.Text).Select(i => i.Body).ToList();
        if (questions.Count == 0)
        {
            return SplitProse(document.Text).Select(t => new Piece(t, null)).ToList();
        }

        // The background is the text before the first question (its number marker and lead-in stay in the background).
        var background = document.Text;
        var first = questions[0].Trim();
        var probe = first.Length > 40 ? first[..40] : first;
        var at = probe.Length > 0 ? document.Text.IndexOf(probe, StringComparison.Ordinal) : -1;
        if (at >= 0)
        {
            background = TrailingMarker().Replace(document.Text[..at], string.Empty);
        }

        var pieces = SplitProse(background).Select(t => new Piece(t, null)).ToList();
        var prefix = document.Title.Trim();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i].Trim();
            if (question.Length > 0)
            {
                pieces.Add(new Piece(prefix.Length > 0 ? $"{prefix}{QuestionSeparator}Frage {i + 1}: {question}" : $"Frage {i + 1}: {question}", i + 1));
            }
        }

        return pieces;
    }

    private List<Piece> SplitAnswer(string text)
    {
        var markers = AnswerMarker().Matches(text).Select(m => (m.Index, Number: int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (markers.Count == 0)
        {
            // Many answers repeat each question as "1. …" instead; accept a numbered sequence 1, 2, 3 … as the structure.
            markers = FindNumberedItems(text).Select(i => (i.Index, i.Number)).ToList();
        }

        if (markers.Count == 0)
        {
            return SplitProse(text).Select(t => new Piece(t, null)).ToList();
        }

        var pieces = SplitProse(text[..markers[0].Index]).Select(t => new Piece(t, null)).ToList();
        for (var i = 0; i < markers.Count; i++)
        {
            var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
            var answer = text[markers[i].Index..end].Trim();
            if (i + 1 == markers.Count)
            {
                answer = LetterFrame.TrimAnswerSignature(answer);
            }

            var parts = CountWords(answer) > _options.MaxAnswerWords ? SplitProse(answer) : [answer];
            pieces.AddRange(parts.Select(p => new Piece(p, markers[i].Number)));
        }

        return pieces;
    }

    /// <summary>Headings and paragraphs packed into chunks of about <see cref="ChunkingOptions.TargetWords"/> words.</summary>
    private List<string> SplitProse(string text)
    {
        var units = new List<(string Text, int Words, bool Heading)>();
        foreach (var paragraph in ParagraphBreak().Split(text))
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var words = CountWords(trimmed);
            if (words <= _options.TargetWords)
            {
                units.Add((trimmed, words, IsHeading(trimmed)));
                continue;
            }

            // An over-long paragraph is cut at sentence ends, and at word boundaries when a sentence alone is too long.
            foreach (var sentence in SentenceEnd().Split(trimmed))
            {
                var sentenceWords = CountWords(sentence);
                if (sentenceWords <= _options.TargetWords)
                {
                    units.Add((sentence, sentenceWords, false));
                    continue;
                }

                var tokens = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                for (var s = 0; s < tokens.Length; s += _options.TargetWords)
                {
                    var slice = tokens.Skip(s).Take(_options.TargetWords).ToArray();
                    units.Add((string.Join(' ', slice), slice.Length, false));
                }
            }
        }

        var chunks = new List<string>();
        var current = new List<(string Text, int Words, bool Heading)>();
        var currentWords = 0;
        var newContent = false;
        foreach (var unit in units)
        {
            var startNew = current.Count > 0 && newContent
                && (currentWords + unit.Words > _options.TargetWords || (unit.Heading && currentWords >= _options.TargetWords / 4));
            if (startNew)
            {
                chunks.Add(string.Join("\n", current.Select(u => u.Text)));
                var overlap = new List<(string Text, int Words, bool Heading)>();
                var overlapWords = 0;
                for (var i = current.Count - 1; i >= 0 && !unit.Heading; i--)
                {
                    if (overlapWords + current[i].Words > _options.OverlapWords)
                    {
                        break;
                    }

                    overlap.Insert(0, current[i]);
                    overlapWords += current[i].Words;
                }

                current = overlap;
                currentWords = overlapWords;
                newContent = false;
            }

            current.Add(unit);
            currentWords += unit.Words;
            newContent = true;
        }

        if (current.Count > 0 && newContent)
        {
            chunks.Add(string.Join("\n", current.Select(u => u.Text)));
        }

        return chunks;
    }

    /// <summary>The longest run of lines numbered 1, 2, 3 … ("1)", "1.", "1.:"), each with the text up to the next number.</summary>
    private static List<(int Index, int Number, string Body)> FindNumberedItems(string text)
    {
        var matches = NumberedLine().Matches(text);

        // A run from a "1" takes the next "2" after it, then the next "3" …: with the positions of each number at hand
        // that is one binary search per step, not a scan of all later lines (quadratic on a text of many "1." lines).
        var positions = new Dictionary<int, List<int>>();
        for (var i = 0; i < matches.Count; i++)
        {
            var number = int.Parse(matches[i].Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            (positions.TryGetValue(number, out var list) ? list : positions[number] = []).Add(i);
        }

        var best = new List<int>();
        foreach (var start in positions.GetValueOrDefault(1) ?? [])
        {
            var run = new List<int> { start };
            while (positions.TryGetValue(run.Count + 1, out var next))
            {
                var at = next.BinarySearch(run[^1]);
                at = at < 0 ? ~at : at + 1;
                if (at >= next.Count)
                {
                    break;
                }

                run.Add(next[at]);
            }

            if (run.Count > best.Count)
            {
                best = run;
            }
        }

        if (best.Count < 2)
        {
            return [];
        }

        var items = new List<(int, int, string)>();
        for (var i = 0; i < best.Count; i++)
        {
            var match = matches[best[i]];
            var bodyStart = match.Index + match.Length;
            var end = i + 1 < best.Count ? matches[best[i + 1]].Index : text.Length;
            items.Add((match.Index, i + 1, text[bodyStart..end].Trim()));
        }

        return items;
    }

    private static bool IsHeading(string paragraph) =>
        paragraph.StartsWith('#') || (CountWords(paragraph) <= 8 && !paragraph.EndsWith('.') && !paragraph.EndsWith(',') && !paragraph.EndsWith(':') && !paragraph.Contains('\n', StringComparison.Ordinal));

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^[ \t]*(?:(?:Zu|Zur|Antwort[ \t]+(?:zu|auf)(?:[ \t]+die)?)[ \t]+(?:(?:Frage|Ziffer|Punkt|Nr\.?)[ \t]*)?(?<n>\d{1,2})(?:[ \t]*[.:)])*(?=\s|$)|Frage[ \t]+(?<n>\d{1,2})[ \t]*[:.)])", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerMarker();

    [GeneratedRegex(@"^[ \t]*(?<n>\d{1,2})[ \t]*(?:\)|\.:?|:)[ \t]*(?=\S)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"[ \t]*\(?\d{1,2}[ \t]*(?:\)|\.:?|:)?[ \t]*$")]
    private static partial Regex TrailingMarker();

    [GeneratedRegex(@"\n\s*\n|\r?\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[A-ZÄÖÜ0-9„""(])")]
    private static partial Regex SentenceEnd();

    private sealed record Piece(string Text, int? QuestionNumber);
}

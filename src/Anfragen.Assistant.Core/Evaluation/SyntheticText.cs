using System.Text;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// A unigram model of an archive: words drawn with their observed frequency, so the term statistics of synthetic
/// chunks look like real text (a few very common words, a long tail). Seeded by the caller's <see cref="Random"/>.
/// </summary>
internal sealed class SyntheticText
{
    private readonly string[] _words;
    private readonly long[] _cumulative;
    private readonly Random _random;

    public SyntheticText(IReadOnlyList<(string Word, int Count)> vocabulary, Random random)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _words = vocabulary.Select(v => v.Word).ToArray();
        _cumulative = new long[_words.Length];
        long total = 0;
        for (var i = 0; i < _words.Length; i++)
        {
            total += vocabulary[i].Count;
            _cumulative[i] = total;
        }

        _random = random;
    }

    /// <summary>The same word model drawing from another random sequence (to generate the same archive twice).</summary>
    public SyntheticText(SyntheticText model, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        _words = model._words;
        _cumulative = model._cumulative;
        _random = random;
    }

    public Random Random => _random;

    public string Word()
    {
        var target = _random.NextInt64(_cumulative[^1]);
        var at = Array.BinarySearch(_cumulative, target + 1);
        return _words[at >= 0 ? at : ~at];
    }

    /// <summary>Query words drawn uniformly from the distinct vocabulary: searches name topics, not the most frequent words.</summary>
    public string QueryWords(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => _words[_random.Next(_words.Length)]));

    public string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Word()));

    public string Sentence(int min, int max)
    {
        var sentence = Words(min, max);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    public string Paragraph(int minWords, int maxWords)
    {
        var target = _random.Next(minWords, maxWords + 1);
        var builder = new StringBuilder();
        var words = 0;
        while (words < target)
        {
            var length = Math.Min(_random.Next(8, 21), target - words);
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(Sentence(length, length));
            words += length;
        }

        return builder.ToString();
    }
}

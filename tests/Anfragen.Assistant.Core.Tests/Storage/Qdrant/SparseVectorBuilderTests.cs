using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class SparseVectorBuilderTests
{
    private readonly GermanTextAnalyzer _analyzer = new();

    [Fact]
    public void TermIndex_is_32_bit_FNV_1a_of_the_UTF8_bytes()
    {
        // Published FNV-1a test vectors: "" → offset basis, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
        Assert.Equal(2166136261u, SparseVectorBuilder.TermIndex(string.Empty));
        Assert.Equal(0xe40c292cu, SparseVectorBuilder.TermIndex("a"));
        Assert.Equal(0xbf9cf968u, SparseVectorBuilder.TermIndex("foobar"));
    }

    [Fact]
    public void TermIndex_hashes_umlauts_as_UTF8_not_UTF16()
    {
        // "ü" is C3 BC in UTF-8: two FNV rounds.
        var expected = unchecked((((2166136261u ^ 0xC3) * 16777619u) ^ 0xBC) * 16777619u);
        Assert.Equal(expected, SparseVectorBuilder.TermIndex("ü"));
    }

    [Fact]
    public void Same_text_gives_identical_vectors_from_independent_builders()
    {
        const string text = "Wie viele Radwege wurden 2024 im Stadtbezirk saniert, und wie viele Radwege sind geplant?";
        var first = new SparseVectorBuilder(new GermanTextAnalyzer()).ForDocument(text);
        var second = new SparseVectorBuilder(new GermanTextAnalyzer()).ForDocument(text);

        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(first.Values, second.Values);
    }

    [Fact]
    public void Indices_are_the_hashed_terms_of_the_German_analyzer_unique_and_ascending()
    {
        const string text = "Die Sanierung der Schulen und der Schulturnhallen im Stadtgebiet";
        var vector = new SparseVectorBuilder(_analyzer).ForDocument(text);

        var expected = _analyzer.Analyze(text).Select(SparseVectorBuilder.TermIndex).Distinct().Order().ToArray();
        Assert.Equal(expected, vector.Indices);
        Assert.Equal(vector.Indices.Length, vector.Values.Length);
        Assert.True(vector.Indices.SequenceEqual(vector.Indices.Order()));
    }

    [Fact]
    public void Inflected_query_forms_hit_the_same_indices_as_the_stored_text()
    {
        var builder = new SparseVectorBuilder(_analyzer);
        var document = builder.ForDocument("Der Radweg an der Hauptstraße wird verbreitert.");
        var query = builder.ForQuery("Radwege Hauptstrasse");

        Assert.Equal(2, query.Indices.Length);
        Assert.All(query.Indices, index => Assert.Contains(index, document.Indices));
    }

    [Fact]
    public void Value_is_BM25_saturated_term_frequency_with_the_fixed_average_length()
    {
        var builder = new SparseVectorBuilder(_analyzer);
        var terms = _analyzer.Analyze("Radweg Radweg Radweg Brücke");
        Assert.Equal(4, terms.Count);

        var vector = builder.ForDocument("Radweg Radweg Radweg Brücke");
        var norm = 1 - SparseVectorBuilder.B + (SparseVectorBuilder.B * 4 / SparseVectorBuilder.AverageDocumentLength);
        var radweg = Array.IndexOf(vector.Indices, SparseVectorBuilder.TermIndex(terms[0]));
        var bruecke = Array.IndexOf(vector.Indices, SparseVectorBuilder.TermIndex(terms[3]));

        Assert.Equal(3 * 2.2 / (3 + (1.2 * norm)), vector.Values[radweg], 5);
        Assert.Equal(1 * 2.2 / (1 + (1.2 * norm)), vector.Values[bruecke], 5);
    }

    [Fact]
    public void Term_frequency_saturates_below_k1_plus_one()
    {
        var builder = new SparseVectorBuilder(_analyzer);
        var once = builder.ForDocument("Haushalt").Values.Single();
        var often = builder.ForDocument(string.Join(' ', Enumerable.Repeat("Haushalt", 50))).Values.Single();

        Assert.True(often > once);
        Assert.True(often < SparseVectorBuilder.K1 + 1);
        Assert.True(often < 5 * once);
    }

    [Fact]
    public void Longer_chunks_weigh_a_single_occurrence_less()
    {
        var builder = new SparseVectorBuilder(_analyzer);
        var shortText = builder.ForDocument("Spielplatz Sanierung");
        var longText = builder.ForDocument("Spielplatz " + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"Wort{i}")));
        var index = SparseVectorBuilder.TermIndex(_analyzer.Analyze("Spielplatz")[0]);

        Assert.True(shortText.Values[Array.IndexOf(shortText.Indices, index)] > longText.Values[Array.IndexOf(longText.Indices, index)]);
    }

    [Fact]
    public void Query_vector_has_weight_one_per_distinct_term()
    {
        var query = new SparseVectorBuilder(_analyzer).ForQuery("Kita Kita Plätze");

        Assert.Equal(2, query.Indices.Length);
        Assert.All(query.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Stop_words_only_give_an_empty_vector()
    {
        var builder = new SparseVectorBuilder(_analyzer);

        Assert.True(builder.ForDocument("und oder der die das").IsEmpty);
        Assert.True(builder.ForQuery("   ").IsEmpty);
    }
}

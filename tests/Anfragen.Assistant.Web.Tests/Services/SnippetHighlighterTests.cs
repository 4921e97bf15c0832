using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Web.Services;

public sealed class SnippetHighlighterTests
{
    private readonly SnippetHighlighter _highlighter = new(new GermanTextAnalyzer());

    [Fact]
    public void Marks_words_matching_the_query_stems_and_umlaut_folding()
    {
        var html = _highlighter.Highlight("Die Radwege in der Innenstadt wurden saniert.", "Radweg Innenstädte").Value;
        Assert.Contains("<mark>Radwege</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Innenstadt</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>saniert</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_the_passage_before_adding_marks()
    {
        var html = _highlighter.Highlight("<script>alert('Radweg')</script> & \"Radweg\"", "Radweg").Value;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Radweg</mark>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<mark>").Length - 1);
    }

    [Fact]
    public void Excerpt_starts_near_the_first_match()
    {
        var text = string.Concat(Enumerable.Repeat("Füllwort ", 200)) + "Fahrradparkhaus am Bahnhof" + string.Concat(Enumerable.Repeat(" Füllwort", 200));
        var html = _highlighter.Highlight(text, "Fahrradparkhaus", 300).Value;
        Assert.StartsWith("… ", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Fahrradparkhaus</mark>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 400);
    }
}

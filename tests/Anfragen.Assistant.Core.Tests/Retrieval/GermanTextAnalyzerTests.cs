namespace Anfragen.Assistant.Retrieval;

public sealed class GermanTextAnalyzerTests
{
    private readonly GermanTextAnalyzer _analyzer = new();

    [Fact]
    public void Folds_case_umlauts_and_sharp_s()
    {
        var terms = _analyzer.Analyze("Straße GRÜNFLÄCHEN Öffnung");
        Assert.Contains(_analyzer.Analyze("strasse").Single(), terms);
        Assert.DoesNotContain(terms, t => t.Any(c => "äöüßÄÖÜ".Contains(c, StringComparison.Ordinal) || char.IsUpper(c)));
    }

    [Fact]
    public void Stems_singular_and_plural_to_the_same_term()
    {
        Assert.Equal(_analyzer.Analyze("Schule"), _analyzer.Analyze("Schulen"));
        Assert.Equal(_analyzer.Analyze("Radweg"), _analyzer.Analyze("Radwege"));
    }

    [Fact]
    public void Removes_German_stop_words()
    {
        Assert.Empty(_analyzer.Analyze("und der die das mit einer"));
    }

    [Fact]
    public void Splits_compounds_into_their_parts_and_keeps_the_compound()
    {
        var terms = _analyzer.Analyze("Digitalisierungsstrategie");
        var stemOnly = new GermanTextAnalyzer(stemming: true, decompounding: false);
        Assert.Contains(stemOnly.Analyze("Digitalisierung").Single(), terms);
        Assert.Contains(stemOnly.Analyze("Strategie").Single(), terms);
        Assert.Contains(terms, t => t.StartsWith("digitalisierungsstrateg", StringComparison.Ordinal));
    }

    [Fact]
    public void Switches_turn_stemming_and_compound_splitting_off()
    {
        var plain = new GermanTextAnalyzer(stemming: false, decompounding: false);
        Assert.NotEqual(plain.Analyze("Schule"), plain.Analyze("Schulen"));
        Assert.Equal(["digitalisierungsstrategie"], plain.Analyze("Digitalisierungsstrategie"));
    }

    [Fact]
    public void Keeps_numbers_of_references_and_years()
    {
        var terms = _analyzer.Analyze("Tempo-30-Zone 2024");
        Assert.Contains("30", terms);
        Assert.Contains("2024", terms);
    }
}

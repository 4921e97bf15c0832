namespace Anfragen.Assistant.Retrieval;

public sealed class DrucksacheReferenceTests
{
    [Theory]
    [InlineData("Ds. 25-26577", "25-26577")]
    [InlineData("DS 25-26577", "25-26577")]
    [InlineData("Drucksache Nr. 24-24284-01", "24-24284-01")]
    [InlineData("Drs. 1656/12", "1656/12")]
    [InlineData("  25\u201326577 ", "25-26577")]
    [InlineData("25-26577", "25-26577")]
    public void Normalises_references_to_ids(string reference, string expected) =>
        Assert.Equal(expected, DrucksacheReference.Normalize(reference));
}

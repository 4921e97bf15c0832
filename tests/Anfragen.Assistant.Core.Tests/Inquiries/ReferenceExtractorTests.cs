namespace Anfragen.Assistant.Inquiries;

public sealed class ReferenceExtractorTests
{
    [Fact]
    public void Finds_every_written_form_normalised_deduplicated_in_order()
    {
        const string Text = "Wie in Ds. 25-26577 und Drucksache 24-24284-01 (vgl. DS.-Nr. 25-26577) sowie 1656/12 und Drs. 21-16658 beschrieben.";

        Assert.Equal(["25-26577", "24-24284-01", "1656/12", "21-16658"], InquiryParser.ExtractReferences(Text));
    }

    [Fact]
    public void Ignores_dates_phone_numbers_postcodes_and_school_years()
    {
        const string Text = "Am 15.04.2026 (2026-04-15) unter 0531 470-12345 oder 0531/4701, 38100 Musterstadt, im Schuljahr 2024/25, Kennnummer 2022/294, um 10:30 Uhr.";

        Assert.Empty(InquiryParser.ExtractReferences(Text));
    }

    [Fact]
    public void Leaves_out_the_inquirys_own_number()
    {
        Assert.Equal(["25-00987"], ReferenceExtractor.Extract("Anfrage 26-01234 bezieht sich auf 25-00987.", "26-01234"));
    }
}

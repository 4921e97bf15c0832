using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

public sealed class AuditDescriberTests
{
    private static readonly Actor Admin = new("admin", "Ada", new HashSet<StaffRole> { StaffRole.Administration }, true);
    private static readonly Actor Staff = new("sachbearbeitung", "Sam", new HashSet<StaffRole> { StaffRole.Sachbearbeitung }, false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_audit_log_reads_in_words_with_titles_instead_of_ids()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Staff, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        await review.DraftAsync(Staff, id, null, Ct);
        await host.Get<AuditLog>().RecordNonPublicAccessAsync(Admin.UserName, ["24-90002-01"], "Archivsuche", Ct);
        var entries = await host.Get<AuditLog>().ReadAsync(50, cancellationToken: Ct);

        var lines = await host.Get<AuditDescriber>().DescribeAsync(Admin, entries, Ct);

        var created = Assert.Single(lines, l => l.What == "Anfrage angelegt");
        Assert.Equal("Anfrage „Beleuchtung und Winterdienst am Ringgleis“", created.About);
        var drafts = Assert.Single(lines, l => l.What == "3 Entwürfe erstellt");
        Assert.Equal("Anfrage „Beleuchtung und Winterdienst am Ringgleis“", drafts.About);
        var access = Assert.Single(lines, l => l.What == "Nichtöffentliches Dokument angezeigt");
        Assert.StartsWith("„", access.About, StringComparison.Ordinal);
        Assert.EndsWith("(24-90002-01)", access.About, StringComparison.Ordinal);
        Assert.Equal("Archivsuche", access.Detail);
        Assert.DoesNotContain(lines, l => l.About.Contains($"{id}/frage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_without_clearance_sees_no_title_of_a_nichtoeffentlich_document()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var entry = new AuditEntry(1, DateTimeOffset.UtcNow, "x", AuditActions.NonPublicAccess, "24-90002-01", "Archivsuche");

        var line = Assert.Single(await host.Get<AuditDescriber>().DescribeAsync(Staff, [entry], Ct));

        Assert.Equal("24-90002-01", line.About);
    }

    [Fact]
    public void Every_document_type_has_a_German_name_and_Other_is_Sonstiges()
    {
        Assert.Equal("Sonstiges", DocumentType.Other.ToGerman());
        Assert.All(Enum.GetValues<DocumentType>(), t => Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]|Other", t.ToGerman()));
    }
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Services;

/// <summary>The small rules of the review model that pages and export rely on.</summary>
public sealed class ReviewModelTests
{
    private static InquirySummary Summary(int total, int approved, DateOnly? session) => new()
    {
        Id = "x",
        Title = "t",
        Visibility = Visibility.Public,
        QuestionCount = total,
        ApprovedCount = approved,
        DraftedCount = total,
        RejectedCount = 0,
        CreatedBy = "u",
        CreatedAt = DateTimeOffset.UnixEpoch,
        SessionDate = session,
    };

    [Fact]
    public void Inquiry_is_overdue_after_its_session_date_until_every_answer_is_approved()
    {
        var today = new DateOnly(2026, 5, 7);
        Assert.True(Summary(3, 2, new DateOnly(2026, 5, 6)).IsOverdue(today));
        Assert.False(Summary(3, 3, new DateOnly(2026, 5, 6)).IsOverdue(today));
        Assert.False(Summary(3, 0, new DateOnly(2026, 5, 7)).IsOverdue(today));
        Assert.False(Summary(3, 0, null).IsOverdue(today));
    }

    [Fact]
    public void Stellungnahme_takes_the_drucksache_number_plus_01_or_an_app_id()
    {
        var numbered = Record(new Inquiry { Id = "26-13500", Subject = "Radverkehr", Questions = [new InquiryQuestion(1, "Wie?")] });
        var unnumbered = Record(new Inquiry { Subject = "Radverkehr", Questions = [new InquiryQuestion(1, "Wie?")] });

        Assert.Equal("26-13500-01", StellungnahmeComposer.DocumentId(numbered));
        Assert.Equal("stellungnahme-app-1", StellungnahmeComposer.DocumentId(unnumbered));
    }

    [Fact]
    public void Stellungnahme_document_keeps_the_inquiry_visibility_and_answers_in_question_order()
    {
        var record = Record(new Inquiry { Id = "26-13500", Subject = "Personal", Committee = "Hauptausschuss", Questions = [new InquiryQuestion(1, "A?"), new InquiryQuestion(2, "B?")] }, Visibility.NonPublic);
        AnswerRecord Answer(int n, string text) => new() { InquiryId = record.Id, Number = n, Question = "?", Status = AnswerStatus.Approved, Text = text, Version = 3 };

        var document = StellungnahmeComposer.ToSourceDocument(record, [Answer(2, "Zweitens."), Answer(1, "Erstens.")], new DateOnly(2026, 5, 1));

        Assert.Equal(DocumentType.Stellungnahme, document.Type);
        Assert.Equal(Visibility.NonPublic, document.Visibility);
        Assert.Equal("Hauptausschuss", document.Committee);
        Assert.Equal("Zu Frage 1:\nErstens.\n\nZu Frage 2:\nZweitens.", document.Text);
    }

    private static InquiryRecord Record(Inquiry inquiry, Visibility visibility = Visibility.Public) => new()
    {
        Id = "app-1",
        Inquiry = inquiry,
        Visibility = visibility,
        SourceName = "test",
        CreatedBy = "u",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}

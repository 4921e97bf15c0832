using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Services;

/// <summary>The small rules of the review model that the inquiry list relies on.</summary>
public sealed class ReviewModelTests
{
    private static InquirySummary Summary(int total, int approved, DateOnly? deadline, int drafted = -1, int edited = 0, int submitted = 0, int rejected = 0) => new()
    {
        Id = "x",
        Title = "t",
        Visibility = Visibility.Public,
        QuestionCount = total,
        ApprovedCount = approved,
        DraftedCount = drafted < 0 ? total : drafted,
        EditedCount = edited,
        SubmittedCount = submitted,
        RejectedCount = rejected,
        CreatedBy = "u",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Deadline = deadline,
    };

    [Fact]
    public void Inquiry_is_overdue_after_its_deadline_until_every_answer_is_approved()
    {
        var today = new DateOnly(2026, 5, 7);
        Assert.True(Summary(3, 2, new DateOnly(2026, 5, 6)).IsOverdue(today));
        Assert.False(Summary(3, 3, new DateOnly(2026, 5, 6)).IsOverdue(today));
        Assert.False(Summary(3, 0, new DateOnly(2026, 5, 7)).IsOverdue(today));
        Assert.False(Summary(3, 0, null).IsOverdue(today));
    }

    [Fact]
    public void List_status_is_the_least_advanced_step_of_the_department_workflow()
    {
        Assert.Equal("neu", Summary(3, 0, null, drafted: 0).StatusText);
        Assert.Equal("Entwurf", Summary(3, 0, null).StatusText);
        Assert.Equal("in Bearbeitung", Summary(3, 0, null, edited: 1).StatusText);
        Assert.Equal("in Bearbeitung", Summary(3, 0, null, submitted: 2).StatusText);
        Assert.Equal("zur Prüfung eingereicht", Summary(3, 1, null, submitted: 2).StatusText);
        Assert.Equal("zurückgegeben", Summary(3, 1, null, submitted: 1, rejected: 1).StatusText);
        Assert.Equal("freigegeben", Summary(3, 3, null).StatusText);
    }
}

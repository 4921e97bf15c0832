using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>The workflow rules in Core, where no front end can skip them: submission, four-eyes, confirmation, proposals, restore.</summary>
public sealed class ReviewServiceWorkflowTests
{
    private static readonly Actor Clerk = new("sachbearbeitung", "Sam", new HashSet<StaffRole> { StaffRole.Sachbearbeitung }, false) { Department = "FB 10" };
    private static readonly Actor Lead = new("fachbereichsleitung", "Fria", new HashSet<StaffRole> { StaffRole.Fachbereichsleitung }, true);
    private static readonly Actor OtherLead = new("leitung2", "Lea", new HashSet<StaffRole> { StaffRole.Fachbereichsleitung }, true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entwurf_in_Bearbeitung_eingereicht_freigegeben_with_the_four_eyes_rule()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 1, Ct))[0].Answer!;
        Assert.Equal(AnswerStatus.Proposed, drafted.Status);
        Assert.Equal(Clerk.UserName, drafted.TextBy);

        var edited = (await review.EditAsync(Lead, id, 1, "Die Beleuchtung wird 2026 ergänzt [1].", drafted.Version, Ct)).Answer!;
        Assert.Equal(AnswerStatus.Edited, edited.Status);
        var early = await review.ApproveAsync(OtherLead, id, 1, edited.Version, null, cancellationToken: Ct);
        Assert.Equal(ReviewOutcome.Invalid, early.Outcome);

        var submitted = (await review.SubmitAsync(Lead, id, 1, edited.Version, Ct)).Answer!;
        Assert.Equal(AnswerStatus.Submitted, submitted.Status);
        var own = await review.ApproveAsync(Lead, id, 1, submitted.Version, null, cancellationToken: Ct);
        var byClerk = await review.ApproveAsync(Clerk, id, 1, submitted.Version, null, cancellationToken: Ct);
        var other = await review.ApproveAsync(OtherLead, id, 1, submitted.Version, "passt", cancellationToken: Ct);

        Assert.Equal(ReviewOutcome.Forbidden, own.Outcome);
        Assert.Contains("Vier-Augen-Prinzip", own.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewOutcome.Forbidden, byClerk.Outcome);
        Assert.True(other.Succeeded, other.Message);
        Assert.Equal(AnswerStatus.Approved, other.Answer!.Status);
    }

    [Fact]
    public async Task The_four_eyes_rule_can_be_turned_off()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct, s => s["Anfragen:Review:FourEyes"] = "false");
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Lead, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var answer = (await review.DraftAsync(Lead, id, 1, Ct))[0].Answer!;
        var edited = (await review.EditAsync(Lead, id, 1, "Eigener Text.", answer.Version, Ct)).Answer!;
        var submitted = (await review.SubmitAsync(Lead, id, 1, edited.Version, Ct)).Answer!;

        Assert.True((await review.ApproveAsync(Lead, id, 1, submitted.Version, null, cancellationToken: Ct)).Succeeded);
    }

    [Fact]
    public async Task An_untouched_proposal_is_approved_only_with_confirmation_and_without_its_note()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 1, Ct))[0].Answer!;
        Assert.True(drafted.IsUntouchedProposal);
        Assert.Equal(ExtractiveDrafter.ProposalLabel + ExtractiveDrafter.ProposalHint, drafted.Note);
        var submitted = (await review.SubmitAsync(Clerk, id, 1, drafted.Version, Ct)).Answer!;

        var unconfirmed = await review.ApproveAsync(Lead, id, 1, submitted.Version, null, confirmUntouched: false, Ct);
        var confirmed = await review.ApproveAsync(Lead, id, 1, submitted.Version, null, confirmUntouched: true, Ct);

        Assert.Equal(ReviewOutcome.Invalid, unconfirmed.Outcome);
        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Null(confirmed.Answer!.Note);
        Assert.Equal(drafted.Text, confirmed.Answer.Text);
    }

    [Fact]
    public async Task A_note_of_the_assistant_copied_into_the_text_is_refused_at_submission()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 3, Ct))[0].Answer!;
        Assert.Equal(string.Empty, drafted.Text);
        Assert.Equal(AnswerStatus.Open, drafted.Status);
        Assert.NotNull(drafted.Mode);
        Assert.Equal(ExtractiveDrafter.NothingFound, drafted.Note);
        Assert.Equal(ReviewOutcome.Invalid, (await review.SubmitAsync(Clerk, id, 3, drafted.Version, Ct)).Outcome);

        var copied = (await review.EditAsync(Clerk, id, 3, ExtractiveDrafter.NothingFound, drafted.Version, Ct)).Answer!;
        var submit = await review.SubmitAsync(Clerk, id, 3, copied.Version, Ct);

        Assert.Equal(ReviewOutcome.Invalid, submit.Outcome);
        Assert.Contains("Hinweis des Assistenten", submit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neu_entwerfen_never_replaces_a_persons_text_and_the_proposal_can_be_taken_over_or_discarded()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 1, Ct))[0].Answer!;

        // The assistant's own untouched draft is simply redrafted (here: the same result, no new version).
        var same = (await review.DraftAsync(Clerk, id, 1, Ct))[0];
        Assert.Equal(drafted.Version, same.Answer!.Version);
        Assert.Contains("derselbe", same.Message, StringComparison.Ordinal);

        var edited = (await review.EditAsync(Clerk, id, 1, "Mein eigener Text.", drafted.Version, Ct)).Answer!;
        var redraft = (await review.DraftAsync(Clerk, id, 1, Ct))[0];

        Assert.Equal("Mein eigener Text.", redraft.Answer!.Text);
        Assert.Equal(edited.Version, redraft.Answer.Version);
        Assert.Equal(drafted.Text, redraft.Answer.Proposal!.Text);
        Assert.Contains("neben Ihrem Text", redraft.Message, StringComparison.Ordinal);

        var discarded = await review.DiscardProposalAsync(Clerk, id, 1, Ct);
        Assert.Null(discarded.Answer!.Proposal);
        await review.DraftAsync(Clerk, id, 1, Ct);
        var taken = await review.AcceptProposalAsync(Clerk, id, 1, edited.Version, Ct);

        Assert.True(taken.Succeeded, taken.Message);
        Assert.Equal(drafted.Text, taken.Answer!.Text);
        Assert.Null(taken.Answer.Proposal);
        var versions = (await review.GetVersionsAsync(Clerk, id, Ct))!.Where(v => v.Number == 1).ToList();
        Assert.Contains(versions, v => v.Text == "Mein eigener Text.");
    }

    [Fact]
    public async Task An_earlier_version_is_restored_with_its_citations_and_nothing_is_lost()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 1, Ct))[0].Answer!;
        var edited = (await review.EditAsync(Clerk, id, 1, "Kurzfassung.", drafted.Version, Ct)).Answer!;

        var restored = await review.RestoreAsync(Lead, id, 1, drafted.Version, edited.Version, Ct);

        Assert.True(restored.Succeeded, restored.Message);
        Assert.Equal(drafted.Text, restored.Answer!.Text);
        Assert.Equal(DraftSource.Restore, restored.Answer.TextSource);
        Assert.Equal(Lead.UserName, restored.Answer.TextBy);
        Assert.Equal(drafted.Citations.Select(c => c.ChunkId), restored.Answer.Citations.Select(c => c.ChunkId));
        var versions = (await review.GetVersionsAsync(Clerk, id, Ct))!.Where(v => v.Number == 1).Select(v => v.Text).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains("Kurzfassung.", versions);

        var diff = await review.CompareAsync(Clerk, id, 1, edited.Version, restored.Answer.Version, Ct);
        Assert.Contains(diff!, s => s.Kind == DiffKind.Deleted && s.Text.Contains("Kurzfassung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewer_sees_what_changed_since_the_version_they_last_saw()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var id = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "test", Ct)).Inquiry!.Id;
        var drafted = (await review.DraftAsync(Clerk, id, 1, Ct))[0].Answer!;
        var firstVisit = await review.TakeSeenAsync(Lead, id, (await review.GetAnswersAsync(Lead, id, Ct))!, Ct);
        Assert.Empty(firstVisit);

        await review.EditAsync(Clerk, id, 1, "Neu gefasst.", drafted.Version, Ct);
        var secondVisit = await review.TakeSeenAsync(Lead, id, (await review.GetAnswersAsync(Lead, id, Ct))!, Ct);
        var thirdVisit = await review.TakeSeenAsync(Lead, id, (await review.GetAnswersAsync(Lead, id, Ct))!, Ct);

        Assert.Equal(drafted.Version, secondVisit[1]);
        Assert.Equal(drafted.Version + 1, thirdVisit[1]);
    }

    [Fact]
    public async Task Meine_Anfragen_are_those_assigned_to_me_or_my_Fachbereich()
    {
        await using var host = await DraftingHost.StartAsync(null, Ct);
        var review = host.Get<ReviewService>();
        var byDepartment = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "a", Ct)).Inquiry!.Id;
        var byQuestion = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "b", Ct)).Inquiry!.Id;
        var nobody = (await review.CreateInquiryAsync(Clerk, DraftingArchive.NewInquiry, "c", Ct)).Inquiry!.Id;

        await review.AssignAsync(Lead, byDepartment, null, new Assignment(AssigneeKind.Fachbereich, " fb 10 "), Ct);
        await review.AssignAsync(Clerk, byQuestion, 2, new Assignment(AssigneeKind.Person, "fachbereichsleitung"), Ct);
        var invalid = await review.AssignAsync(Clerk, nobody, 9, new Assignment(AssigneeKind.Person, "x"), Ct);

        Assert.Equal([byDepartment], (await review.ListAsync(Clerk, InquiryView.Mine, Ct)).Select(i => i.Id));
        Assert.Equal([byQuestion], (await review.ListAsync(Lead, InquiryView.Mine, Ct)).Select(i => i.Id));
        Assert.Equal(ReviewOutcome.NotFound, invalid.Outcome);
        Assert.Equal(3, (await review.ListAsync(Clerk, InquiryView.All, Ct)).Count);
    }
}

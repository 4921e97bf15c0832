using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Review;
using Microsoft.AspNetCore.Components;

namespace Anfragen.Assistant.Web.Components.Pages.Review;

/// <summary>One inquiry: its answers per question, who is responsible, the deadline, drafting and submission of all.</summary>
public sealed partial class InquiryDetail
{
    [Parameter]
    public string Id { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "entwerfen")]
    private int? DraftOnOpen { get; set; }

    private Actor? _actor;
    private InquiryRecord? _record;
    private IReadOnlyList<AnswerRecord>? _answers;
    private IReadOnlyList<AnswerVersion> _versions = [];
    private IReadOnlyList<ReviewComment> _comments = [];
    private IReadOnlyDictionary<int, int> _seen = new Dictionary<int, int>();
    private IReadOnlyList<Assignment> _known = [];
    private DateOnly? _deadline;
    private bool _loaded;
    private bool _drafting;
    private bool _autoDraftDone;
    private string? _message;
    private string? _notice;

    private bool CanWork => _actor is { } a && (a.Roles.Contains(StaffRole.Sachbearbeitung) || a.IsReviewer);

    private bool AllApproved => _answers is { Count: > 0 } && _answers.All(a => a.Status == AnswerStatus.Approved);

    /// <summary>Questions never drafted yet (an answer the drafter found nothing for is not missing a draft).</summary>
    private int Missing => _answers?.Count(a => a.Status == AnswerStatus.Open && a.Mode is null) ?? 0;

    private int NothingFound => _answers?.Count(a => a.Mode is not null && string.IsNullOrWhiteSpace(a.Text)) ?? 0;

    private int Submitted => _answers?.Count(a => a.Status == AnswerStatus.Submitted) ?? 0;

    private bool Overdue => _record?.Deadline is { } due && due < Time.Today && !AllApproved;

    protected override async Task OnParametersSetAsync()
    {
        _actor = await GetActorAsync();
        _record = await Review.GetAsync(_actor, Id);
        if (_record is not null)
        {
            await ReloadAsync();

            // What this person saw last time, before this visit counts as seen: each card shows what changed since.
            _seen = await Review.TakeSeenAsync(_actor, Id, _answers ?? []);
            _known = await Review.KnownAssigneesAsync();
        }

        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Drafting starts after the first render so the page (questions, progress) is visible at once.
        if (DraftOnOpen == 1 && !_autoDraftDone && _record is not null && _answers is not null)
        {
            _autoDraftDone = true;
            await DraftOpenAsync();
        }
    }

    private async Task DraftOpenAsync()
    {
        if (_answers is null || _drafting)
        {
            return;
        }

        // Each action reads the actor anew: a clearance withdrawn since the page opened holds from this click on.
        if (!Limiter.TryDraft((await RefreshActorAsync()).UserName))
        {
            _message = "Zu viele Entwurfsanfragen in kurzer Zeit. Bitte eine Minute warten.";
            return;
        }

        _drafting = true;
        _message = null;
        StateHasChanged();
        try
        {
            // One question at a time, so each draft appears as soon as it is written.
            foreach (var number in _answers.Where(a => a.Status == AnswerStatus.Open && a.Mode is null).Select(a => a.Number).ToList())
            {
                var result = (await Review.DraftAsync(await RefreshActorAsync(), Id, number))[0];
                if (!result.Succeeded)
                {
                    _message = result.Message;
                }

                await ReloadAsync();
                StateHasChanged();
            }
        }
        catch (LanguageModelException ex)
        {
            _message = ex.Message;
        }
        finally
        {
            _drafting = false;
            StateHasChanged();
        }
    }

    private async Task SubmitAllAsync()
    {
        var results = await Review.SubmitAllAsync(await RefreshActorAsync(), Id);
        var submitted = results.Count(r => r.Succeeded);
        var refused = results.Where(r => !r.Succeeded).Select(r => r.Message).ToList();
        _notice = submitted == 0 ? null : submitted == 1 ? "1 Antwort zur Prüfung eingereicht." : $"{submitted} Antworten zur Prüfung eingereicht.";
        _message = refused.Count == 0 ? null : string.Join(" ", refused);
        await ChangedAsync();
    }

    private async Task AssignAsync(Assignment? assignee)
    {
        var result = await Review.AssignAsync(await RefreshActorAsync(), Id, null, assignee);
        _message = result.Succeeded ? null : result.Message;
        _record = result.Inquiry ?? _record;
        _known = await Review.KnownAssigneesAsync();
    }

    private async Task SetDeadlineAsync(DateOnly? deadline)
    {
        var result = await Review.SetDeadlineAsync(await RefreshActorAsync(), Id, deadline);
        _message = result.Succeeded ? null : result.Message;
        _record = result.Inquiry ?? _record;
        _deadline = _record?.Deadline;
    }

    // After the person's own step, what they see now is what they saw: the "since your last view" hints end there.
    private async Task ChangedAsync()
    {
        await ReloadAsync();
        await Review.TakeSeenAsync(_actor!, Id, _answers ?? []);
        _seen = new Dictionary<int, int>();
    }

    private async Task ReloadAsync()
    {
        if (_record is null)
        {
            return;
        }

        _deadline = _record.Deadline;
        var actor = await RefreshActorAsync();
        _answers = await Review.GetAnswersAsync(actor, Id);
        _versions = await Review.GetVersionsAsync(actor, Id) ?? [];
        _comments = await Review.GetCommentsAsync(actor, Id) ?? [];
    }

    /// <summary>The actor as stored now (clearance, roles); the children get it with the next render.</summary>
    private async Task<Actor> RefreshActorAsync() => _actor = await GetActorAsync();
}

using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Review;
using Microsoft.AspNetCore.Components;

namespace Anfragen.Assistant.Web.Components.Pages.Review;

/// <summary>One question of an inquiry: its answer, the assistant's proposal beside a person's text, edit, submit, versions.</summary>
public sealed partial class AnswerCard
{
    [Parameter, EditorRequired]
    public InquiryRecord Inquiry { get; set; } = default!;

    [Parameter, EditorRequired]
    public AnswerRecord Answer { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<AnswerVersion> Versions { get; set; } = [];

    [Parameter]
    public IReadOnlyList<ReviewComment> Comments { get; set; } = [];

    /// <summary>The version of this answer the user saw on their previous visit (null: first visit, or nothing changed).</summary>
    [Parameter]
    public int? SeenVersion { get; set; }

    [Parameter]
    public IReadOnlyList<Assignment> KnownAssignees { get; set; } = [];

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private bool _editing;
    private string _editText = string.Empty;
    private int _baseVersion;
    private AnswerRecord? _conflict;
    private string? _conflictMessage;
    private string? _message;
    private string? _notice;
    private bool _busy;
    private Citation? _selected;

    private bool CanWork => Actor.Roles.Contains(StaffRole.Sachbearbeitung) || Actor.IsReviewer;

    /// <summary>What changed since the version seen last: the text of that version against the current one.</summary>
    private (int From, IReadOnlyList<DiffSegment> Diff)? ChangeSinceSeen
    {
        get
        {
            if (SeenVersion is not { } seen || seen >= Answer.Version)
            {
                return null;
            }

            // Status changes add no version row: the text seen is the newest one saved at or before that version.
            var before = Versions.Where(v => v.Version <= seen).OrderByDescending(v => v.Version).FirstOrDefault();
            return (seen, TextDiff.Compare(before?.Text ?? string.Empty, Answer.Text));
        }
    }

    internal static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ProposalHint(DraftMode? mode, string? note) => mode == DraftMode.Llm
        ? "Entwurf des Sprachmodells – bitte prüfen und anpassen."
        : $"{note ?? "Vorschlag aus früheren Stellungnahmen"} – Auszüge ohne Sprachmodell; dieser Hinweis erscheint nicht in der Stellungnahme.";

    private static string DocumentLink(Citation citation) =>
        $"/archiv/dokument?id={Uri.EscapeDataString(citation.DocumentId)}&abschnitt={Uri.EscapeDataString(citation.ChunkId)}";

    private void Toggle(Citation citation) => _selected = _selected == citation ? null : citation;

    private void StartEdit()
    {
        _editing = true;
        _editText = Answer.Text;
        _baseVersion = Answer.Version;
        _conflict = null;
        _message = null;
        _notice = null;
    }

    private void CancelEdit()
    {
        _editing = false;
        _conflict = null;
    }

    private void TakeCurrent()
    {
        _editText = _conflict!.Text;
        _baseVersion = _conflict.Version;
        _conflict = null;
    }

    private Task SaveOverAsync()
    {
        _baseVersion = _conflict!.Version;
        return SaveAsync();
    }

    private Task SaveAsync() => RunAsync(async actor =>
    {
        var result = await Review.EditAsync(actor, Inquiry.Id, Answer.Number, _editText, _baseVersion);
        if (result.Outcome == ReviewOutcome.Conflict)
        {
            // Keep what was typed; show the stored text next to it, and refresh the header to the stored version.
            _conflict = result.Answer;
            _conflictMessage = result.Message;
            return true;
        }

        if (result.Succeeded)
        {
            _editing = false;
            _conflict = null;
            _notice = result.Message;
            return true;
        }

        _message = result.Message;
        return false;
    });

    private Task RegenerateAsync() => RunAsync(async actor =>
    {
        if (!Limiter.TryDraft(actor.UserName))
        {
            _message = "Zu viele Entwurfsanfragen in kurzer Zeit. Bitte eine Minute warten.";
            return false;
        }

        var result = (await Review.DraftAsync(actor, Inquiry.Id, Answer.Number))[0];
        return Report(result);
    });

    private Task SubmitAsync() => RunAsync(async actor => Report(await Review.SubmitAsync(actor, Inquiry.Id, Answer.Number, Answer.Version)));

    private Task AcceptProposalAsync() => RunAsync(async actor => Report(await Review.AcceptProposalAsync(actor, Inquiry.Id, Answer.Number, Answer.Version)));

    private Task DiscardProposalAsync() => RunAsync(async actor => Report(await Review.DiscardProposalAsync(actor, Inquiry.Id, Answer.Number)));

    private Task AssignAsync(Assignment? assignee) => RunAsync(async actor =>
    {
        var result = await Review.AssignAsync(actor, Inquiry.Id, Answer.Number, assignee);
        _message = result.Succeeded ? null : result.Message;
        return result.Succeeded;
    });

    private bool Report(ReviewResult result)
    {
        _message = result.Succeeded ? null : result.Message;
        _notice = result.Succeeded ? result.Message : null;
        _selected = null;
        return true;
    }

    private async Task RunAsync(Func<Actor, Task<bool>> step)
    {
        _busy = true;
        _message = null;
        try
        {
            // The clearance as stored now, not as it was when the page opened.
            if (await step(await GetActorAsync()))
            {
                await OnChanged.InvokeAsync();
            }
        }
        catch (LanguageModelException ex)
        {
            _message = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}

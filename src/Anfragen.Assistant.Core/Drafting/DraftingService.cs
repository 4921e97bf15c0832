using System.Diagnostics;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Drafts an answer for every numbered question of an inquiry: with the configured model (grounded in numbered passages,
/// citations checked) or, when <see cref="LlmOptions.Provider"/> is None, with the extractive drafter. Questions run
/// concurrently up to <see cref="LlmOptions.MaxConcurrency"/>; cancelling (or one failing question) stops all of them.
/// <para>
/// The Stellungnahme to a public inquiry will be public, so it is drafted from public sources only, whoever asks and
/// whichever front end calls (<see cref="SourcesPrincipal"/>): nichtöffentlich papers reach a draft, and the prompt sent
/// to a model, only for an inquiry marked nichtöffentlich and a caller cleared for it.
/// </para>
/// </summary>
public sealed class DraftingService
{
    private readonly LlmKernelFactory _kernels;
    private readonly PassageCollector _collector;
    private readonly ExtractiveDrafter _extractive;
    private readonly PromptLibrary _prompts;
    private readonly CitationValidator _validator;
    private readonly LlmOptions _options;
    private readonly ILogger _logger;

    internal DraftingService(LlmKernelFactory kernels, PassageCollector collector, ExtractiveDrafter extractive, PromptLibrary prompts, CitationValidator validator, LlmOptions options, ILogger logger)
    {
        _kernels = kernels;
        _collector = collector;
        _extractive = extractive;
        _prompts = prompts;
        _validator = validator;
        _options = options;
        _logger = logger;
    }

    /// <summary>How drafts are made with the current configuration.</summary>
    public DraftMode Mode => _kernels.IsConfigured ? DraftMode.Llm : DraftMode.Extractive;

    /// <summary>
    /// Whose clearance the sources of a draft for <paramref name="inquiry"/> are chosen with: the caller's for an inquiry
    /// marked nichtöffentlich; public only for a public inquiry and for one without a marker (its answer's visibility is
    /// not known to be nichtöffentlich, so nothing nichtöffentlich may go into it).
    /// </summary>
    public static Principal SourcesPrincipal(Principal principal, Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(inquiry);
        return principal.ClearedForNonPublic && inquiry.Visibility != Documents.Visibility.NonPublic ? principal with { ClearedForNonPublic = false } : principal;
    }

    public async Task<InquiryDraft> DraftInquiryAsync(Inquiry inquiry, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(principal);
        var answers = new DraftAnswer[inquiry.Questions.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, answers.Length), parallel, async (i, ct) =>
            answers[i] = await DraftQuestionAsync(inquiry, inquiry.Questions[i], principal, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new InquiryDraft(inquiry, answers);
    }

    public async Task<DraftAnswer> DraftQuestionAsync(Inquiry inquiry, InquiryQuestion question, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(principal);
        principal = SourcesPrincipal(principal, inquiry);
        if (!_kernels.IsConfigured)
        {
            return await _extractive.DraftAsync(inquiry, question, principal, cancellationToken).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        var passages = new PassageSet(_options.MaxPassageChars);
        var filter = PassageCollector.FilterFor(principal, inquiry);
        await _collector.CollectAsync(passages, _collector.QueryFor(inquiry, question), inquiry.References, principal, filter, cancellationToken).ConfigureAwait(false);

        var prompt = _prompts.RenderDraft(
            string.IsNullOrWhiteSpace(inquiry.Subject) ? "(ohne Betreff)" : inquiry.Subject,
            question.Number,
            _collector.LimitQuestion(question.Text),
            passages.Format());
        var kernel = _kernels.Kernel.Clone();
        kernel.Plugins.AddFromObject(new ArchiveSearchPlugin(_collector, passages, principal, filter, _logger), ArchiveSearchPlugin.PluginName);
        var history = new ChatHistory(prompt.System);
        history.AddUserMessage(prompt.User);

        var reply = await new ModelConversation(kernel, _options, _logger).CompleteAsync(history, cancellationToken).ConfigureAwait(false);
        var check = _validator.Validate(reply.Text.Trim(), passages.Passages);

        // The prompt asks for "Zu Frage N:" first; the letter writes that heading itself, once.
        var text = AnswerHeading.StripOwn(reply.Text.Trim(), question.Number);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        DraftingLog.QuestionDrafted(_logger, question.Number, DraftMode.Llm, passages.Count, check.Citations.Count, check.InvalidCitations.Count, reply.PromptTokens, reply.CompletionTokens, elapsed);
        return new DraftAnswer
        {
            Number = question.Number,
            Question = question.Text,
            Draft = text,
            Mode = DraftMode.Llm,
            Citations = check.Citations,
            InvalidCitations = check.InvalidCitations,
            Model = _kernels.ModelName,
            PromptTokens = reply.PromptTokens,
            CompletionTokens = reply.CompletionTokens,
            ElapsedMs = elapsed,
        };
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Staff questions over the archive, with conversation history: the same retriever, access filter, passage delimiting and
/// citation check as drafting. Streams text deltas, then one final update with the checked answer. Without a model it
/// answers with the best passages and their sources.
/// </summary>
public sealed class ChatService
{
    public const string NoModelLabel = "Es ist kein Sprachmodell konfiguriert. Die passendsten Stellen im Archiv:";
    public const string NothingFound = "Hierzu liegen in den Unterlagen keine Informationen vor.";

    private readonly LlmKernelFactory _kernels;
    private readonly PassageCollector _collector;
    private readonly ExtractiveDrafter _extractive;
    private readonly PromptLibrary _prompts;
    private readonly CitationValidator _validator;
    private readonly GermanTextAnalyzer _analyzer;
    private readonly LlmOptions _options;
    private readonly ILogger _logger;

    internal ChatService(LlmKernelFactory kernels, PassageCollector collector, ExtractiveDrafter extractive, PromptLibrary prompts, CitationValidator validator, GermanTextAnalyzer analyzer, LlmOptions options, ILogger logger)
    {
        _kernels = kernels;
        _collector = collector;
        _extractive = extractive;
        _prompts = prompts;
        _validator = validator;
        _analyzer = analyzer;
        _options = options;
        _logger = logger;
    }

    public DraftMode Mode => _kernels.IsConfigured ? DraftMode.Llm : DraftMode.Extractive;

    public async Task<ChatAnswer> AskAsync(IReadOnlyList<ChatTurn> history, string question, Principal principal, CancellationToken cancellationToken = default)
    {
        await foreach (var update in AskStreamingAsync(history, question, principal, cancellationToken).ConfigureAwait(false))
        {
            if (update.IsFinal && update.Answer is not null)
            {
                return update.Answer;
            }
        }

        throw new InvalidOperationException("Die Antwort endete ohne Abschluss.");
    }

    public async IAsyncEnumerable<ChatUpdate> AskStreamingAsync(IReadOnlyList<ChatTurn> history, string question, Principal principal, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(principal);
        var started = Stopwatch.GetTimestamp();
        var asked = _collector.LimitQuestion(question.Trim());

        // A turn the caller is not (or no longer) cleared for never goes back into a search or a prompt.
        var turns = history.Where(t => principal.ClearedForNonPublic || t.Visibility == Visibility.Public).ToList();
        var (query, followed) = QueryFor(turns, asked);
        var filter = SearchFilter.For(principal);

        if (!_kernels.IsConfigured)
        {
            var answer = await AnswerWithoutModelAsync(query, asked, followed, filter, principal, started, cancellationToken).ConfigureAwait(false);
            yield return new ChatUpdate { TextDelta = answer.Text };
            yield return new ChatUpdate { IsFinal = true, Answer = answer };
            yield break;
        }

        var passages = new PassageSet(_options.MaxPassageChars);
        await _collector.CollectAsync(passages, query, InquiryParser.ExtractReferences(asked), principal, filter, cancellationToken).ConfigureAwait(false);
        var prompt = _prompts.RenderChat(asked, passages.Format());
        var chat = new ChatHistory(prompt.System);
        var sent = turns.TakeLast(_options.MaxHistoryTurns).ToList();
        foreach (var turn in sent)
        {
            var text = PassageSet.Cut(turn.Text, _options.MaxQuestionChars);
            if (turn.Role == ChatRole.User)
            {
                chat.AddUserMessage(text);
            }
            else
            {
                chat.AddAssistantMessage(text);
            }
        }

        chat.AddUserMessage(prompt.User);
        var kernel = _kernels.Kernel.Clone();
        kernel.Plugins.AddFromObject(new ArchiveSearchPlugin(_collector, passages, principal, filter, _logger), ArchiveSearchPlugin.PluginName);

        ModelReply? reply = null;
        await foreach (var item in new ModelConversation(kernel, _options, _logger).StreamAsync(chat, cancellationToken).ConfigureAwait(false))
        {
            if (item.Reply is not null)
            {
                reply = item.Reply;
            }
            else
            {
                yield return new ChatUpdate { TextDelta = item.TextDelta };
            }
        }

        var final = reply!.Text.Trim();
        var check = _validator.Validate(final, passages.Passages);
        yield return new ChatUpdate
        {
            IsFinal = true,
            Answer = new ChatAnswer
            {
                Text = final,
                Mode = DraftMode.Llm,
                Citations = check.Citations,
                InvalidCitations = check.InvalidCitations,
                Model = _kernels.ModelName,
                PromptTokens = reply.PromptTokens,
                CompletionTokens = reply.CompletionTokens,
                ElapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,

                // Everything the model saw: the passages (retrieved and from tool calls) and the earlier turns.
                Visibility = VisibilityCodes.MostRestrictive(passages.Passages.Select(p => p.Chunk.Visibility).Concat(sent.Select(t => t.Visibility))),
            },
        };
    }

    /// <summary>The search query: the question, with the previous question for a follow-up (that turn then went into the answer).</summary>
    private (string Query, ChatTurn? Followed) QueryFor(IReadOnlyList<ChatTurn> history, string asked)
    {
        var previous = history.LastOrDefault(t => t.Role == ChatRole.User);
        return previous is not null && FollowUpQuestion.Refers(asked, _analyzer.Analyze(asked).Count)
            ? ($"{asked} {_collector.LimitQuestion(previous.Text)}", previous)
            : (asked, null);
    }

    private async Task<ChatAnswer> AnswerWithoutModelAsync(string query, string asked, ChatTurn? followed, SearchFilter filter, Principal principal, long started, CancellationToken cancellationToken)
    {
        var chunks = await _extractive.ProposeAsync(query, asked, filter, principal, cancellationToken).ConfigureAwait(false);
        if (chunks.Count == 0 && !string.Equals(query, asked, StringComparison.Ordinal))
        {
            // Read as a follow-up, nothing fit both questions; the question on its own may still have an answer.
            chunks = await _extractive.ProposeAsync(asked, asked, filter, principal, cancellationToken).ConfigureAwait(false);
        }

        var used = chunks.Select(c => c.Visibility).Concat(followed is null ? [] : [followed.Visibility]);

        var text = new StringBuilder();
        var citations = new List<Citation>();
        if (chunks.Count == 0)
        {
            text.Append(NothingFound);
        }
        else
        {
            text.Append(NoModelLabel);
            foreach (var chunk in chunks)
            {
                var marker = $"[{citations.Count + 1}]";
                var date = chunk.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "ohne Datum";
                text.Append("\n\n").Append(marker).Append(' ').Append(chunk.Title).Append(" (").Append(chunk.DocumentId).Append(", ").Append(date).Append("):\n")
                    .Append(PassageSet.Cut(LetterFrame.StripHead(chunk.Text), _options.MaxPassageChars));
                citations.Add(new Citation(marker, chunk.DocumentId, chunk.ChunkId, chunk.Title, chunk.Text));
            }
        }

        return new ChatAnswer
        {
            Text = text.ToString(),
            Mode = DraftMode.Extractive,
            Citations = citations,
            ElapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Visibility = VisibilityCodes.MostRestrictive(used),
        };
    }
}

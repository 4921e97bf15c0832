using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Runs one question against the model with the ArchiveSearch tool: automatic function choice, but the calls are invoked
/// here rather than by SK's auto-invoke loop, so the cap (<see cref="LlmOptions.MaxToolCalls"/>) is exact per request, a
/// call beyond it is answered with a refusal instead of being run, and once the cap is reached the next round is sent with
/// <see cref="FunctionChoiceBehavior.None"/> so the model must answer in text. Token usage is summed over all rounds.
/// </summary>
internal sealed class ModelConversation(Kernel kernel, LlmOptions options, ILogger logger)
{
    internal const string LimitReachedResult = "Das Limit für Archivsuchen ist erreicht. Antworte jetzt nur mit den vorhandenen Quellen.";

    // Guards against a server that keeps calling tools although told not to.
    private int MaxRounds => options.MaxToolCalls + 2;

    public async Task<ModelReply> CompleteAsync(ChatHistory history, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var usage = new Usage();
        var toolCalls = 0;
        for (var round = 0; ; round++)
        {
            ChatMessageContent message;
            try
            {
                message = await chat.GetChatMessageContentAsync(history, Settings(toolCalls, round), kernel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
            {
                throw Unavailable(ex);
            }

            usage.Add(message.Metadata);
            var calls = FunctionCallContent.GetFunctionCalls(message).ToList();
            if (calls.Count == 0 || round + 1 >= MaxRounds)
            {
                return new ModelReply(message.Content ?? string.Empty, usage.Prompt, usage.Completion, toolCalls);
            }

            history.Add(message);
            toolCalls = await InvokeAsync(calls, history, toolCalls, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Streams text deltas as they arrive; the last item carries the whole reply (<see cref="StreamItem.Reply"/>).</summary>
    public async IAsyncEnumerable<StreamItem> StreamAsync(ChatHistory history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var usage = new Usage();
        var toolCalls = 0;
        for (var round = 0; ; round++)
        {
            var text = new StringBuilder();
            var builder = new FunctionCallContentBuilder();
            await foreach (var update in Guard(chat.GetStreamingChatMessageContentsAsync(history, Settings(toolCalls, round), kernel, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                usage.Add(update.Metadata);
                builder.Append(update);
                if (!string.IsNullOrEmpty(update.Content))
                {
                    text.Append(update.Content);
                    yield return new StreamItem(update.Content, null);
                }
            }

            var calls = builder.Build().ToList();
            if (calls.Count == 0 || round + 1 >= MaxRounds)
            {
                yield return new StreamItem(string.Empty, new ModelReply(text.ToString(), usage.Prompt, usage.Completion, toolCalls));
                yield break;
            }

            var assistant = new ChatMessageContent(AuthorRole.Assistant, text.Length > 0 ? text.ToString() : null);
            foreach (var call in calls)
            {
                assistant.Items.Add(call);
            }

            history.Add(assistant);
            toolCalls = await InvokeAsync(calls, history, toolCalls, cancellationToken).ConfigureAwait(false);
        }
    }

    // Failures of the model endpoint (after RetryAfterHandler's retries) become one exception type with a German message;
    // a cancellation by the caller stays a cancellation.
    private static bool IsModelFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpOperationException or HttpRequestException or TimeoutException or System.ClientModel.ClientResultException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private LanguageModelException Unavailable(Exception ex)
    {
        var status = ex is HttpOperationException { StatusCode: { } code } ? $" (HTTP {(int)code})" : string.Empty;
        return new LanguageModelException($"Das Sprachmodell '{options.Model}' ({options.Provider}, {options.Endpoint ?? "Standardadresse"}) ist nicht erreichbar oder lehnt die Anfrage ab{status}: {ex.Message}", ex);
    }

    private async IAsyncEnumerable<StreamingChatMessageContent> Guard(IAsyncEnumerable<StreamingChatMessageContent> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
            {
                throw Unavailable(ex);
            }

            yield return enumerator.Current;
        }
    }

    private async Task<int> InvokeAsync(List<FunctionCallContent> calls, ChatHistory history, int toolCalls, CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            // Every call id needs an answer, or the next request is rejected by the API.
            if (toolCalls >= options.MaxToolCalls)
            {
                DraftingLog.ToolCallLimitReached(logger, options.MaxToolCalls);
                history.Add(new FunctionResultContent(call, LimitReachedResult).ToChatMessage());
                continue;
            }

            toolCalls++;
            FunctionResultContent result;
            try
            {
                result = await call.InvokeAsync(kernel, cancellationToken).ConfigureAwait(false);
            }
            catch (KernelException ex)
            {
                // An unknown function or bad arguments: tell the model instead of failing the whole draft.
                result = new FunctionResultContent(call, $"Fehler: {ex.Message}");
            }

            history.Add(result.ToChatMessage());
        }

        return toolCalls;
    }

    private OpenAIPromptExecutionSettings Settings(int toolCalls, int round)
    {
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = options.MaxCompletionTokens,
            Temperature = options.Temperature,
        };
        if (options.MaxToolCalls > 0)
        {
            settings.FunctionChoiceBehavior = toolCalls < options.MaxToolCalls && round + 1 < MaxRounds
                ? FunctionChoiceBehavior.Auto(autoInvoke: false)
                : FunctionChoiceBehavior.None();
        }

        return settings;
    }

    internal sealed record StreamItem(string TextDelta, ModelReply? Reply);

    private sealed class Usage
    {
        public int Prompt { get; private set; }

        public int Completion { get; private set; }

        public void Add(IReadOnlyDictionary<string, object?>? metadata)
        {
            if (metadata is not null && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage)
            {
                Prompt += usage.InputTokenCount;
                Completion += usage.OutputTokenCount;
            }
        }
    }
}

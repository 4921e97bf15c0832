using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Hosting;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/chat: questions to the archive, answered as a Server-Sent-Events stream; the conversation is kept per user.</summary>
public static class ChatEndpoints
{
    public const string UpdateEvent = "update";
    public const string ErrorEvent = "error";

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/chat").WithTags("Chat");
        group.MapGet("/history", HistoryAsync);
        group.MapDelete("/history", ClearAsync);
        group.MapPost("/", AskAsync).RequireRateLimiting(RateLimitPolicies.Chat);
        return api;
    }

    [EndpointSummary("The caller's conversation, oldest first")]
    private static async Task<Ok<IReadOnlyList<ChatMessageRecord>>> HistoryAsync(HttpContext context, ChatConversation conversation) =>
        TypedResults.Ok(await conversation.GetHistoryAsync(await context.GetActorAsync(), cancellationToken: context.RequestAborted));

    [EndpointSummary("Starts a new conversation")]
    private static async Task<NoContent> ClearAsync(HttpContext context, ChatHistoryStore history)
    {
        await history.ClearAsync((await context.GetActorAsync()).UserName, context.RequestAborted);
        return TypedResults.NoContent();
    }

    [EndpointSummary("Asks the archive; streams text deltas, then one final update with the checked answer and its sources (SSE, event 'update'); if the model fails, the stream ends with event 'error' and its message")]
    private static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> AskAsync(ChatRequest request, HttpContext context, ChatConversation conversation)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return TypedResults.Problem("Die Frage ist leer.", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await context.GetActorAsync();
        return TypedResults.ServerSentEvents(EventsAsync(conversation.AskAsync(actor, request.Question, context.RequestAborted), context.RequestAborted));
    }

    /// <summary>
    /// The updates as event 'update'. A failure once the stream has begun (the status line is sent) cannot become an
    /// error response any more: it ends the stream with event 'error' carrying the message, instead of a cut connection.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> EventsAsync(IAsyncEnumerable<ChatUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatError? error = null;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is LanguageModelException or HttpRequestException or IOException)
            {
                error = new ChatError($"Die Antwort ist fehlgeschlagen: {ex.Message}");
            }

            if (error is not null)
            {
                yield return new SseItem<object>(error, ErrorEvent);
                yield break;
            }

            yield return new SseItem<object>(enumerator.Current, UpdateEvent);
        }
    }
}

using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Hosting;
using Anfragen.Assistant.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/chat: questions to the archive, answered as a Server-Sent-Events stream; the conversation is kept per user.</summary>
public static class ChatEndpoints
{
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

    [EndpointSummary("Asks the archive; streams text deltas, then one final update with the checked answer and its sources (SSE, event 'update')")]
    private static async Task<Results<ServerSentEventsResult<ChatUpdate>, ProblemHttpResult>> AskAsync(ChatRequest request, HttpContext context, ChatConversation conversation)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return TypedResults.Problem("Die Frage ist leer.", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await context.GetActorAsync();
        return TypedResults.ServerSentEvents(conversation.AskAsync(actor, request.Question, context.RequestAborted), "update");
    }
}

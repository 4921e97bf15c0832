using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Hosting;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>
/// Drafting, editing, versions and submission of answers (Sachbearbeitung and Fachbereichsleitung; drafting is
/// rate-limited per user).
/// </summary>
public static class DraftEndpoints
{
    public static IEndpointRouteBuilder MapDraftEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inquiries/{id}").WithTags("Drafts").RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapPost("/drafts", DraftAllAsync).RequireRateLimiting(RateLimitPolicies.Drafting);
        group.MapPost("/submit", SubmitAllAsync);
        group.MapPost("/questions/{number:int}/draft", DraftOneAsync).RequireRateLimiting(RateLimitPolicies.Drafting);
        group.MapPut("/questions/{number:int}", EditAsync);
        group.MapPost("/questions/{number:int}/submit", SubmitAsync);
        group.MapPost("/questions/{number:int}/restore", RestoreAsync);
        group.MapPost("/questions/{number:int}/proposal/accept", AcceptProposalAsync);
        group.MapPost("/questions/{number:int}/proposal/discard", DiscardProposalAsync);
        group.MapGet("/questions/{number:int}/diff", DiffAsync);
        return api;
    }

    [EndpointSummary("Drafts every question that is not approved yet; where a person's text stands, the draft is kept beside it as a proposal")]
    private static async Task<IResult> DraftAllAsync(string id, HttpContext context, ReviewService review)
    {
        var results = await review.DraftAsync(await context.GetActorAsync(), id, null, context.RequestAborted);
        return results.All(r => r.Succeeded) ? TypedResults.Ok(results.Select(r => r.Answer!).ToList()) : results.First(r => !r.Succeeded).ToHttp();
    }

    [EndpointSummary("Drafts (or redrafts) one question; an edited answer keeps its text and gets the draft as a proposal beside it")]
    private static async Task<IResult> DraftOneAsync(string id, int number, HttpContext context, ReviewService review)
    {
        var results = await review.DraftAsync(await context.GetActorAsync(), id, number, context.RequestAborted);
        return results[0].ToHttp();
    }

    [EndpointSummary("Saves edited text; 409 with the current answer when someone else saved first")]
    [EndpointDescription("Optimistic concurrency: send the version you started editing from as expectedVersion.")]
    private static async Task<IResult> EditAsync(string id, int number, EditAnswerRequest request, HttpContext context, ReviewService review) =>
        (await review.EditAsync(await context.GetActorAsync(), id, number, request.Text ?? string.Empty, request.ExpectedVersion, context.RequestAborted)).ToHttp();

    [EndpointSummary("Submits one answer for review (zur Prüfung einreichen)")]
    private static async Task<IResult> SubmitAsync(string id, int number, VersionRequest request, HttpContext context, ReviewService review) =>
        (await review.SubmitAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, context.RequestAborted)).ToHttp();

    [EndpointSummary("Submits every answer that has a text; answers without one stay open")]
    private static async Task<IResult> SubmitAllAsync(string id, HttpContext context, ReviewService review)
    {
        var results = await review.SubmitAllAsync(await context.GetActorAsync(), id, context.RequestAborted);
        if (results.Any(r => r.Outcome is ReviewOutcome.NotFound or ReviewOutcome.Forbidden) || results.All(r => !r.Succeeded))
        {
            return results.First(r => !r.Succeeded).ToHttp();
        }

        return TypedResults.Ok(new SubmitAllResponse(
            [.. results.Where(r => r.Succeeded).Select(r => r.Answer!)],
            [.. results.Where(r => !r.Succeeded).Select(r => r.Message ?? string.Empty)]));
    }

    [EndpointSummary("Brings an earlier version back as a new version")]
    private static async Task<IResult> RestoreAsync(string id, int number, RestoreRequest request, HttpContext context, ReviewService review) =>
        (await review.RestoreAsync(await context.GetActorAsync(), id, number, request.Version, request.ExpectedVersion, context.RequestAborted)).ToHttp();

    [EndpointSummary("Takes the proposal waiting beside the text over as the answer")]
    private static async Task<IResult> AcceptProposalAsync(string id, int number, VersionRequest request, HttpContext context, ReviewService review) =>
        (await review.AcceptProposalAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, context.RequestAborted)).ToHttp();

    [EndpointSummary("Discards the proposal waiting beside the text")]
    private static async Task<IResult> DiscardProposalAsync(string id, int number, HttpContext context, ReviewService review) =>
        (await review.DiscardProposalAsync(await context.GetActorAsync(), id, number, context.RequestAborted)).ToHttp();

    [EndpointSummary("What changed between two versions of an answer, word by word (segments: Same, Inserted, Deleted)")]
    private static async Task<IResult> DiffAsync(string id, int number, int from, int to, HttpContext context, ReviewService review)
    {
        var diff = await review.CompareAsync(await context.GetActorAsync(), id, number, from, to, context.RequestAborted);
        return diff is null ? TypedResults.Problem($"Frage {number}: Version {from} oder {to} gibt es nicht.", statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(diff);
    }
}

/// <summary>POST /api/inquiries/{id}/submit: the answers now submitted, and why others were not.</summary>
public sealed record SubmitAllResponse(IReadOnlyList<AnswerRecord> Submitted, IReadOnlyList<string> NotSubmitted);

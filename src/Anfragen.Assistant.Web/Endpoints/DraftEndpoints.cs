using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Hosting;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>Drafting and editing of answers (Sachbearbeitung and Fachbereichsleitung; drafting is rate-limited per user).</summary>
public static class DraftEndpoints
{
    public static IEndpointRouteBuilder MapDraftEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inquiries/{id}").WithTags("Drafts").RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapPost("/drafts", DraftAllAsync).RequireRateLimiting(RateLimitPolicies.Drafting);
        group.MapPost("/questions/{number:int}/draft", DraftOneAsync).RequireRateLimiting(RateLimitPolicies.Drafting);
        group.MapPut("/questions/{number:int}", EditAsync);
        return api;
    }

    [EndpointSummary("Drafts every question that is not approved yet")]
    private static async Task<IResult> DraftAllAsync(string id, HttpContext context, ReviewService review)
    {
        var results = await review.DraftAsync(await context.GetActorAsync(), id, null, context.RequestAborted);
        return results.All(r => r.Succeeded) ? TypedResults.Ok(results.Select(r => r.Answer!).ToList()) : results.First(r => !r.Succeeded).ToHttp();
    }

    [EndpointSummary("Drafts (or regenerates) one question")]
    private static async Task<IResult> DraftOneAsync(string id, int number, HttpContext context, ReviewService review)
    {
        var results = await review.DraftAsync(await context.GetActorAsync(), id, number, context.RequestAborted);
        return results[0].ToHttp();
    }

    [EndpointSummary("Saves edited text; 409 with the current answer when someone else saved first")]
    [EndpointDescription("Optimistic concurrency: send the version you started editing from as expectedVersion.")]
    private static async Task<IResult> EditAsync(string id, int number, EditAnswerRequest request, HttpContext context, ReviewService review) =>
        (await review.EditAsync(await context.GetActorAsync(), id, number, request.Text ?? string.Empty, request.ExpectedVersion, context.RequestAborted)).ToHttp();
}

using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>Approve and reject: Fachbereichsleitung only (403 for everyone else).</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inquiries/{id}/questions/{number:int}").WithTags("Reviews").RequireAuthorization(AuthorizationPolicies.Reviewer);
        group.MapPost("/approve", ApproveAsync);
        group.MapPost("/reject", RejectAsync);
        return api;
    }

    [EndpointSummary("Approves the answer in the version the reviewer saw; the last approval archives the Stellungnahme")]
    private static async Task<IResult> ApproveAsync(string id, int number, ReviewDecisionRequest request, HttpContext context, ReviewService review) =>
        (await review.ApproveAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, request.Comment, context.RequestAborted)).ToHttp();

    [EndpointSummary("Rejects the answer; a comment is required")]
    private static async Task<IResult> RejectAsync(string id, int number, ReviewDecisionRequest request, HttpContext context, ReviewService review) =>
        (await review.RejectAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, request.Comment ?? string.Empty, context.RequestAborted)).ToHttp();
}

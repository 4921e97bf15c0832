using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>Approve and return: Fachbereichsleitung only (403 for everyone else; 403 also where the four-eyes rule forbids it).</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inquiries/{id}/questions/{number:int}").WithTags("Reviews").RequireAuthorization(AuthorizationPolicies.Reviewer);
        group.MapPost("/approve", ApproveAsync);
        group.MapPost("/reject", RejectAsync);
        return api;
    }

    [EndpointSummary("Approves a submitted answer in the version the reviewer saw; the last approval archives the Stellungnahme")]
    [EndpointDescription("400 when not submitted, or when it is the assistant's untouched proposal and confirmUntouched is not true; 403 when the reviewer put the text in last (four-eyes rule); 409 for another version.")]
    private static async Task<IResult> ApproveAsync(string id, int number, ReviewDecisionRequest request, HttpContext context, ReviewService review) =>
        (await review.ApproveAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, request.Comment, request.ConfirmUntouched, context.RequestAborted)).ToHttp();

    [EndpointSummary("Returns a submitted or approved answer to its author (zurückgegeben); a comment is required")]
    private static async Task<IResult> RejectAsync(string id, int number, ReviewDecisionRequest request, HttpContext context, ReviewService review) =>
        (await review.RejectAsync(await context.GetActorAsync(), id, number, request.ExpectedVersion, request.Comment ?? string.Empty, context.RequestAborted)).ToHttp();
}

using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>Maps workflow results to HTTP: 200, 404, 403, 409 (with the current answer) or 400.</summary>
internal static class ReviewResults
{
    public static IResult ToHttp(this ReviewResult result) => result.Outcome switch
    {
        ReviewOutcome.Success => TypedResults.Ok(result.Answer),
        ReviewOutcome.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound),
        ReviewOutcome.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden),
        ReviewOutcome.Conflict => TypedResults.Conflict(new ConflictResponse(result.Message ?? "Konflikt", result.Answer!)),
        _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
    };
}

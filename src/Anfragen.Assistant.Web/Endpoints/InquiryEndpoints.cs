using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Review.Export;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/inquiries: list, parse preview, create, detail, assignment, deadline and export of the approved Stellungnahme.</summary>
public static class InquiryEndpoints
{
    public static IEndpointRouteBuilder MapInquiryEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inquiries").WithTags("Inquiries");
        group.MapGet("/", ListAsync);
        group.MapPost("/preview", Preview).RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/export/docx", ExportDocxAsync);
        group.MapGet("/{id}/export/markdown", ExportMarkdownAsync);
        group.MapPut("/{id}/assignment", AssignInquiryAsync).RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapPut("/{id}/questions/{number:int}/assignment", AssignQuestionAsync).RequireAuthorization(AuthorizationPolicies.Staff);
        group.MapPut("/{id}/deadline", SetDeadlineAsync).RequireAuthorization(AuthorizationPolicies.Staff);
        return api;
    }

    [EndpointSummary("Inquiries the caller may see, due soonest first, with status and progress")]
    [EndpointDescription("view=meine: assigned to the caller or the caller's Fachbereich; view=pruefung: with answers submitted for review.")]
    private static async Task<Ok<IReadOnlyList<InquirySummary>>> ListAsync(HttpContext context, ReviewService review, string? view = null) =>
        TypedResults.Ok(await review.ListAsync(await context.GetActorAsync(), ParseView(view), context.RequestAborted));

    internal static InquiryView ParseView(string? view) => view?.Trim().ToLowerInvariant() switch
    {
        "meine" or "mine" => InquiryView.Mine,
        "pruefung" or "prüfung" or "review" => InquiryView.ForReview,
        _ => InquiryView.All,
    };

    [EndpointSummary("Assigns the inquiry to a person or a Fachbereich (an empty name removes the assignment)")]
    private static async Task<IResult> AssignInquiryAsync(string id, AssignmentRequest request, HttpContext context, ReviewService review) =>
        ToHttp(await review.AssignAsync(await context.GetActorAsync(), id, null, ToAssignment(request), context.RequestAborted));

    [EndpointSummary("Assigns one question to a person or a Fachbereich (an empty name removes the assignment)")]
    private static async Task<IResult> AssignQuestionAsync(string id, int number, AssignmentRequest request, HttpContext context, ReviewService review) =>
        ToHttp(await review.AssignAsync(await context.GetActorAsync(), id, number, ToAssignment(request), context.RequestAborted));

    [EndpointSummary("Sets the deadline by hand; null returns to the session date less the configured lead time")]
    private static async Task<IResult> SetDeadlineAsync(string id, DeadlineRequest request, HttpContext context, ReviewService review) =>
        ToHttp(await review.SetDeadlineAsync(await context.GetActorAsync(), id, request.Deadline, context.RequestAborted));

    private static Assignment? ToAssignment(AssignmentRequest request) =>
        string.IsNullOrWhiteSpace(request.Name) ? null : new Assignment(request.Kind, request.Name);

    private static IResult ToHttp(InquiryResult result) => result.Outcome switch
    {
        ReviewOutcome.Success => TypedResults.Ok(result.Inquiry),
        ReviewOutcome.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound),
        ReviewOutcome.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    [EndpointSummary("Parses inquiry text without saving it (the preview before confirming)")]
    private static Results<Ok<Inquiry>, ProblemHttpResult> Preview(CreateInquiryRequest request, InquiryImporter importer)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem("Der Text der Anfrage ist leer.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(importer.Parse(request.Text));
    }

    [EndpointSummary("Creates an inquiry from its text; with draft=true the drafts are written before the response")]
    private static async Task<IResult> CreateAsync(CreateInquiryRequest request, HttpContext context, InquiryImporter importer, ReviewService review, UserRateLimiter limiter)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem("Der Text der Anfrage ist leer.", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await context.GetActorAsync();

        // The limit is checked before anything is stored: a 429 must mean "nothing happened, try again".
        if (request.Draft && !limiter.TryDraft(actor.UserName))
        {
            return TypedResults.Problem("Zu viele Entwurfsanfragen in kurzer Zeit. Bitte eine Minute warten; die Anfrage wurde nicht angelegt.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var created = await review.CreateInquiryAsync(actor, importer.Parse(request.Text), request.SourceName ?? "API", context.RequestAborted);
        if (!created.Succeeded)
        {
            return TypedResults.Problem(created.Message, statusCode: created.Outcome == ReviewOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        if (request.Draft)
        {
            await review.DraftAsync(actor, created.Inquiry!.Id, null, context.RequestAborted);
        }

        var detail = await DetailAsync(actor, created.Inquiry!.Id, review, context.RequestAborted);
        return TypedResults.Created($"/api/inquiries/{created.Inquiry.Id}", detail);
    }

    [EndpointSummary("One inquiry with answers, version history and review comments")]
    private static async Task<Results<Ok<InquiryDetailResponse>, NotFound>> GetAsync(string id, HttpContext context, ReviewService review)
    {
        var detail = await DetailAsync(await context.GetActorAsync(), id, review, context.RequestAborted);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    [EndpointSummary("The approved Stellungnahme as a Word document (404 until every answer is approved)")]
    private static async Task<Results<FileContentHttpResult, NotFound<string>>> ExportDocxAsync(string id, HttpContext context, ReviewService review, StellungnahmeExport export)
    {
        var approved = await review.GetApprovedStellungnahmeAsync(await context.GetActorAsync(), id, context.RequestAborted);
        if (approved is not { } s)
        {
            return TypedResults.NotFound("Nicht gefunden oder noch nicht alle Antworten freigegeben.");
        }

        return TypedResults.File(export.ToDocx(s.Inquiry, s.Letter), StellungnahmeExport.DocxContentType, StellungnahmeExport.FileName(s.Inquiry, "docx"));
    }

    [EndpointSummary("The approved Stellungnahme as Markdown (404 until every answer is approved)")]
    private static async Task<Results<FileContentHttpResult, NotFound<string>>> ExportMarkdownAsync(string id, HttpContext context, ReviewService review)
    {
        var approved = await review.GetApprovedStellungnahmeAsync(await context.GetActorAsync(), id, context.RequestAborted);
        if (approved is not { } s)
        {
            return TypedResults.NotFound("Nicht gefunden oder noch nicht alle Antworten freigegeben.");
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(StellungnahmeExport.ToMarkdown(s.Letter)), "text/markdown; charset=utf-8", StellungnahmeExport.FileName(s.Inquiry, "md"));
    }

    internal static async Task<InquiryDetailResponse?> DetailAsync(Actor actor, string id, ReviewService review, CancellationToken cancellationToken)
    {
        var record = await review.GetAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return new InquiryDetailResponse(
            record,
            await review.GetAnswersAsync(actor, id, cancellationToken) ?? [],
            await review.GetVersionsAsync(actor, id, cancellationToken) ?? [],
            await review.GetCommentsAsync(actor, id, cancellationToken) ?? []);
    }
}

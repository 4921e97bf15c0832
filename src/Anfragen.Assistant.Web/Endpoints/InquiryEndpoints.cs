using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/inquiries: list, parse preview, create, detail and export of the approved Stellungnahme.</summary>
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
        return api;
    }

    [EndpointSummary("Inquiries the caller may see, with status and progress")]
    private static async Task<Ok<IReadOnlyList<InquirySummary>>> ListAsync(HttpContext context, ReviewService review) =>
        TypedResults.Ok(await review.ListAsync(await context.GetActorAsync(), context.RequestAborted));

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
        var created = await review.CreateInquiryAsync(actor, importer.Parse(request.Text), request.SourceName ?? "API", context.RequestAborted);
        if (!created.Succeeded)
        {
            return TypedResults.Problem(created.Message, statusCode: created.Outcome == ReviewOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        if (request.Draft)
        {
            if (!limiter.TryDraft(actor.UserName))
            {
                return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
            }

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
    private static async Task<Results<FileContentHttpResult, NotFound<string>>> ExportDocxAsync(string id, HttpContext context, ReviewService review)
    {
        var approved = await review.GetApprovedStellungnahmeAsync(await context.GetActorAsync(), id, context.RequestAborted);
        if (approved is not { } s)
        {
            return TypedResults.NotFound("Nicht gefunden oder noch nicht alle Antworten freigegeben.");
        }

        return TypedResults.File(StellungnahmeDocxWriter.Write(s.Inquiry, s.Answers), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(s.Inquiry, "docx"));
    }

    [EndpointSummary("The approved Stellungnahme as Markdown (404 until every answer is approved)")]
    private static async Task<Results<FileContentHttpResult, NotFound<string>>> ExportMarkdownAsync(string id, HttpContext context, ReviewService review)
    {
        var approved = await review.GetApprovedStellungnahmeAsync(await context.GetActorAsync(), id, context.RequestAborted);
        if (approved is not { } s)
        {
            return TypedResults.NotFound("Nicht gefunden oder noch nicht alle Antworten freigegeben.");
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(StellungnahmeComposer.ToMarkdown(s.Inquiry, s.Answers)), "text/markdown; charset=utf-8", FileName(s.Inquiry, "md"));
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

    /// <summary>"Stellungnahme-25-12640-01.docx"; without a Drucksache number the app's own id: "Stellungnahme-20261126-1a2b3c4d.docx".</summary>
    internal static string FileName(InquiryRecord record, string extension)
    {
        var baseName = string.IsNullOrWhiteSpace(record.Inquiry.Id) ? record.Id : StellungnahmeComposer.DocumentId(record);
        var safe = string.Concat(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return $"Stellungnahme-{safe}.{extension}";
    }
}

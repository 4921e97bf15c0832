using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Review;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/admin: ingestion status and uploads, user clearance, audit log (Administration only).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AuthorizationPolicies.Administration);
        group.MapGet("/status", StatusAsync);
        group.MapPost("/ingest", IngestAsync);
        group.MapGet("/audit", AuditAsync);
        group.MapGet("/clearance", ClearancesAsync);
        group.MapPut("/clearance/{userName}", SetClearanceAsync);

        // Multipart uploads are antiforgery-checked; API clients fetch a token here first (header RequestVerificationToken).
        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) => TypedResults.Ok(antiforgery.GetAndStoreTokens(context).RequestToken)).WithTags("Admin");
        return api;
    }

    [EndpointSummary("Index statistics and the state of the running or last ingestion")]
    private static async Task<Ok<AdminStatusResponse>> StatusAsync(IKnowledgeIndex index, IngestionStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AdminStatusResponse(await index.GetStatisticsAsync(cancellationToken), status.Current));

    [EndpointSummary("Uploads files into the archive; ingestion runs in the background (see status). Form field 'visibility' (öffentlich|nichtöffentlich, default nichtöffentlich) is given to files without a marker of their own; 'allowVisibilityChange=true' lets a new version make a nichtöffentlich paper öffentlich (audited)")]
    [EndpointDescription("400 for an unusable file name, 409 while another ingestion runs, 413 over Anfragen:Web:MaxUploadBytes, 429 over the per-user upload limit; a refused upload leaves nothing on disk.")]
    private static async Task<Results<Accepted<IngestionSnapshot>, ProblemHttpResult>> IngestAsync(
        HttpContext context, IFormFileCollection files, ArchiveIngestionRunner runner, IngestionStatus status, UserRateLimiter limiter)
    {
        if (files.Count == 0)
        {
            return TypedResults.Problem("Keine Dateien hochgeladen.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var visibilityField = form["visibility"].ToString();
        var visibility = string.IsNullOrWhiteSpace(visibilityField) ? Visibility.NonPublic : DocumentVocabulary.TryParseVisibility(visibilityField);
        if (visibility is null)
        {
            return TypedResults.Problem($"Unbekannte Sichtbarkeit „{visibilityField}“ (erlaubt: öffentlich, nichtöffentlich).", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await context.GetActorAsync();
        var request = new IngestionRequest
        {
            DefaultVisibility = visibility.Value,
            AllowVisibilityChange = bool.TryParse(form["allowVisibilityChange"].ToString(), out var allow) && allow,
            UserName = actor.UserName,
        };
        if (!limiter.TryUpload(actor.UserName))
        {
            return TypedResults.Problem("Zu viele Uploads in kurzer Zeit. Bitte eine Minute warten.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var streams = files.Select(f => (f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var result = await runner.StartUploadAsync(streams, request, context.RequestAborted);
            return result.Outcome switch
            {
                UploadOutcome.Started => TypedResults.Accepted("/api/admin/status", status.Current),
                UploadOutcome.Busy => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
                _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
            };
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [EndpointSummary("The audit log, newest first")]
    private static async Task<Ok<IReadOnlyList<AuditEntry>>> AuditAsync(AuditLog audit, int? take, string? action, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ReadAsync(take ?? 200, action, cancellationToken));

    [EndpointSummary("Clearance decisions made by administrators")]
    private static async Task<Ok<IReadOnlyList<UserClearance>>> ClearancesAsync(UserClearanceStore clearances, CancellationToken cancellationToken) =>
        TypedResults.Ok(await clearances.ListAsync(cancellationToken));

    [EndpointSummary("Grants or withdraws a user's clearance for nichtöffentlich papers")]
    private static async Task<Results<NoContent, ForbidHttpResult>> SetClearanceAsync(string userName, ClearanceRequest request, HttpContext context, UserClearanceStore clearances) =>
        await clearances.SetAsync(await context.GetActorAsync(), userName, request.Cleared, context.RequestAborted) ? TypedResults.NoContent() : TypedResults.Forbid();
}

using Anfragen.Assistant.Review;
using Anfragen.Assistant.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/documents: archive listing and one document with its passages (404 for a document the caller may not see).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents");
        group.MapGet("/", ListAsync);

        // Drucksache numbers may contain a slash ("1656/12"), hence the catch-all.
        group.MapGet("/{*id}", GetAsync);
        return api;
    }

    [EndpointSummary("Archive documents, newest first")]
    private static async Task<Ok<IReadOnlyList<StoredDocument>>> ListAsync(HttpContext context, ArchiveAccess archive, int? skip, int? take) =>
        TypedResults.Ok(await archive.ListDocumentsAsync(await context.GetActorAsync(), skip ?? 0, take ?? 50, context.RequestAborted));

    [EndpointSummary("One document with its passages")]
    private static async Task<Results<Ok<DocumentResponse>, NotFound>> GetAsync(string id, HttpContext context, ArchiveAccess archive)
    {
        var found = await archive.GetDocumentAsync(await context.GetActorAsync(), Uri.UnescapeDataString(id), context.RequestAborted);
        return found is { } d ? TypedResults.Ok(new DocumentResponse(d.Document, d.Chunks)) : TypedResults.NotFound();
    }
}

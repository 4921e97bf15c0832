using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>/api/search: archive search with the caller's access filter applied inside the search.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/search").WithTags("Search").MapGet("/", SearchAsync);
        return api;
    }

    [EndpointSummary("Searches the archive; one hit per document at its best passage")]
    private static async Task<Results<Ok<IReadOnlyList<SearchHitResponse>>, ProblemHttpResult>> SearchAsync(
        HttpContext context, ArchiveAccess archive, string q, SearchMode? mode, string? type, string? committee, DateOnly? from, DateOnly? to, int? top)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Problem("Parameter q (Suchtext) fehlt.", statusCode: StatusCodes.Status400BadRequest);
        }

        var types = string.IsNullOrWhiteSpace(type) ? null
            : type.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DocumentVocabulary.ParseType).Distinct().ToList();
        var query = new ArchiveQuery { Text = q, Mode = mode ?? SearchMode.Hybrid, Types = types, Committee = committee, From = from, To = to, Top = top ?? 20 };
        var hits = await archive.SearchAsync(await context.GetActorAsync(), query, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<SearchHitResponse>>(hits.Select(ToResponse).ToList());
    }

    internal static SearchHitResponse ToResponse(ArchiveHit hit) => new(
        hit.Passage.DocumentId, hit.Passage.ChunkId, hit.Passage.Title, hit.Passage.DocumentType.ToString(), hit.Passage.Date,
        hit.Passage.Committee, hit.Passage.Visibility.ToGerman(), hit.Passage.QuestionNumber, hit.Passage.Text, hit.Score);
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>
/// Turns the errors users and operators can act on into problem details with their German message:
/// a bad file or request (400/413), an unreachable language model (503), an index built with another embedding model (500).
/// </summary>
public sealed class KnownErrorHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title) = exception switch
        {
            DocumentReadException => (StatusCodes.Status400BadRequest, "Datei nicht lesbar"),

            // Thrown by parameter binding in Development (e.g. an upload over the multipart limit); elsewhere it is a plain 400.
            BadHttpRequestException bad => (bad.StatusCode, "Ungültige Anfrage"),
            LanguageModelException => (StatusCodes.Status503ServiceUnavailable, "Sprachmodell nicht erreichbar"),
            IndexMismatchException => (StatusCodes.Status500InternalServerError, "Index passt nicht zum Embedding-Modell"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        }).ConfigureAwait(false);
    }
}

using System.Diagnostics;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>
/// Every exception that reaches the exception handler becomes a German answer: problem details for /api (and any client
/// that does not ask for HTML), an error page (<see cref="ErrorPage"/>) for the browser. Errors users and operators can
/// act on keep their message: a bad file or request (400/413), an unreachable language model (503), an index built
/// with another embedding model (500); anything else is a 500 with the request's trace id and nothing of the exception.
/// </summary>
public sealed partial class KnownErrorHandler(IProblemDetailsService problemDetails, IOptions<WebOptions> options, ILogger<KnownErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var error = Describe(exception, httpContext, options.Value.MaxUploadBytes);
        if (error.Status >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path, TraceId(httpContext));
        }

        httpContext.Response.StatusCode = error.Status;
        if (ErrorPage.WantsHtml(httpContext))
        {
            await ErrorPage.WriteAsync(httpContext, error.Title, error.Detail).ConfigureAwait(false);
            return true;
        }

        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = error.Status, Title = error.Title, Detail = error.Detail },
        }).ConfigureAwait(false))
        {
            return true;
        }

        // A client that accepts neither JSON nor HTML still gets the message.
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync($"{error.Title}: {error.Detail}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Status, German title and detail for an exception; the detail never carries an unknown exception's text.</summary>
    internal static (int Status, string Title, string Detail) Describe(Exception exception, HttpContext httpContext, long maxUploadBytes) => exception switch
    {
        DocumentReadException read => (StatusCodes.Status400BadRequest, "Datei nicht lesbar", read.Message),
        _ when IsTooLarge(exception) => (StatusCodes.Status413RequestEntityTooLarge, "Anfrage zu groß",
            $"Die Anfrage ist größer als erlaubt: höchstens {maxUploadBytes / (1024 * 1024)} MB je Upload (Anfragen:Web:MaxUploadBytes)."),

        // Parameter binding (with RouteHandlerOptions.ThrowOnBadRequest): a missing field, JSON that does not parse.
        BadHttpRequestException bad => (bad.StatusCode, "Ungültige Anfrage", "Die Anfrage ist unvollständig oder hat ein falsches Format (Pflichtfeld fehlt, JSON nicht lesbar)."),
        LanguageModelException model => (StatusCodes.Status503ServiceUnavailable, "Sprachmodell nicht erreichbar", model.Message),
        IndexMismatchException mismatch => (StatusCodes.Status500InternalServerError, "Index passt nicht zum Embedding-Modell", mismatch.Message),
        _ => (StatusCodes.Status500InternalServerError, "Interner Fehler",
            $"Die Anfrage konnte nicht bearbeitet werden. Bitte später erneut versuchen; bleibt der Fehler, der Administration die Fehlerkennung {TraceId(httpContext)} nennen."),
    };

    /// <summary>The id problem details carry as traceId and the log line names.</summary>
    internal static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    /// <summary>Kestrel's body limit (413) or the multipart/form limits, which the form reader reports as invalid data.</summary>
    private static bool IsTooLarge(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413RequestEntityTooLarge } or InvalidDataException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Error, Message = "Request {Method} {Path} failed (trace id {TraceId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, string traceId);
}

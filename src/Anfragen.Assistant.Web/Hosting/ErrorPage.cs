using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>
/// The browser's error page, written directly by the exception handler. It needs nothing that may itself have failed
/// (no Razor component, no re-executed request, no database): re-executing a Blazor page for a POST or for a request
/// whose endpoint failed ended in a second exception and an empty 500.
/// </summary>
public static class ErrorPage
{
    // Encodes < > & " ' and keeps umlauts readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Pages get HTML; /api and clients that do not ask for HTML get problem details.</summary>
    public static bool WantsHtml(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var accept = httpContext.Request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes the page with the status already set on the response.</summary>
    public static async Task WriteAsync(HttpContext httpContext, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        var status = response.StatusCode;
        var html = $"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>{Encode(title)} – Anfragen.Assistant</title>
                <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
                <main class="content" data-testid="error-page">
                    <h1>{Encode(title)}</h1>
                    <p>{Encode(detail)}</p>
                    <p class="hint">HTTP {status}</p>
                    <p><a href="/anfragen">Zur Übersicht</a> · <a href="/anmelden">Zur Anmeldung</a></p>
                </main>
            </body>
            </html>
            """;
        await response.WriteAsync(html, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static string Encode(string text) => Encoder.Encode(text);
}

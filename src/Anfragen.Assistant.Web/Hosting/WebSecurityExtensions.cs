using System.Threading.RateLimiting;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>Antiforgery, cookie and header policy, request size limits and per-user rate limits.</summary>
public static class WebSecurityExtensions
{
    /// <summary>
    /// blazor.web.js needs scripts from 'self' and a WebSocket back to the same host; no inline script, no eval.
    /// Styles come from our own stylesheets only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The Scalar API reference page boots from an inline module script and injects its styles at run time; only
    /// that page (static, no user data, the API it calls needs the session anyway) allows inline script and style.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Where the data-protection key ring lives, under the data directory.</summary>
    public const string DataProtectionKeysDirectory = "keys";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        builder.Services.AddExceptionHandler<KnownErrorHandler>();

        // Sign-in cookies and antiforgery tokens are protected with keys kept in the data directory, so a restart (or a
        // new container on the same volume) does not sign everyone out or invalidate open forms.
        builder.Services.AddDataProtection().SetApplicationName("Anfragen.Assistant");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<AssistantOptions>, ILoggerFactory>((keys, assistant, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(assistant.Value.ResolvedDataDirectory, DataProtectionKeysDirectory)), logs));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Anfragen.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Uploads are the largest requests; everything else is far below this.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = web.MaxUploadBytes + (1024 * 1024));
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = web.MaxUploadBytes);
        builder.Services.AddServerSideBlazor().AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);

        // Binding failures (a missing form field, JSON that does not parse) become BadHttpRequestException in every
        // environment, so KnownErrorHandler answers them in German instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) => RejectedAsync(context.HttpContext, cancellationToken);
            o.AddPolicy(RateLimitPolicies.Drafting, context => PerUser(context, web.DraftRequestsPerMinute));
            o.AddPolicy(RateLimitPolicies.Chat, context => PerUser(context, web.ChatRequestsPerMinute));
            o.AddPolicy(RateLimitPolicies.Upload, context => PerUser(context, web.UploadRequestsPerMinute));

            // Before sign-in there is no user: the client address (behind a reverse proxy, configure forwarded headers).
            o.AddPolicy(RateLimitPolicies.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => UserRateLimiter.Window(web.SignInRequestsPerMinute)));
        });
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every error becomes a German answer written by KnownErrorHandler: problem details for /api, an HTML page for
        // the browser. In Development the browser gets the developer exception page instead.
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.UseExceptionHandler());
        }
        else
        {
            app.UseExceptionHandler();
        }

        // Set when the response starts, so they survive the exception handler clearing the response.
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state => ApplyResponseHeaders((HttpContext)state), context);
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Security headers on every response; <c>Cache-Control: no-store</c> on every response but the static assets (CSS,
    /// scripts, which carry their own caching headers): pages, API answers and downloads may hold nichtöffentlich text,
    /// and no browser cache or proxy may keep it. One rule instead of a list of sensitive routes that could miss one.
    /// </summary>
    private static Task ApplyResponseHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        return Task.CompletedTask;
    }

    private static async ValueTask RejectedAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = "60";
        const string title = "Zu viele Anfragen";
        const string detail = "Zu viele Anfragen in kurzer Zeit. Bitte eine Minute warten.";
        if (ErrorPage.WantsHtml(context))
        {
            await ErrorPage.WriteAsync(context, title, detail).ConfigureAwait(false);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail } }).ConfigureAwait(false))
        {
            await context.Response.WriteAsync(detail, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RateLimitPartition<string> PerUser(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => UserRateLimiter.Window(permitsPerMinute));
}

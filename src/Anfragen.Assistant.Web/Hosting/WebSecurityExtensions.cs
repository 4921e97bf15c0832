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

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Drafting, context => PerUser(context, web.DraftRequestsPerMinute));
            o.AddPolicy(RateLimitPolicies.Chat, context => PerUser(context, web.ChatRequestsPerMinute));
        });
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // API errors become problem details (known ones with their message); page errors show /fehler outside Development.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.UseExceptionHandler());
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), pages => pages.UseExceptionHandler("/fehler", createScopeForErrors: true));
        }

        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PerUser(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => UserRateLimiter.Window(permitsPerMinute));
}

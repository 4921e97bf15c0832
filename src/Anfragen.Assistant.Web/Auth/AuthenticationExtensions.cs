using System.Security.Claims;
using Anfragen.Assistant.Review;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Anfragen.Assistant.Web.Hosting;

namespace Anfragen.Assistant.Web.Auth;

/// <summary>
/// Sign-in: cookie authentication in both modes; in Development the cookie is issued by a demo-user form,
/// in OpenIdConnect by the identity provider. API calls without a valid cookie get 401/403, never a redirect.
/// </summary>
public static class AuthenticationExtensions
{
    public const string LoginPath = "/anmelden";

    /// <summary>Query parameter of the sign-in page after a sign-in from a stale page (antiforgery check failed).</summary>
    public const string StaleFormParameter = "abgelaufen";

    public static WebApplicationBuilder AddAuthenticationModes(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment;
        builder.Services.AddOptions<AnfragenAuthenticationOptions>().BindConfiguration(AnfragenAuthenticationOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Mode != AuthenticationMode.Development || o.AllowDemoSignInOutsideDevelopment || environment.IsDevelopment(), AnfragenAuthenticationOptions.DemoSignInRefused)
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(AnfragenAuthenticationOptions.SectionName).Get<AnfragenAuthenticationOptions>() ?? new AnfragenAuthenticationOptions();

        var authentication = builder.Services.AddAuthentication(o =>
        {
            // The cookie scheme always challenges: API calls get a plain 401, pages are sent to the sign-in
            // (in OpenIdConnect mode straight on to the identity provider via /konto/oidc).
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(o =>
        {
            o.Cookie.Name = "Anfragen.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || settings.Mode == AuthenticationMode.Development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/zugriff-verweigert";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized, settings.Mode == AuthenticationMode.OpenIdConnect);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden, false);
        });

        if (settings.Mode == AuthenticationMode.OpenIdConnect)
        {
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.Scope.Add("profile");
                o.TokenValidationParameters.NameClaimType = settings.NameClaim;
                o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            });
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(AuthorizationPolicies.StaffRoles))
            .AddPolicy(AuthorizationPolicies.Reviewer, p => p.RequireAuthenticatedUser().RequireRole(nameof(StaffRole.Fachbereichsleitung)))
            .AddPolicy(AuthorizationPolicies.Administration, p => p.RequireAuthenticatedUser().RequireRole(nameof(StaffRole.Administration)));
        builder.Services.AddSingleton<ActorFactory>();
        return builder;
    }

    /// <summary>POST /konto/anmelden (demo users), POST /konto/abmelden, GET /konto/oidc (start the OIDC sign-in).</summary>
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/konto").ExcludeFromDescription();
        // Antiforgery is checked in the handler: a stale sign-in page (opened before a restart, or with cookies cleared)
        // leads back to a fresh one with a notice instead of ending on a bare 400.
        group.MapPost("/anmelden", SignInDemoUserAsync).DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.SignIn);
        group.MapPost("/abmelden", SignOutAsync).DisableAntiforgery();
        group.MapGet("/oidc", StartOpenIdConnect).RequireRateLimiting(RateLimitPolicies.SignIn);
        return app;
    }

    /// <summary>In Development mode there is no identity provider to go to: the demo sign-in page instead.</summary>
    private static IResult StartOpenIdConnect(string? returnUrl, Microsoft.Extensions.Options.IOptions<AnfragenAuthenticationOptions> options) =>
        options.Value.Mode == AuthenticationMode.OpenIdConnect
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrls.LocalOrDefault(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : TypedResults.LocalRedirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(ReturnUrls.LocalOrDefault(returnUrl))}");

    private static async Task<Results<RedirectHttpResult, BadRequest<string>>> SignInDemoUserAsync(
        HttpContext context,
        [FromForm] string userName,
        [FromForm] string? returnUrl,
        Microsoft.Extensions.Options.IOptions<AnfragenAuthenticationOptions> options,
        IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.LocalRedirect($"{LoginPath}?{StaleFormParameter}=1&returnUrl={Uri.EscapeDataString(ReturnUrls.LocalOrDefault(returnUrl))}");
        }

        if (options.Value.Mode != AuthenticationMode.Development)
        {
            return TypedResults.BadRequest("Die Demo-Anmeldung ist nur im Modus Development verfügbar.");
        }

        var user = DemoUser.Find(userName);
        if (user is null)
        {
            return TypedResults.BadRequest("Unbekannter Demo-Benutzer.");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        identity.AddClaim(new Claim(AnfragenClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        if (user.Department is { } department)
        {
            identity.AddClaim(new Claim(AnfragenClaims.Department, department));
        }

        if (user.ClearedForNonPublic)
        {
            identity.AddClaim(new Claim(AnfragenClaims.Clearance, "true"));
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(ReturnUrls.LocalOrDefault(returnUrl));
    }

    /// <summary>Signs out only with the form's antiforgery token: another site must not be able to end a session.</summary>
    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.LocalRedirect($"/abmelden?{StaleFormParameter}=1");
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(LoginPath);
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int statusCode, bool toIdentityProvider)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = statusCode;
        }
        else if (toIdentityProvider)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"/konto/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

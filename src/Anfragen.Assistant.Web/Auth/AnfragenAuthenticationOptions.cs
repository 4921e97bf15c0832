using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Web.Auth;

/// <summary>"Anfragen:Authentication". Secrets (ClientSecret) come from the environment or user secrets, never appsettings.json.</summary>
public sealed class AnfragenAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Anfragen:Authentication";

    /// <summary>The message that stops the start when the demo sign-in would run outside the Development environment.</summary>
    public const string DemoSignInRefused =
        "Die Demo-Anmeldung ohne Passwort (Anfragen:Authentication:Mode=Development, die Voreinstellung) ist außerhalb der Umgebung " +
        "Development gesperrt: jeder könnte sich als Administration anmelden. Im Betrieb Anfragen:Authentication:Mode=OpenIdConnect " +
        "setzen (siehe docs/web.md); nur für einen Vorführ-Server ausdrücklich Anfragen:Authentication:AllowDemoSignInOutsideDevelopment=true.";

    public AuthenticationMode Mode { get; set; } = AuthenticationMode.Development;

    /// <summary>
    /// Lets the passwordless demo users sign in although ASPNETCORE_ENVIRONMENT is not Development (a demonstration server).
    /// Off by default: outside Development the app refuses to start in <see cref="AuthenticationMode.Development"/> mode.
    /// </summary>
    public bool AllowDemoSignInOutsideDevelopment { get; set; }

    /// <summary>The OIDC issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0 or https://keycloak/realms/stadt.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim carrying the role names Sachbearbeitung, Fachbereichsleitung, Administration ("roles" in Entra ID app roles).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim granting clearance for nichtöffentlich papers when it has one of <see cref="ClearanceClaimValues"/>.</summary>
    public string ClearanceClaim { get; set; } = "anfragen_clearance";

    public IList<string> ClearanceClaimValues { get; } = ["nichtoeffentlich", "nichtöffentlich", "true"];

    /// <summary>The claim used as the user name (audit log, chat history, clearance table).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim naming the person's Fachbereich (assignments to a Fachbereich, "Meine Anfragen"); Entra ID emits "department" when configured.</summary>
    public string DepartmentClaim { get; set; } = "department";

    public bool RequireHttpsMetadata { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode != AuthenticationMode.OpenIdConnect)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Authority))
        {
            yield return new ValidationResult("Missing configuration: Anfragen:Authentication:Authority (environment Anfragen__Authentication__Authority). See docs/web.md.", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Missing configuration: Anfragen:Authentication:ClientId. See docs/web.md.", [nameof(ClientId)]);
        }
    }
}

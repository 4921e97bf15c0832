using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Auth;

/// <summary>Names of the authorization policies; the same ones guard pages and API endpoints.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Sachbearbeitung or Fachbereichsleitung: create inquiries, request drafts, edit.</summary>
    public const string Staff = "staff";

    /// <summary>Fachbereichsleitung: approve and reject.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Administration: ingestion, clearance, audit log.</summary>
    public const string Administration = "administration";

    public static readonly string[] StaffRoles = [nameof(StaffRole.Sachbearbeitung), nameof(StaffRole.Fachbereichsleitung)];
}

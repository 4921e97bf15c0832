namespace Anfragen.Assistant.Web.Auth;

/// <summary>Claim types the app issues itself (development sign-in) and reads after any sign-in.</summary>
public static class AnfragenClaims
{
    /// <summary>Set to "true" for users cleared for nichtöffentlich papers.</summary>
    public const string Clearance = "anfragen_clearance";
    public const string DisplayName = "anfragen_display_name";

    /// <summary>The person's Fachbereich.</summary>
    public const string Department = "anfragen_department";
}

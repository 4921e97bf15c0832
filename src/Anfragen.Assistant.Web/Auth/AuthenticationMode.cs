namespace Anfragen.Assistant.Web.Auth;

public enum AuthenticationMode
{
    /// <summary>Seeded demo users, chosen on the sign-in page without a password. For demonstrations only.</summary>
    Development = 0,

    /// <summary>Sign-in against an OpenID Connect provider (Entra ID, Keycloak); roles and clearance from claims.</summary>
    OpenIdConnect,
}

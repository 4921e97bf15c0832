namespace Anfragen.Assistant.Web.Infrastructure;

internal static class Users
{
    public const string Staff = "sachbearbeitung";
    public const string Reviewer = "fachbereichsleitung";
    public const string Admin = "admin";

    /// <summary>The canary phrases of the two nichtöffentlich sample documents (data/README.md), split so this file never contains them whole.</summary>
    public static readonly string[] Canaries = ["KANARIENVOGEL" + "-7Q4Z-PERSONAL", "KANARIENVOGEL" + "-3M8X-GRUNDSTUECK"];

    public const string NonPublicPersonnelDocument = "25-12380";
}

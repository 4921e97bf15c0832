using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Auth;

/// <summary>A seeded user of the development sign-in.</summary>
public sealed record DemoUser(string UserName, string DisplayName, StaffRole Role, bool ClearedForNonPublic, string Description)
{
    /// <summary>The demo Fachbereich of staff and reviewer (assignments to a Fachbereich, "Meine Anfragen").</summary>
    public const string DemoDepartment = "FB 10 Zentrale Dienste";

    public string? Department { get; init; }

    /// <summary>The three demo users: staff (öffentlich only), reviewer (cleared), administrator (cleared).</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("sachbearbeitung", "Sam Sachbearbeitung", StaffRole.Sachbearbeitung, false, "Sachbearbeitung: legt Anfragen an, fordert Entwürfe an, bearbeitet Antworten; nur öffentliche Dokumente.") { Department = DemoDepartment },
        new("fachbereichsleitung", "Fria Fachbereichsleitung", StaffRole.Fachbereichsleitung, true, "Fachbereichsleitung: prüft eingereichte Antworten, gibt frei oder gibt zurück; für nichtöffentliche Dokumente freigeschaltet.") { Department = DemoDepartment },
        new("admin", "Ada Administration", StaffRole.Administration, true, "Administration: Archiv befüllen, Freischaltungen, Audit-Protokoll; für nichtöffentliche Dokumente freigeschaltet."),
    ];

    public static DemoUser? Find(string? userName) => All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}

using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Review;

/// <summary>A signed-in person acting in the review workflow: name, roles and clearance for nichtöffentlich papers.</summary>
public sealed record Actor(string UserName, string DisplayName, IReadOnlySet<StaffRole> Roles, bool ClearedForNonPublic)
{
    /// <summary>The person's Fachbereich (from the sign-in), for assignments to a Fachbereich and "Meine Anfragen".</summary>
    public string? Department { get; init; }

    public bool IsReviewer => Roles.Contains(StaffRole.Fachbereichsleitung);

    public bool IsAdministrator => Roles.Contains(StaffRole.Administration);

    /// <summary>The retrieval principal: what this person may see in searches, chat and the document view.</summary>
    public Principal ToPrincipal() => new(UserName, ClearedForNonPublic);
}

namespace Anfragen.Assistant.Review;

/// <summary>The roles of the web app; the names are the role claim values.</summary>
public enum StaffRole
{
    /// <summary>Staff: request drafts, edit answers.</summary>
    Sachbearbeitung = 0,

    /// <summary>Reviewer: everything staff may do, plus approve and reject.</summary>
    Fachbereichsleitung,

    /// <summary>Ingests files, manages user clearance, reads the audit log.</summary>
    Administration,
}

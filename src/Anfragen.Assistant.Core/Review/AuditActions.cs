namespace Anfragen.Assistant.Review;

/// <summary>The action names written to the audit log (stable strings: they are queried and exported).</summary>
public static class AuditActions
{
    public const string NonPublicAccess = "nichtöffentlich-zugriff";
    public const string Approve = "freigabe";
    /// <summary>Returned to the author with a comment ("zurückgegeben"); the stored word stays for existing logs.</summary>
    public const string Reject = "ablehnung";
    public const string Edit = "bearbeitung";
    public const string Draft = "entwurf";
    public const string CreateInquiry = "anfrage-angelegt";
    public const string Archive = "stellungnahme-archiviert";
    public const string Export = "export";
    public const string ClearanceChanged = "freigabe-nichtöffentlich-geändert";
    public const string Ingest = "ingest";
    public const string DocumentReplaced = "dokument-ersetzt";
    public const string VisibilityChanged = "sichtbarkeit-geändert";
    public const string Submit = "einreichung";
    public const string Restore = "wiederherstellung";
    public const string Proposal = "vorschlag";
    public const string Assign = "zuweisung";
    public const string Deadline = "frist";
}

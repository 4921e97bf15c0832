namespace Anfragen.Assistant.Web.Services;

public enum UploadOutcome
{
    Started,

    /// <summary>Another ingestion job runs (HTTP 409).</summary>
    Busy,

    /// <summary>A file name that cannot be used, or no file at all (HTTP 400).</summary>
    BadName,
}

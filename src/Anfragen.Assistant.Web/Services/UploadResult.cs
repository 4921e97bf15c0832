namespace Anfragen.Assistant.Web.Services;

/// <summary>The answer to an upload: started in the background, or refused with a German message (nothing kept on disk).</summary>
public sealed record UploadResult(UploadOutcome Outcome, string Message)
{
    public bool Started => Outcome == UploadOutcome.Started;
}

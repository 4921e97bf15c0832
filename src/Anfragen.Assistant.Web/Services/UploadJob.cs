using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// What the journal of one upload records: who uploaded which files when, the choices made for them (so a resumed job
/// ingests them the same way), and how the job ended.
/// </summary>
public sealed record UploadJob(string Job, string UserName, DateTimeOffset StartedAt, IReadOnlyList<string> Files, string State, string? Result)
{
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";

    /// <summary>The uploader's visibility for files without a marker of their own; nichtöffentlich when not recorded.</summary>
    public Visibility DefaultVisibility { get; init; } = Visibility.NonPublic;

    public bool AllowVisibilityChange { get; init; }
}

using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Configuration;

/// <summary>Root settings of the "Anfragen" configuration section (environment: <c>Anfragen__DataDirectory</c>, …).</summary>
public sealed class AssistantOptions
{
    public const string SectionName = "Anfragen";

    /// <summary>Where the embedded index and app state live. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "appdata";

    /// <summary>Files larger than this are skipped at ingestion with a clear reason.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
}

using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>"Anfragen:Web": limits and the sample archive of the web app.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Anfragen:Web";

    /// <summary>The sample archive ingested on first start; relative paths are looked up from the content root upwards.</summary>
    public string SampleDataPath { get; set; } = "data";

    /// <summary>Ingest the sample archive in the background when the index is empty at start.</summary>
    public bool IngestSampleDataOnEmptyIndex { get; set; } = true;

    /// <summary>Largest accepted upload (inquiry or archive file).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Draft requests per user and minute (API and UI).</summary>
    [Range(1, 10_000)]
    public int DraftRequestsPerMinute { get; set; } = 30;

    /// <summary>The administration's time zone for times shown in the UI (IANA id); stored times are UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Chat questions per user and minute (API and UI).</summary>
    [Range(1, 10_000)]
    public int ChatRequestsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per client address and minute (demo form and the start of the OpenID Connect sign-in).</summary>
    [Range(1, 10_000)]
    public int SignInRequestsPerMinute { get; set; } = 20;

    /// <summary>Archive uploads per user and minute (API and the Administration page).</summary>
    [Range(1, 10_000)]
    public int UploadRequestsPerMinute { get; set; } = 10;
}

using System.ComponentModel.DataAnnotations;
using Anfragen.Assistant.Ingestion;

namespace Anfragen.Assistant.Configuration;

/// <summary>Root settings of the "Anfragen" configuration section (environment: <c>Anfragen__DataDirectory</c>, …).</summary>
public sealed class AssistantOptions : IValidatableObject
{
    public const string SectionName = "Anfragen";

    /// <summary>Where the embedded index and app state live. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "appdata";

    /// <summary>Files larger than this are skipped at ingestion with a clear reason.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Bounds on what one input may cost while it is read (<c>Anfragen:Ingestion:*</c>).</summary>
    public IngestionLimits Ingestion { get; set; } = new();

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>DataAnnotations do not look into nested objects: the limits are validated here, named by their key.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Ingestion, new ValidationContext(Ingestion), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(
            $"{string.Join(", ", r.MemberNames.Select(IngestionLimits.Key))}: {r.ErrorMessage}",
            r.MemberNames.Select(m => $"{nameof(Ingestion)}.{m}").ToList()));
    }
}

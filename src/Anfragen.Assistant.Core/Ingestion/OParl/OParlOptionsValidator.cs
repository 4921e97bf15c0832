using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>Checks what data annotations cannot: the endpoint is an absolute http(s) URL, and a periodic sync has one.</summary>
internal sealed class OParlOptionsValidator : IValidateOptions<OParlOptions>
{
    public ValidateOptionsResult Validate(string? name, OParlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint) && !OParlClient.IsHttpUrl(options.Endpoint))
        {
            failures.Add($"Anfragen:OParl:Endpoint '{options.Endpoint}' ist keine gültige http(s)-Adresse (die URL des OParl-System-Objekts).");
        }

        if (options.SyncIntervalMinutes > 0 && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add("Anfragen:OParl:SyncIntervalMinutes ist gesetzt, aber Anfragen:OParl:Endpoint fehlt.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

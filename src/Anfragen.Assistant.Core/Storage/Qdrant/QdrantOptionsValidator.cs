using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>Checks what data annotations cannot: an absolute http(s) URL, positive timeouts, a sane consistency factor.</summary>
internal sealed class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Anfragen:Qdrant:Url '{options.Url}' ist keine gültige http(s)-Adresse (z. B. http://localhost:6334).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Anfragen:Qdrant:RequestTimeout muss positiv sein.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Anfragen:Qdrant:RetryBaseDelay darf nicht negativ sein.");
        }

        if (options.WriteConsistencyFactor > options.ReplicationFactor)
        {
            failures.Add("Anfragen:Qdrant:WriteConsistencyFactor darf nicht größer als ReplicationFactor sein.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Drafting;

/// <summary>Checks the provider-specific settings on start, with messages that say which key to set.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = LlmOptions.SectionName;
        switch (options.Provider)
        {
            case LlmProvider.None:
                break;
            case LlmProvider.AzureOpenAI:
                RequireAbsoluteUrl(options.Endpoint, $"{section}:Endpoint fehlt oder ist keine absolute URL (z. B. https://mein-dienst.openai.azure.com/); Umgebung: Anfragen__Llm__Endpoint.", failures);
                RequireModel(options, $"{section}:Model fehlt: für Azure OpenAI den Namen des Deployments angeben (Umgebung: Anfragen__Llm__Model).", failures);
                break;
            case LlmProvider.OpenAI:
                RequireModel(options, $"{section}:Model fehlt (z. B. gpt-4o-mini; Umgebung: Anfragen__Llm__Model).", failures);
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                {
                    failures.Add($"{section}:ApiKey fehlt: für OpenAI ist ein API-Schlüssel nötig (Umgebung: Anfragen__Llm__ApiKey oder User Secrets).");
                }

                if (!string.IsNullOrWhiteSpace(options.Endpoint))
                {
                    RequireAbsoluteUrl(options.Endpoint, $"{section}:Endpoint ist keine absolute URL.", failures);
                }

                break;
            case LlmProvider.OpenAICompatible:
                RequireAbsoluteUrl(options.Endpoint, $"{section}:Endpoint fehlt oder ist keine absolute URL: für OpenAI-kompatible Server die Basisadresse angeben (z. B. http://127.0.0.1:11434/v1 für Ollama; Umgebung: Anfragen__Llm__Endpoint).", failures);
                RequireModel(options, $"{section}:Model fehlt: den Modellnamen des Servers angeben (z. B. llama3.1; Umgebung: Anfragen__Llm__Model).", failures);
                break;
            default:
                failures.Add($"{section}:Provider '{options.Provider}' ist unbekannt; erlaubt sind None, AzureOpenAI, OpenAI, OpenAICompatible.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireModel(LlmOptions options, string message, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add(message);
        }
    }

    private static void RequireAbsoluteUrl(string? value, string message, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add(message);
        }
    }
}

using Anfragen.Assistant.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>The language-model services as registered by AddDrafting, pointed at a scripted server.</summary>
internal static class LlmHost
{
    public static ServiceProvider Create(ScriptedOpenAiServer server, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Anfragen:Llm:Provider"] = "OpenAICompatible",
            ["Anfragen:Llm:Endpoint"] = server.BaseUrl.ToString(),
            ["Anfragen:Llm:Model"] = "scripted-model",
            ["Anfragen:Llm:MaxRetries"] = "2",
            ["Anfragen:Llm:TimeoutSeconds"] = "20",
        };
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        DraftingServiceCollectionExtensions.AddLanguageModel(services);
        return services.BuildServiceProvider(validateScopes: true);
    }
}

using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Drafting;

public static class DraftingServiceCollectionExtensions
{
    /// <summary>Drafting and chat: the model of "Anfragen:Llm" (or the extractive drafter), prompts, citation check.</summary>
    public static IHostApplicationBuilder AddDrafting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddLanguageModel(services);
        services.TryAddSingleton(sp => new PassageCollector(
            sp.GetRequiredService<HybridRetriever>(), sp.GetRequiredService<IPaperLinks>(), Options(sp), Logger(sp)));
        services.TryAddSingleton(sp => new ExtractiveDrafter(
            sp.GetRequiredService<HybridRetriever>(), sp.GetRequiredService<IPaperLinks>(), sp.GetRequiredService<GermanTextAnalyzer>(), Options(sp), Logger(sp)));
        services.TryAddSingleton(sp => new DraftingService(
            sp.GetRequiredService<LlmKernelFactory>(), sp.GetRequiredService<PassageCollector>(), sp.GetRequiredService<ExtractiveDrafter>(),
            sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<CitationValidator>(), Options(sp), Logger(sp)));
        services.TryAddSingleton(sp => new ChatService(
            sp.GetRequiredService<LlmKernelFactory>(), sp.GetRequiredService<PassageCollector>(), sp.GetRequiredService<ExtractiveDrafter>(),
            sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<CitationValidator>(), sp.GetRequiredService<GermanTextAnalyzer>(), Options(sp), Logger(sp)));
        return builder;
    }

    internal static IServiceCollection AddLanguageModel(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, PromptTemplatesValidator>());
        services.AddHttpClient(LlmKernelFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new RetryAfterHandler(
                sp.GetRequiredService<IOptions<LlmOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<LlmKernelFactory>()));
        services.TryAddSingleton<LlmKernelFactory>();
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<CitationValidator>();
        services.TryAddSingleton<GermanTextAnalyzer>();
        return services;
    }

    private static LlmOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LlmOptions>>().Value;

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("Anfragen.Assistant.Drafting");
}

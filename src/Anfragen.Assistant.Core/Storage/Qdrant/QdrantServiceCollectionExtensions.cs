using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantKnowledgeIndex"/> as the <see cref="IKnowledgeIndex"/> with its validated options
    /// ("Anfragen:Qdrant"). Called by <c>AddKnowledgeBase()</c> when <c>Anfragen:Index:Provider</c> is <c>Qdrant</c>.
    /// </summary>
    public static IHostApplicationBuilder AddQdrantIndex(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>());
        builder.Services.TryAddSingleton<GermanTextAnalyzer>();
        builder.Services.TryAddSingleton<QdrantKnowledgeIndex>();
        builder.Services.AddSingleton<IKnowledgeIndex>(sp => sp.GetRequiredService<QdrantKnowledgeIndex>());
        return builder;
    }
}

using System.ClientModel;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Storage.Qdrant;
using Anfragen.Assistant.Storage.Sqlite;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Anfragen.Assistant;

public static class KnowledgeBaseServiceCollectionExtensions
{
    /// <summary>
    /// The archive: readers and loader, chunker, embedder (<c>Anfragen:Embeddings</c>), the index chosen by
    /// <c>Anfragen:Index:Provider</c> with each of its roles (<see cref="IDocumentStore"/>, <see cref="IKeywordIndex"/>,
    /// <see cref="IVectorIndex"/>, <see cref="IHybridSearch"/>, <see cref="IVocabularyStatistics"/>), the ingestion
    /// pipeline and the hybrid retriever (<c>Anfragen:Retrieval</c>).
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmbeddingsOptions>().BindConfiguration(EmbeddingsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<DocumentTextReader>();
        services.TryAddSingleton<InquiryParser>();
        services.TryAddSingleton<GermanTextAnalyzer>();
        services.TryAddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<AssistantOptions>>().Value.Ingestion;
            return new DocumentChunker(ChunkingOptions.Default with { MaxTextChars = limits.MaxTextChars, MaxChunks = limits.MaxChunksPerDocument });
        });
        services.TryAddSingleton<DocumentLoader>();
        services.TryAddSingleton(CreateEmbeddingGenerator);
        services.TryAddSingleton<EmbeddingService>();

        var provider = builder.Configuration.GetSection(IndexOptions.SectionName).Get<IndexOptions>()?.Provider ?? IndexProvider.Sqlite;
        switch (provider)
        {
            case IndexProvider.Sqlite:
                services.TryAddSingleton<IKnowledgeIndex>(sp => new SqliteKnowledgeIndex(
                    Path.Combine(sp.GetRequiredService<IOptions<AssistantOptions>>().Value.ResolvedDataDirectory, SqliteKnowledgeIndex.DatabaseFileName),
                    sp.GetRequiredService<GermanTextAnalyzer>(),
                    sp.GetRequiredService<TimeProvider>()));
                break;
            case IndexProvider.Qdrant:
                builder.AddQdrantIndex();
                break;
            default:
                services.TryAddSingleton<IKnowledgeIndex>(_ => throw new NotSupportedException($"Index-Anbieter {provider} ist in diesem Build nicht verfügbar."));
                break;
        }

        // Components ask for the roles they use; all of them are the one index chosen above.
        services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<IKnowledgeIndex>());
        services.TryAddSingleton<IKeywordIndex>(sp => sp.GetRequiredService<IKnowledgeIndex>());
        services.TryAddSingleton<IVectorIndex>(sp => sp.GetRequiredService<IKnowledgeIndex>());
        services.TryAddSingleton<IHybridSearch>(sp => sp.GetRequiredService<IKnowledgeIndex>());
        services.TryAddSingleton<IVocabularyStatistics>(sp => sp.GetRequiredService<IKnowledgeIndex>());
        services.TryAddSingleton<KnowledgeIndexInitializer>();
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<HybridRetriever>();
        return builder;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
        switch (options.Provider)
        {
            case EmbeddingProvider.Local:
                return new MiniLmEmbeddingGenerator();
            case EmbeddingProvider.AzureOpenAI:
                var endpoint = new Uri(options.Endpoint!);
                var azure = string.IsNullOrWhiteSpace(options.ApiKey)
                    ? new AzureOpenAIClient(endpoint, new Azure.Identity.DefaultAzureCredential())
                    : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey));
                return azure.GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(options.Dimensions);
            default:
                var clientOptions = new OpenAIClientOptions();
                if (!string.IsNullOrWhiteSpace(options.Endpoint))
                {
                    clientOptions.Endpoint = new Uri(options.Endpoint);
                }

                // Local OpenAI-compatible servers (Ollama) accept any key; the SDK insists on a non-empty one.
                var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
                return new OpenAI.Embeddings.EmbeddingClient(options.Model!, key, clientOptions).AsIEmbeddingGenerator(options.Dimensions);
        }
    }
}

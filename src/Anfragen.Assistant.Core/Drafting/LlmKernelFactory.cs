using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Builds the one <see cref="Kernel"/> of the configured provider, on first use. The SDK client gets our HttpClient
/// (retry and timeout in <see cref="RetryAfterHandler"/>) and its own retry policy switched off, so a 429 is
/// retried exactly as configured and never twice over. Each request clones the kernel to bind its own plugin.
/// </summary>
internal sealed class LlmKernelFactory
{
    internal const string HttpClientName = "Anfragen.Llm";

    // Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) accept any key, but the SDK demands a non-empty one.
    private const string PlaceholderKey = "nicht-benoetigt";

    private readonly LlmOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<Kernel> _kernel;

    public LlmKernelFactory(IOptions<LlmOptions> options, IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _loggerFactory = loggerFactory;
        _kernel = new Lazy<Kernel>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsConfigured => _options.Provider != LlmProvider.None;

    /// <summary>The model name recorded on drafts (deployment name for Azure).</summary>
    public string ModelName => _options.Model ?? string.Empty;

    public Kernel Kernel => IsConfigured
        ? _kernel.Value
        : throw new InvalidOperationException($"{LlmOptions.SectionName}:Provider ist None; es ist kein Sprachmodell konfiguriert.");

    private Kernel Build()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(_loggerFactory);
        var httpClient = _httpClientFactory.CreateClient(HttpClientName);
        var model = _options.Model!;
        switch (_options.Provider)
        {
            case LlmProvider.AzureOpenAI:
                var azureOptions = Configure(new AzureOpenAIClientOptions(), httpClient);
                var endpoint = new Uri(_options.Endpoint!);
                var azureClient = string.IsNullOrWhiteSpace(_options.ApiKey)
                    ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), azureOptions)
                    : new AzureOpenAIClient(endpoint, new ApiKeyCredential(_options.ApiKey), azureOptions);
                builder.AddAzureOpenAIChatCompletion(model, azureClient);
                break;
            case LlmProvider.OpenAI:
            case LlmProvider.OpenAICompatible:
                var openAiOptions = Configure(new OpenAIClientOptions(), httpClient);
                if (!string.IsNullOrWhiteSpace(_options.Endpoint))
                {
                    openAiOptions.Endpoint = new Uri(_options.Endpoint);
                }

                var key = string.IsNullOrWhiteSpace(_options.ApiKey) ? PlaceholderKey : _options.ApiKey;
                builder.AddOpenAIChatCompletion(model, new OpenAIClient(new ApiKeyCredential(key), openAiOptions));
                break;
            default:
                throw new InvalidOperationException($"{LlmOptions.SectionName}:Provider '{_options.Provider}' hat kein Sprachmodell.");
        }

        return builder.Build();
    }

    private static T Configure<T>(T options, HttpClient httpClient)
        where T : ClientPipelineOptions
    {
        options.Transport = new HttpClientPipelineTransport(httpClient);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);

        // The per-attempt timeout lives in RetryAfterHandler; the SDK's own would cut long streams.
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }
}

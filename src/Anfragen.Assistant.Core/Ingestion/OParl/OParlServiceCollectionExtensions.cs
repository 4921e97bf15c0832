using Anfragen.Assistant.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Anfragen.Assistant.Ingestion.OParl;

public static class OParlServiceCollectionExtensions
{
    /// <summary>
    /// The OParl import (<c>Anfragen:OParl</c>): its store, the synchronizer and its HttpClient, whose resilience handler
    /// retries 429, 5xx, 408, connection failures and timed-out attempts with exponential backoff and jitter (a server's
    /// Retry-After honoured), each attempt bounded by <see cref="OParlOptions.RequestTimeout"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOParl(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OParlOptions>().BindConfiguration(OParlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OParlOptions>, OParlOptionsValidator>());
        services.TryAddSingleton<OParlStore>();
        services.TryAddSingleton<IPaperLinks>(sp => sp.GetRequiredService<OParlStore>());
        services.TryAddSingleton<OParlSynchronizer>();
        services.TryAddSingleton<OParlSyncCoordinator>();
        services.AddHttpClient(OParlClient.HttpClientName, client =>
            {
                // Attempts are timed by the resilience handler; a long file body by OParlOptions.DownloadTimeout.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Anfragen.Assistant-OParl-Import/1.0");
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json, */*;q=0.8");
            })
            .AddResilienceHandler("oparl", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<OParlOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                        MaxDelay = TimeSpan.FromMinutes(2),
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(options.RequestTimeout);
            });
        return builder;
    }

    /// <summary>The periodic sync of the configured endpoint (a hosted service; it does nothing while SyncIntervalMinutes is 0).</summary>
    public static IHostApplicationBuilder AddOParlPeriodicSync(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<OParlPeriodicSync>();
        return builder;
    }
}

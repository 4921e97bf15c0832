using Grpc.Core;
using Polly;
using Polly.Retry;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Retries transient gRPC failures with exponential backoff and jitter. Every write we send is idempotent
/// (deterministic point ids, delete by filter), so repeating one whose acknowledgement was lost is safe.
/// </summary>
internal static class QdrantResilience
{
    public static bool IsTransient(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    public static ResiliencePipeline Create(QdrantOptions options, Action<int, Exception?, TimeSpan>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(ex => IsTransient(ex.StatusCode)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.AttemptNumber + 1, args.Outcome.Exception, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}

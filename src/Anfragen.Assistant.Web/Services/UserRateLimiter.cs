using System.Threading.RateLimiting;
using Anfragen.Assistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// The same per-user limits as the API's rate-limiter policies, for the Blazor pages: their actions travel over the
/// SignalR circuit, which the HTTP rate-limiting middleware never sees.
/// </summary>
public sealed class UserRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _drafting;
    private readonly PartitionedRateLimiter<string> _chat;
    private readonly PartitionedRateLimiter<string> _upload;

    public UserRateLimiter(IOptions<WebOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var web = options.Value;
        _drafting = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(web.DraftRequestsPerMinute)));
        _chat = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(web.ChatRequestsPerMinute)));
        _upload = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(web.UploadRequestsPerMinute)));
    }

    public static FixedWindowRateLimiterOptions Window(int permitsPerMinute) => new()
    {
        PermitLimit = permitsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>True when the user may start one more draft request now.</summary>
    public bool TryDraft(string userName)
    {
        using var lease = _drafting.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    /// <summary>True when the user may ask one more chat question now.</summary>
    public bool TryChat(string userName)
    {
        using var lease = _chat.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    /// <summary>True when the user may upload files for ingestion once more now.</summary>
    public bool TryUpload(string userName)
    {
        using var lease = _upload.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _drafting.Dispose();
        _chat.Dispose();
        _upload.Dispose();
    }
}

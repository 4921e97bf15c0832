using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Syncs <see cref="OParlOptions.Endpoint"/> every <see cref="OParlOptions.SyncIntervalMinutes"/> minutes (off when 0,
/// the default). A tick while a sync still runs is skipped.
/// </summary>
public sealed class OParlPeriodicSync(OParlSyncCoordinator coordinator, IOptions<OParlOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.SyncIntervalMinutes;
        if (minutes <= 0 || string.IsNullOrWhiteSpace(options.Value.Endpoint))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        do
        {
            await coordinator.RunNowAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

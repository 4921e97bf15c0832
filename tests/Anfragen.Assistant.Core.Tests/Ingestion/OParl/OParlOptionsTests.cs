using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion.OParl;

public sealed class OParlOptionsTests
{
    [Fact]
    public async Task Invalid_options_stop_the_import_with_the_key_named()
    {
        await using var host = OParlImportHost.Create(s =>
        {
            s["Anfragen:OParl:Endpoint"] = "ratsinfo.example/oparl";
            s["Anfragen:OParl:MaxConcurrentRequests"] = "0";
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<OParlOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Anfragen:OParl:Endpoint", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxConcurrentRequests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_periodic_sync_needs_an_endpoint()
    {
        await using var host = OParlImportHost.Create(s => s["Anfragen:OParl:SyncIntervalMinutes"] = "60");

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<OParlOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("SyncIntervalMinutes", StringComparison.Ordinal));
    }
}

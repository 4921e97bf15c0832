using System.Net;
using Anfragen.Assistant.Ingestion.OParl.Sample;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Anfragen.Assistant.Web.E2E;

/// <summary>
/// The app on a real Kestrel at 127.0.0.1 with a free port, and Debian's chromium driven by Playwright.
/// When chromium is missing the tests are skipped with the reason (CI installs it: apt-get install chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("ANFRAGEN_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>A council information system for the admin page's OParl section, configured as the app's endpoint.</summary>
    public OParlSampleServer OParl { get; } = OParlSampleServer.Start();

    public KestrelWebFactory App => _app ??= new KestrelWebFactory(OParl.Site.SystemUrl);

    private KestrelWebFactory? _app;

    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"chromium not found at {ChromiumPath} (install it with 'apt-get install chromium' or set ANFRAGEN_CHROMIUM)";
            return;
        }

        await App.InitializeAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        Directory.CreateDirectory(ScreenshotDirectory);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await App.DisposeAsync();
        await OParl.DisposeAsync();
    }

    /// <summary>The app factory on Kestrel (loopback, port chosen by the OS).</summary>
    public sealed class KestrelWebFactory : AnfragenWebFactory
    {
        private readonly string _oparlEndpoint;

        public KestrelWebFactory(string oparlEndpoint)
        {
            _oparlEndpoint = oparlEndpoint;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:OParl:Endpoint", _oparlEndpoint);
        }

        /// <summary>ANFRAGEN_E2E_REAL_EMBEDDER=1 runs the browser flows on the MiniLM embedder to measure real timings.</summary>
        protected override bool UseRealEmbedder => Environment.GetEnvironmentVariable("ANFRAGEN_E2E_REAL_EMBEDDER") == "1";
    }
}

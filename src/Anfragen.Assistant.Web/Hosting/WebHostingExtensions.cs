using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Anfragen.Assistant.Web.Components;
using Anfragen.Assistant.Web.Services;
using Scalar.AspNetCore;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>The chapters of Program.cs: options, UI, OpenAPI and background ingestion.</summary>
public static class WebHostingExtensions
{
    public static WebApplicationBuilder AddWebOptions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => OfficeTime.Exists(o.TimeZone), "Unbekannte Zeitzone in Anfragen:Web:TimeZone (z. B. Europe/Berlin).").ValidateOnStart();
        builder.Services.AddSingleton<OfficeTime>();

        // "Anfragen:SampleDataPath" is the documented short form; it wins over Anfragen:Web:SampleDataPath.
        builder.Services.PostConfigure<WebOptions>(o => o.SampleDataPath = builder.Configuration["Anfragen:SampleDataPath"] ?? o.SampleDataPath);
        return builder;
    }

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<SnippetHighlighter>();
        builder.Services.AddSingleton<UserRateLimiter>();
        builder.Services.AddSingleton<InquiryImporter>();
        builder.Services.TryAddSingleton<GermanTextAnalyzer>();
        return builder;
    }

    public static WebApplicationBuilder AddSampleArchiveIngestion(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IngestionStatus>();
        builder.Services.AddSingleton<ArchiveIngestionRunner>();
        builder.Services.AddHostedService<SampleArchiveIngestion>();
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapOpenApi();
        // No font CDN: the CSP allows fonts from this host only.
        app.MapScalarApiReference(o => o.DisableDefaultFonts());
        // Our CSP header already carries frame-ancestors 'none'; Blazor's own default header would be a second CSP.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}

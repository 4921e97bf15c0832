using System.Net;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Api;

/// <summary>OpenIdConnect mode without a reachable provider: the API still answers 401, pages go to the provider sign-in.</summary>
public sealed class OpenIdConnectModeTests(OpenIdConnectModeTests.OidcFactory factory) : IClassFixture<OpenIdConnectModeTests.OidcFactory>
{
    [Fact]
    public async Task Api_answers_401_and_pages_redirect_to_the_provider_sign_in()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var api = await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken);
        var page = await client.GetAsync("/anfragen?x=1", TestContext.Current.CancellationToken);
        var login = await client.GetStringAsync("/anmelden", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/konto/oidc?returnUrl=%2Fanfragen%3Fx%3D1", page.Headers.Location!.OriginalString);
        Assert.Contains("Mit Dienstkonto anmelden", login, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo-Anmeldung", login, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_authority_stops_the_start_with_the_key_to_set()
    {
        // The start must fail every time. Now and then WebApplicationFactory's deferred host disposes the service provider
        // before it rethrows the start failure and reports an ObjectDisposedException instead (seen once in CI); a fresh
        // factory then shows the validation message, which must name the key.
        OptionsValidationException? error = null;
        for (var attempt = 0; attempt < 3 && error is null; attempt++)
        {
            using var broken = new MissingAuthorityFactory();
            var thrown = Record.Exception(() => broken.CreateClient());
            Assert.True(thrown is OptionsValidationException or ObjectDisposedException, $"unexpected start result: {thrown}");
            error = thrown as OptionsValidationException;
        }

        Assert.NotNull(error);
        Assert.Contains("Anfragen:Authentication:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_provider_in_Production_shows_a_German_error_page_with_the_trace_id()
    {
        // The provider's metadata cannot be fetched: the challenge throws. The Production handler used to fail itself
        // on this (re-executing a page for the failed request) and send an empty 500.
        await using var unreachable = new UnreachableProviderFactory();
        using var client = unreachable.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto/oidc?returnUrl=%2Fchat");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Interner Fehler</h1>", html, StringComparison.Ordinal);
        Assert.Matches("Fehlerkennung [0-9a-f-]{20,}", html);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    public sealed class OidcFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Authentication:Mode", "OpenIdConnect");
            builder.UseSetting("Anfragen:Authentication:Authority", "https://login.example.invalid/realms/stadt");
            builder.UseSetting("Anfragen:Authentication:ClientId", "anfragen-assistant");
        }
    }

    private sealed class MissingAuthorityFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Authentication:Mode", "OpenIdConnect");
            builder.UseSetting("Anfragen:Authentication:ClientId", "anfragen-assistant");
        }
    }

    private sealed class UnreachableProviderFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Anfragen:Authentication:Mode", "OpenIdConnect");
            builder.UseSetting("Anfragen:Authentication:Authority", "http://127.0.0.1:9/realms/stadt");
            builder.UseSetting("Anfragen:Authentication:RequireHttpsMetadata", "false");
            builder.UseSetting("Anfragen:Authentication:ClientId", "anfragen-assistant");
        }
    }
}

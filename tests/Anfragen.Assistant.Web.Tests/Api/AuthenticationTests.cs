using System.Net;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Anfragen.Assistant.Web.Api;

[Collection(WebAppGroup.Name)]
public sealed class AuthenticationTests(AnfragenWebFactory factory)
{
    /// <summary>Every /api route of the running app, read from its endpoint data sources: new endpoints are covered without editing this test.</summary>
    private List<(string Method, string Path, bool Form)> ApiRoutes()
    {
        var routes = new List<(string, string, bool)>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            if (!pattern.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var form = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) == true;
            var path = string.Join('/', pattern.Split('/').Select(segment => segment.StartsWith('{') ? (segment.Contains(":int", StringComparison.Ordinal) ? "1" : "x") : segment));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, path, form));
            }
        }

        return routes;
    }

    [Fact]
    public async Task Every_api_route_answers_401_without_sign_in_never_a_redirect()
    {
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 20, $"expected the whole API, found {routes.Count} routes");
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var (method, path, form) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = form
                    ? new MultipartFormDataContent { { new StringContent("x"), "files", "x.txt" } }
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {path} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Pages_redirect_anonymous_users_to_the_sign_in_page()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/archiv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_sends_security_headers_and_labels_the_demo_users()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/anmelden", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Demo-Anmeldung", html, StringComparison.Ordinal);
        Assert.Contains("kein Passwort", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_and_same_site_lax()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/anmelden", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/anmelden")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = Users.Staff, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Anfragen.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_without_antiforgery_token_is_refused_and_leads_back_to_a_fresh_sign_in_page()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = Users.Admin, ["returnUrl"] = "/chat" });
        var response = await client.PostAsync("/konto/anmelden", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/anmelden?abgelaufen=1&returnUrl=%2Fchat", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("Anfragen.Auth=", StringComparison.Ordinal)));
        var page = await client.GetStringAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"login-stale\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/chat\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_page_opened_before_a_restart_still_signs_in_after_it()
    {
        // Two app instances on the same data directory stand for the server before and after a restart.
        using var before = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await before.GetAsync("/anmelden", TestContext.Current.CancellationToken);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Anfragen.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        await using var restarted = new AnfragenWebFactory.OnDataDirectory(factory.DataDirectory);
        using var after = restarted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/anmelden")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = Users.Staff, ["returnUrl"] = "/anfragen", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Add("Cookie", cookie);
        var response = await after.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("/anfragen", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Anfragen.Auth=", StringComparison.Ordinal));
        // The key ring that makes this work lives in the data directory, not in the user profile of the machine.
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, Hosting.WebSecurityExtensions.DataProtectionKeysDirectory), "key-*.xml"));
    }

    [Fact]
    public async Task Starting_the_provider_sign_in_in_Development_mode_leads_to_the_demo_sign_in_page()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/konto/oidc?returnUrl=%2Fchat", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/anmelden?returnUrl=%2Fchat", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_without_the_form_token_keeps_the_session_and_asks_for_confirmation()
    {
        using var client = await SignIn.ClientForAsync(factory, Users.Staff);

        var forged = await client.PostAsync("/konto/abmelden", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/abmelden?abgelaufen=1", forged.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_from_the_sign_out_page_ends_the_session()
    {
        using var client = await SignIn.ClientForAsync(factory, Users.Staff);
        var page = await client.GetStringAsync("/abmelden", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/konto/abmelden", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }), TestContext.Current.CancellationToken);

        Assert.Equal("/anmelden", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/api/inquiries")]
    [InlineData($"/api/documents/{Users.NonPublicPersonnelDocument}")]
    [InlineData("/api/search?q=Radweg")]
    [InlineData("/api/chat/history")]
    [InlineData("/archiv")]
    [InlineData("/anmelden")]
    public async Task Responses_are_never_stored_by_a_browser_or_proxy(string path)
    {
        using var client = await SignIn.ClientForAsync(factory, Users.Reviewer);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Static_assets_keep_their_own_caching()
    {
        using var client = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var page = await client.GetStringAsync("/anmelden", TestContext.Current.CancellationToken);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "href=\"/?(app[^\"]*\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);

        var response = await client.GetAsync("/" + stylesheet, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}

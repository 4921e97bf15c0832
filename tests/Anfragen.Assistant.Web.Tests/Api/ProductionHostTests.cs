using System.Net;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Api;

/// <summary>
/// The app with ASPNETCORE_ENVIRONMENT=Production: the demo sign-in only when explicitly allowed, odd return addresses,
/// and German answers from the exception handler for the browser and the API (it used to fail itself: empty 500).
/// </summary>
public sealed partial class ProductionHostTests(ProductionHostTests.ProductionFactory factory) : IClassFixture<ProductionHostTests.ProductionFactory>
{
    [Fact]
    public void Demo_sign_in_outside_Development_stops_the_start_naming_the_setting()
    {
        // As in OpenIdConnectModeTests: a deferred host now and then reports its disposal instead of the start failure.
        OptionsValidationException? error = null;
        for (var attempt = 0; attempt < 3 && error is null; attempt++)
        {
            using var refused = new DemoInProductionFactory();
            var thrown = Record.Exception(() => refused.CreateClient());
            Assert.True(thrown is OptionsValidationException or ObjectDisposedException, $"unexpected start result: {thrown}");
            error = thrown as OptionsValidationException;
        }

        Assert.NotNull(error);
        Assert.Contains("Anfragen:Authentication:AllowDemoSignInOutsideDevelopment", error.Message, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Authentication:Mode=OpenIdConnect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_sign_in_in_Production_works_when_explicitly_allowed()
    {
        using var client = await SignIn.ClientForAsync(factory, Users.Staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/x\\..\\\\evil.example")]
    [InlineData("\t//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task A_return_address_that_is_not_a_plain_local_path_leads_home_instead_of_an_error(string returnUrl)
    {
        var response = await PostSignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        var response = await PostSignInAsync("/archiv?q=Radweg%20Innenstadt");

        Assert.Equal("/archiv?q=Radweg%20Innenstadt", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_form_without_a_user_name_gets_a_German_error_page_not_an_empty_response()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/anmelden") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(html.Contains("<h1>Ungültige Anfrage</h1>", StringComparison.Ordinal), html);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_answers_the_api_with_German_problem_details_and_nothing_of_the_exception()
    {
        // Its own app: the failure is a broken database (a table gone), which would break every other test.
        await using var broken = new ProductionFactory();
        await broken.InitializeAsync();
        using var client = await SignIn.ClientForAsync(broken, Users.Staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken)).StatusCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(broken.DataDirectory, "anfragen.db")}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE app_user_clearance";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var response = await client.GetAsync("/api/inquiries", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal("Interner Fehler", problem["title"]!.GetValue<string>());
        var traceId = problem["traceId"]!.GetValue<string>();
        Assert.Contains($"Fehlerkennung {traceId}", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("app_user_clearance", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    private async Task<HttpResponseMessage> PostSignInAsync(string returnUrl)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = Users.Staff, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token });
        return await client.PostAsync("/konto/anmelden", form, TestContext.Current.CancellationToken);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/anmelden", TestContext.Current.CancellationToken);
        return WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Production, with the demo sign-in explicitly allowed (a demonstration server).</summary>
    public sealed class ProductionFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting($"{AnfragenAuthenticationOptions.SectionName}:{nameof(AnfragenAuthenticationOptions.AllowDemoSignInOutsideDevelopment)}", "true");
        }
    }

    private sealed class DemoInProductionFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}

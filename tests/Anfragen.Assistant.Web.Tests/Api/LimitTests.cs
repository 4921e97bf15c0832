using System.Net;
using System.Net.Http.Json;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Anfragen.Assistant.Web.Api;

/// <summary>Per-user rate limits on drafting and chat, and the upload size limit, with deliberately small settings.</summary>
public sealed class LimitTests(LimitTests.SmallLimitsFactory factory) : IClassFixture<LimitTests.SmallLimitsFactory>
{
    [Fact]
    public async Task Drafting_beyond_the_per_user_limit_answers_429_while_another_user_may_still_draft()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var id = ApiCalls.Id(await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md"), draft: false));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await staff.PostAsync($"/api/inquiries/{id}/questions/1/draft", null, TestContext.Current.CancellationToken)).StatusCode);
        }

        var other = await reviewer.PostAsync($"/api/inquiries/{id}/questions/1/draft", null, TestContext.Current.CancellationToken);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Chat_beyond_the_per_user_limit_answers_429()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await staff.PostAsJsonAsync("/api/chat", new { question = "Radverkehr?" }, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Upload_larger_than_the_limit_is_refused_and_nothing_is_ingested()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var token = await admin.GetFromJsonAsync<string>("/api/antiforgery", TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[64 * 1024]), "files", "gross.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ApiCalls.ReadObjectAsync(response);
        Assert.Equal("Anfrage zu groß", problem["title"]!.GetValue<string>());
        Assert.Contains("höchstens", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var status = await ApiCalls.ReadObjectAsync(await admin.GetAsync("/api/admin/status", TestContext.Current.CancellationToken));
        Assert.Null(status["ingestion"]!["job"]);
    }

    [Fact]
    public async Task Uploads_beyond_the_per_user_limit_answer_429()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await UploadAsync(admin, $"notiz-{i}.txt", "Kurze Notiz zum Radverkehr.")).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task Creating_an_inquiry_with_drafts_beyond_the_limit_answers_429_and_stores_nothing()
    {
        using var reviewer = await SignIn.ClientForAsync(factory, Users.Reviewer);
        var text = ApiCalls.InquiryText("2026-04_anfrage_ki_assistent_e-akte.md");
        var before = (await ApiCalls.ReadArrayAsync(await reviewer.GetAsync("/api/inquiries", TestContext.Current.CancellationToken))).Count;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await reviewer.PostAsJsonAsync("/api/inquiries", new { text, sourceName = "test", draft = true }, TestContext.Current.CancellationToken)).StatusCode);
        }

        var after = (await ApiCalls.ReadArrayAsync(await reviewer.GetAsync("/api/inquiries", TestContext.Current.CancellationToken))).Count;
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(before + 2, after);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_per_address_answer_429_in_German()
    {
        await using var limited = new SignInLimitFactory();
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = Users.Admin });
            last = await client.PostAsync("/konto/anmelden", form, TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Zu viele Anfragen in kurzer Zeit", await last!.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("60", last.Headers.RetryAfter!.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string text)
    {
        var token = await client.GetFromJsonAsync<string>("/api/antiforgery", TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent { { new StringContent(text), "files", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public sealed class SmallLimitsFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Web:DraftRequestsPerMinute", "2");
            builder.UseSetting("Anfragen:Web:ChatRequestsPerMinute", "2");
            builder.UseSetting("Anfragen:Web:MaxUploadBytes", "4096");
            builder.UseSetting("Anfragen:Web:UploadRequestsPerMinute", "2");
        }
    }

    public sealed class SignInLimitFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Web:SignInRequestsPerMinute", "2");
        }
    }
}

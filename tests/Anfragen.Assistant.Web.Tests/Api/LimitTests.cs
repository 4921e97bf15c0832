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

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        var status = await ApiCalls.ReadObjectAsync(await admin.GetAsync("/api/admin/status", TestContext.Current.CancellationToken));
        Assert.Null(status["ingestion"]!["job"]);
    }

    public sealed class SmallLimitsFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Web:DraftRequestsPerMinute", "2");
            builder.UseSetting("Anfragen:Web:ChatRequestsPerMinute", "2");
            builder.UseSetting("Anfragen:Web:MaxUploadBytes", "4096");
        }
    }
}

using System.Net;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Anfragen.Assistant.Web.Api;

/// <summary>A configured but unreachable language model is reported as 503 with its reason, and the answer stays as it was.</summary>
public sealed class LanguageModelOutageTests(LanguageModelOutageTests.UnreachableModelFactory factory) : IClassFixture<LanguageModelOutageTests.UnreachableModelFactory>
{
    [Fact]
    public async Task Drafting_with_an_unreachable_model_answers_503_with_a_german_reason()
    {
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        var detail = await ApiCalls.CreateInquiryAsync(staff, ApiCalls.InquiryText("2026-04_anfrage_radverkehr_fahrradparkhaus.txt"), draft: false);
        var id = ApiCalls.Id(detail);

        var response = await staff.PostAsync($"/api/inquiries/{id}/questions/1/draft", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ApiCalls.ReadObjectAsync(response);
        Assert.Equal("Sprachmodell nicht erreichbar", problem["title"]!.GetValue<string>());
        var after = await ApiCalls.ReadObjectAsync(await staff.GetAsync($"/api/inquiries/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Open", ApiCalls.Answers(after).First()["status"]!.GetValue<string>());
    }

    public sealed class UnreachableModelFactory : AnfragenWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Llm:Provider", "OpenAICompatible");
            builder.UseSetting("Anfragen:Llm:Endpoint", "http://127.0.0.1:9/v1");
            builder.UseSetting("Anfragen:Llm:Model", "nicht-erreichbar");
            builder.UseSetting("Anfragen:Llm:MaxRetries", "0");
            builder.UseSetting("Anfragen:Llm:TimeoutSeconds", "5");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Api;

/// <summary>
/// Uploads through /api/admin/ingest: files without a marker of their own take the uploader's explicit choice
/// (default nichtöffentlich), an unknown choice is refused, and the status reports what was new, updated or refused.
/// </summary>
public sealed class UploadVisibilityTests(AnfragenWebFactory factory) : IClassFixture<AnfragenWebFactory>
{
    [Fact]
    public async Task An_unmarked_upload_is_nichtoeffentlich_unless_the_uploader_chooses_oeffentlich()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);

        var hidden = await UploadAsync(admin, "notiz-brunnen.txt", "Notiz: Der Brunnen Silbertropfen am Markt wird gereinigt.", visibility: null);
        Assert.Equal(1, hidden["new"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/documents/notiz-brunnen", TestContext.Current.CancellationToken)).StatusCode);

        await UploadAsync(admin, "notiz-bank.txt", "Notiz: Die Bank Abendruh im Park wird gestrichen.", visibility: "öffentlich");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/documents/notiz-bank", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_visibility_choice_is_refused_before_anything_is_stored()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var response = await PostAsync(admin, "vertraulich.txt", "Geheime Notiz.", "vertraulich");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vertraulich", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_claiming_an_archived_id_is_refused_and_reported()
    {
        using var admin = await SignIn.ClientForAsync(factory, Users.Admin);
        var report = await UploadAsync(admin, "25-12380_bericht.txt", "Mitteilung der Verwaltung\n\nBezugnehmend auf frühere Berichte: ein anderer Text.", "öffentlich");

        var refused = Assert.Single(report["refused"]!.AsArray());
        Assert.Contains("25-12380", refused!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Personalgestellung", refused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/documents/25-12380", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<JsonObject> UploadAsync(HttpClient admin, string fileName, string text, string? visibility)
    {
        var response = await PostAsync(admin, fileName, text, visibility);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await ApiCalls.ReadObjectAsync(await admin.GetAsync("/api/admin/status", TestContext.Current.CancellationToken));
            var ingestion = status["ingestion"]!.AsObject();
            if (!ingestion["running"]!.GetValue<bool>() && ingestion["report"] is JsonObject report)
            {
                return report;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("upload not finished");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string fileName, string text, string? visibility)
    {
        var token = await admin.GetFromJsonAsync<string>("/api/antiforgery", TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", fileName } };
        if (visibility is not null)
        {
            content.Add(new StringContent(visibility), "visibility");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await admin.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Anfragen.Assistant.Web.Infrastructure;

/// <summary>Small helpers over the real HTTP API, so tests read as the workflow they check.</summary>
internal static class ApiCalls
{
    public static string InquiryText(string fileName) => File.ReadAllText(Path.Combine(RepositoryPaths.Data, "new", fileName));

    public static async Task<JsonObject> CreateInquiryAsync(HttpClient client, string text, bool draft)
    {
        var response = await client.PostAsJsonAsync("/api/inquiries", new { text, sourceName = "test", draft }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    public static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();

    public static string Id(JsonObject detail) => detail["inquiry"]!["id"]!.GetValue<string>();

    public static IEnumerable<JsonObject> Answers(JsonObject detail) => detail["answers"]!.AsArray().Select(a => a!.AsObject());

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Submits one answer for review in the version given; returns the submitted answer.</summary>
    public static async Task<JsonObject> SubmitAsync(HttpClient client, string id, int number, int version)
    {
        var response = await client.PostAsJsonAsync($"/api/inquiries/{id}/questions/{number}/submit", new { expectedVersion = version }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient client, string id, int number, int version, bool confirmUntouched = false, string? comment = null) =>
        client.PostAsJsonAsync($"/api/inquiries/{id}/questions/{number}/approve", new { expectedVersion = version, comment, confirmUntouched }, TestContext.Current.CancellationToken);

    public static int Version(JsonObject answer) => answer["version"]!.GetValue<int>();
}

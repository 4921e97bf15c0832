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
}

using System.Text.Json.Nodes;

namespace Anfragen.Assistant.Fakes;

/// <summary>A chat completion request as the scripted server received it.</summary>
public sealed record RecordedRequest(string Path, string Body, DateTimeOffset ReceivedAt)
{
    private readonly JsonNode? _json = JsonNode.Parse(Body);

    public JsonNode Json => _json ?? new JsonObject();

    public bool Stream => Json["stream"]?.GetValue<bool>() == true;

    public string? Model => Json["model"]?.GetValue<string>();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. (Json["messages"]?.AsArray() ?? []).Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m)))];

    public string SystemMessage => Messages.FirstOrDefault(m => m.Role == "system").Content ?? string.Empty;

    /// <summary>The tool names offered to the model (SK names them "Plugin-Function").</summary>
    public IReadOnlyList<string> ToolNames =>
        [.. (Json["tools"]?.AsArray() ?? []).Select(t => t!["function"]!["name"]!.GetValue<string>())];

    public IReadOnlyList<string> ToolResults => [.. Messages.Where(m => m.Role == "tool").Select(m => m.Content)];

    /// <summary>Characters of all message contents.</summary>
    public int PromptChars => Messages.Sum(m => m.Content.Length);

    /// <summary>Tokens of all message contents with GPT-4o's tokenizer (o200k_base); what the server reports as prompt_tokens.</summary>
    public int PromptTokens => Messages.Sum(m => Tokens.Count(m.Content));

    private static string ContentOf(JsonNode? message)
    {
        var content = message?["content"];
        return content switch
        {
            null => string.Empty,
            JsonValue value => value.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? string.Empty)),
            _ => content.ToJsonString(),
        };
    }
}

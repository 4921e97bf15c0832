using System.Text.Json.Serialization;

namespace Anfragen.Assistant.Evaluation;

/// <summary>One evaluation query: <c>{"id","query","relevant":[ids],"exclude":[ids]}</c> (the format of queries-dev.jsonl).</summary>
public sealed record EvaluationQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("relevant")] IReadOnlyList<string> Relevant,
    [property: JsonPropertyName("exclude")] IReadOnlyList<string>? Exclude = null);

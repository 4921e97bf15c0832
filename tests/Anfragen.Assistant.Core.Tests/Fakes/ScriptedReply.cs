namespace Anfragen.Assistant.Fakes;

/// <summary>One scripted answer of <see cref="ScriptedOpenAiServer"/>, served in order.</summary>
public abstract record ScriptedReply
{
    /// <summary>A plain assistant message (streamed in several deltas when the client asks for a stream).</summary>
    public static ScriptedReply Text(string content) => new TextReply(content);

    /// <summary>An assistant message that calls one tool with the given JSON arguments.</summary>
    public static ScriptedReply ToolCall(string functionName, string argumentsJson, string id = "call_1") => new ToolCallReply(functionName, argumentsJson, id);

    /// <summary>An error status, optionally with Retry-After (seconds).</summary>
    public static ScriptedReply Status(int statusCode, int? retryAfterSeconds = null) => new StatusReply(statusCode, retryAfterSeconds);

    /// <summary>A reply computed from the request, e.g. to echo which passages it held.</summary>
    public static ScriptedReply From(Func<RecordedRequest, string> content) => new ComputedReply(content);
}

public sealed record TextReply(string Content) : ScriptedReply;

public sealed record ToolCallReply(string FunctionName, string ArgumentsJson, string Id) : ScriptedReply;

public sealed record StatusReply(int StatusCode, int? RetryAfterSeconds) : ScriptedReply;

public sealed record ComputedReply(Func<RecordedRequest, string> Content) : ScriptedReply;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Fakes;

/// <summary>
/// An OpenAI-compatible chat completion server on 127.0.0.1 (Kestrel, random port) for tests of the model paths through the
/// real SDK: it records every request and answers from a script (text, tool calls, error statuses with Retry-After),
/// as JSON or as a server-sent-event stream, with a usage block counted with GPT-4o's tokenizer (o200k_base).
/// When the script is empty it answers "Zu Frage 1: Hierzu liegen … [1]"-style fallback text.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedOpenAiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Base URL including "/v1", as OpenAI-compatible endpoints are configured.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public string FallbackText { get; set; } = "Hierzu liegen in den Unterlagen keine Informationen vor; Zulieferung durch den Fachbereich erforderlich.";

    /// <summary>How long each answer is held back (to observe concurrency and cancellation).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests whose answer was abandoned because the client went away.</summary>
    public int AbortedRequests => Volatile.Read(ref _aborted);

    private int _inFlight;
    private int _maxInFlight;
    private int _aborted;

    public static async Task<ScriptedOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public ScriptedOpenAiServer Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(context.Request.Path, body, DateTimeOffset.UtcNow);
        _requests.Enqueue(request);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
            {
            }

            if (ResponseDelay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(ResponseDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _aborted);
                    return;
                }
            }

            await AnswerAsync(context, request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context, RecordedRequest request)
    {
        var reply = _script.TryDequeue(out var next) ? next : ScriptedReply.Text(FallbackText);
        if (reply is ComputedReply computed)
        {
            reply = ScriptedReply.Text(computed.Content(request));
        }

        var promptTokens = request.PromptTokens;
        switch (reply)
        {
            case StatusReply status:
                context.Response.StatusCode = status.StatusCode;
                if (status.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted error", type = "rate_limit", code = status.StatusCode } }, context.RequestAborted);
                return;
            case TextReply text when request.Stream:
                await StreamTextAsync(context, request, text.Content, promptTokens);
                return;
            case TextReply text:
                await context.Response.WriteAsJsonAsync(Completion(request, new JsonObject { ["role"] = "assistant", ["content"] = text.Content }, "stop", promptTokens, Tokens.Count(text.Content)), context.RequestAborted);
                return;
            case ToolCallReply tool when request.Stream:
                await StreamToolCallAsync(context, request, tool, promptTokens);
                return;
            case ToolCallReply tool:
                var message = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(ToolCall(tool, withIndex: false)),
                };
                await context.Response.WriteAsJsonAsync(Completion(request, message, "tool_calls", promptTokens, 10), context.RequestAborted);
                return;
            default:
                throw new InvalidOperationException($"Unknown scripted reply {reply}");
        }
    }

    private static JsonObject Completion(RecordedRequest request, JsonObject message, string finishReason, int promptTokens, int completionTokens) => new()
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = request.Model ?? "scripted",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = Usage(promptTokens, completionTokens),
    };

    private static JsonObject Usage(int promptTokens, int completionTokens) => new()
    {
        ["prompt_tokens"] = promptTokens,
        ["completion_tokens"] = completionTokens,
        ["total_tokens"] = promptTokens + completionTokens,
    };

    private static JsonObject ToolCall(ToolCallReply tool, bool withIndex)
    {
        var call = new JsonObject
        {
            ["id"] = tool.Id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = tool.FunctionName, ["arguments"] = tool.ArgumentsJson },
        };
        if (withIndex)
        {
            call["index"] = 0;
        }

        return call;
    }

    private static async Task StreamTextAsync(HttpContext context, RecordedRequest request, string content, int promptTokens)
    {
        StartStream(context);

        // Several deltas, so a client that shows tokens as they come can be observed doing so.
        var size = Math.Max(1, content.Length / 4);
        for (var i = 0; i < content.Length; i += size)
        {
            var delta = new JsonObject { ["content"] = content.Substring(i, Math.Min(size, content.Length - i)) };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await SendAsync(context, Chunk(request, delta, null));
        }

        await SendAsync(context, Chunk(request, new JsonObject(), "stop"));
        await FinishStreamAsync(context, request, promptTokens, Tokens.Count(content));
    }

    private static async Task StreamToolCallAsync(HttpContext context, RecordedRequest request, ToolCallReply tool, int promptTokens)
    {
        StartStream(context);
        await SendAsync(context, Chunk(request, new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(ToolCall(tool, withIndex: true)) }, null));
        await SendAsync(context, Chunk(request, new JsonObject(), "tool_calls"));
        await FinishStreamAsync(context, request, promptTokens, 10);
    }

    private static void StartStream(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
    }

    private static async Task FinishStreamAsync(HttpContext context, RecordedRequest request, int promptTokens, int completionTokens)
    {
        if (request.Json["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var usage = new JsonObject
            {
                ["id"] = "chatcmpl-scripted",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_700_000_000,
                ["model"] = request.Model ?? "scripted",
                ["choices"] = new JsonArray(),
                ["usage"] = Usage(promptTokens, completionTokens),
            };
            await SendAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static JsonObject Chunk(RecordedRequest request, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = request.Model ?? "scripted",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task SendAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}

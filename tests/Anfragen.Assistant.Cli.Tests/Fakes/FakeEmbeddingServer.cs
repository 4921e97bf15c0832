using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Anfragen.Assistant.Cli.Fakes;

/// <summary>
/// An OpenAI-compatible embeddings endpoint on 127.0.0.1 (POST /v1/embeddings), so the CLI runs its real
/// OpenAICompatible provider over real HTTP. Vectors are hashed bags of lower-cased words: deterministic, and texts
/// sharing words are close. An optional delay per request lets a test kill a child process mid-ingest.
/// </summary>
public sealed class FakeEmbeddingServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    public FakeEmbeddingServer(int dimensions = 32, TimeSpan? delay = null)
    {
        Dimensions = dimensions;
        Delay = delay ?? TimeSpan.Zero;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int Dimensions { get; }

    public TimeSpan Delay { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When set, requests after this many are held unanswered until <see cref="Release"/> (a client stuck mid-batch).</summary>
    public int? HoldAfter { get; set; }

    public void Release()
    {
        HoldAfter = null;
        _release.TrySetResult();
    }

    /// <summary>Configuration the CLI needs to use this server as its embedder.</summary>
    public Dictionary<string, string?> Configuration(string model = "fake-embed") => new()
    {
        ["Anfragen:Embeddings:Provider"] = "OpenAICompatible",
        ["Anfragen:Embeddings:Endpoint"] = Url,
        ["Anfragen:Embeddings:Model"] = model,
        ["Anfragen:Embeddings:ApiKey"] = "test",
        ["Anfragen:Embeddings:BatchSize"] = "4",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _release.TrySetResult();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var number = Interlocked.Increment(ref _requests);
            if (HoldAfter is { } hold && number > hold)
            {
                await _release.Task.WaitAsync(_stop.Token);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
            var inputs = request["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
            var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
            var data = new JsonArray();
            for (var i = 0; i < inputs.Count; i++)
            {
                var vector = Embed(inputs[i]);
                JsonNode embedding = base64
                    ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
                    : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
            }

            var response = new JsonObject
            {
                ["object"] = "list",
                ["data"] = data,
                ["model"] = request["model"]?.GetValue<string>() ?? "fake",
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
            };
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or JsonException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (e.g. a killed child process).
        }
    }

    private float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '\n', '.', ',', ':', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[hash % (uint)Dimensions] += 1f;
        }

        vector[0] += 0.01f;
        return vector;
    }
}

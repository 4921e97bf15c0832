using System.Collections.Concurrent;
using Anfragen.Assistant.Ingestion.OParl.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// Kestrel on 127.0.0.1 serving an <see cref="OParlSampleSite"/> over real HTTP, with faults a real council server
/// shows: a path answering 503 or 429 a number of times, or holding its answer back (a timeout). Records every request.
/// </summary>
public sealed class OParlTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<string, Fault> _faults = new(StringComparer.Ordinal);

    private OParlTestServer(WebApplication app)
    {
        _app = app;
    }

    public OParlSampleSite Site { get; private set; } = null!;

    /// <summary>Every request's path and query, in order of arrival.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Requests for file contents (accessUrl or downloadUrl).</summary>
    public int FileDownloads => _requests.Count(r => r.EndsWith("/access", StringComparison.Ordinal) || r.EndsWith("/download", StringComparison.Ordinal));

    public static async Task<OParlTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OParlTestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Site = new OParlSampleSite(new Uri(address.TrimEnd('/') + "/oparl/"), TimeProvider.System);
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests whose path and query contain <paramref name="pathPart"/> answer <paramref name="status"/>.</summary>
    public void Fail(string pathPart, int times, int status = StatusCodes.Status503ServiceUnavailable) => _faults[pathPart] = new Fault(times, status, TimeSpan.Zero);

    /// <summary>The next <paramref name="times"/> matching requests are answered only after <paramref name="delay"/>.</summary>
    public void Stall(string pathPart, int times, TimeSpan delay) => _faults[pathPart] = new Fault(times, 0, delay);

    public void ClearFaults() => _faults.Clear();

    public int CountRequests(string pathPart) => _requests.Count(r => r.Contains(pathPart, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Path.Value + context.Request.QueryString.Value;
        _requests.Enqueue(target);
        foreach (var (part, fault) in _faults)
        {
            if (target.Contains(part, StringComparison.Ordinal) && fault.TryTake())
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(fault.Delay, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                else
                {
                    context.Response.StatusCode = fault.Status;
                    if (fault.Status == StatusCodes.Status429TooManyRequests)
                    {
                        context.Response.Headers.RetryAfter = "0";
                    }

                    return;
                }
            }
        }

        var response = Site.Respond(target);
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.ContentDisposition is not null)
        {
            context.Response.Headers.ContentDisposition = response.ContentDisposition;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private sealed class Fault(int times, int status, TimeSpan delay)
    {
        private int _left = times;

        public int Status { get; } = status;

        public TimeSpan Delay { get; } = delay;

        public bool TryTake() => Interlocked.Decrement(ref _left) >= 0;
    }
}

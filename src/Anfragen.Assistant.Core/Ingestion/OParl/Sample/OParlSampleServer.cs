using System.Net;
using System.Net.Sockets;

namespace Anfragen.Assistant.Ingestion.OParl.Sample;

/// <summary>
/// Serves an <see cref="OParlSampleSite"/> on 127.0.0.1 with the BCL's HttpListener (no ASP.NET in Core): for the demo
/// (<c>anfragen sample-oparl</c>), measurements and tests of the front ends. Answers GETs only.
/// </summary>
public sealed class OParlSampleServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private OParlSampleServer(int port, TimeProvider time)
    {
        Port = port;
        Site = new OParlSampleSite(new Uri($"http://127.0.0.1:{port}/oparl/"), time);
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public OParlSampleSite Site { get; }

    /// <summary>Starts on <paramref name="port"/>, or on a free port when 0.</summary>
    public static OParlSampleServer Start(int port = 0, TimeProvider? time = null)
    {
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        return new OParlSampleServer(port, time ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var answer = context.Request.HttpMethod == "GET" ? Site.Respond(context.Request.RawUrl ?? "/") : null;
            if (answer is null)
            {
                response.StatusCode = context.Request.HttpMethod == "GET" ? 404 : 405;
                return;
            }

            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            if (answer.ContentDisposition is not null)
            {
                response.AddHeader("Content-Disposition", answer.ContentDisposition);
            }

            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server stops.
        }
    }
}

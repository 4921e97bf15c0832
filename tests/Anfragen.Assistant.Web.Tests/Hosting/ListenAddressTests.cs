using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Anfragen.Assistant.Web.Hosting;

/// <summary>
/// The real web app as a process: where it listens is decided by the environment (ASPNETCORE_URLS) or the command line
/// (--urls). appsettings.json used to set Urls, which won over ASPNETCORE_URLS; 5080 is now only the launch profile's.
/// </summary>
public sealed class ListenAddressTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("anfragen-listen-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_app_listens_where_the_environment_or_the_command_line_says(bool commandLine)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, // the content root, where appsettings.json lies
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Anfragen.Assistant.Web.dll"));
        if (commandLine)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(url);
        }
        else
        {
            start.Environment["ASPNETCORE_URLS"] = url;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Anfragen__DataDirectory"] = _dataDirectory;
        start.Environment["Anfragen__Web__IngestSampleDataOnEmptyIndex"] = "false";
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = app.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            var waited = Stopwatch.StartNew();
            while (status is null && !app.HasExited && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                try
                {
                    status = (await client.GetAsync($"{url}/anmelden", TestContext.Current.CancellationToken)).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"no answer on {url} (exited: {app.HasExited})");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains($"Now listening on: {url}", await output, StringComparison.Ordinal);
        _ = await error;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anfragen.Assistant.Web.Fakes;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Anfragen.Assistant.Web.Api;

/// <summary>
/// Archive uploads while an ingestion runs, with names a browser never sends, and across a restart. The embedder is
/// held at a gate, so a job is certainly running when the next request comes.
/// </summary>
public sealed class UploadTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "anfragen-upload-tests", Guid.NewGuid().ToString("N"));

    private string UploadsDirectory => Path.Combine(_dataDirectory, "uploads");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Uploads_refused_while_another_runs_or_for_their_names_leave_nothing_on_disk()
    {
        await using var app = new GatedFactory(_dataDirectory);
        await app.InitializeAsync();
        using var admin = await SignIn.ClientForAsync(app, Users.Admin);
        app.Embedder.Close();
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(admin, ("mitteilung-laufend.txt", "Mitteilung: Der Brunnen am Marktplatz wird saniert."))).StatusCode);
        await WaitAsync(() => app.Embedder.Waiting > 0, "the first upload never reached the embedder");

        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            refused.Add(await UploadAsync(admin, ($"mitteilung-{i}.txt", $"Mitteilung {i}: Bänke im Stadtpark.")));
        }

        foreach (var name in new[] { "..", ".", "../..", "a/..", "..." })
        {
            var response = await UploadAsync(admin, (name, "Text"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("ist ungültig", (await ApiCalls.ReadObjectAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("läuft bereits", (await ApiCalls.ReadObjectAsync(refused[0]))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var onDisk = Directory.EnumerateFiles(UploadsDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(UploadsDirectory, f)).ToList();
        Assert.Equal(2, onDisk.Count); // the running upload's file and its journal
        Assert.Single(onDisk, f => f.EndsWith("mitteilung-laufend.txt", StringComparison.Ordinal));

        app.Embedder.Open();
        var done = await WaitForJobAsync(admin, s => !s["running"]!.GetValue<bool>());
        Assert.StartsWith("fertig: 1 neu", done["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_300_character_file_name_is_shortened_keeping_its_extension()
    {
        await using var app = new GatedFactory(_dataDirectory);
        await app.InitializeAsync();
        using var admin = await SignIn.ClientForAsync(app, Users.Admin);
        var name = string.Concat(Enumerable.Repeat("Mitteilung-Bänke-Stadtpark-", 11))[..296] + ".txt";

        var response = await UploadAsync(admin, (name, "Mitteilung: Im Stadtpark werden zwölf neue Bänke aufgestellt."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await WaitForJobAsync(admin, s => !s["running"]!.GetValue<bool>());
        Assert.StartsWith("fertig: 1 neu", done["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = Path.GetFileName(Assert.Single(Directory.EnumerateFiles(UploadsDirectory, "*.txt", SearchOption.AllDirectories)));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(stored), 100, Services.UploadFileName.MaxBytes);
        Assert.StartsWith("Mitteilung-Bänke-Stadtpark-", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_cut_short_by_a_restart_is_resumed_at_the_next_start()
    {
        var before = new GatedFactory(_dataDirectory);
        await before.InitializeAsync();
        using (var admin = await SignIn.ClientForAsync(before, Users.Admin))
        {
            before.Embedder.Close();
            Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(admin, ("mitteilung-neustart.md", "# Mitteilung\n\nDer Kiosk Sonnenuhr im Bürgerpark öffnet wieder."))).StatusCode);
            await WaitAsync(() => before.Embedder.Waiting > 0, "the upload never reached the embedder");
        }

        // The app stops while the job waits for the embedder: the job is cancelled, its journal still says running.
        await before.DisposeAsync();
        var journal = Assert.Single(Directory.EnumerateFiles(UploadsDirectory, "*.json"));
        Assert.Contains("\"running\"", await File.ReadAllTextAsync(journal, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await using var after = new AnfragenWebFactory.OnDataDirectory(_dataDirectory);
        using var client = await SignIn.ClientForAsync(after, Users.Admin);
        var done = await WaitForJobAsync(client, s => s["job"]?.GetValue<string>()?.Contains("nach Neustart fortgesetzt", StringComparison.Ordinal) == true && !s["running"]!.GetValue<bool>());

        Assert.StartsWith("fertig: 1 neu", done["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Upload (1 Dateien) von admin", done["job"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"finished\"", await File.ReadAllTextAsync(journal, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var hits = await ApiCalls.ReadArrayAsync(await client.GetAsync("/api/search?q=Kiosk%20Sonnenuhr", TestContext.Current.CancellationToken));
        Assert.NotEmpty(hits);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, string Text)[] files)
    {
        var token = await client.GetFromJsonAsync<string>("/api/antiforgery", TestContext.Current.CancellationToken);
        // Browsers send file names as raw UTF-8 in the part header.
        using var content = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 };
        foreach (var (name, text) in files)
        {
            var part = new StringContent(text);
            // Set the header by hand: the framework's helper would quote or encode names the way a browser does.
            part.Headers.Add("Content-Disposition", $"form-data; name=\"files\"; filename=\"{name}\"");
            content.Add(part);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/ingest") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonObject> WaitForJobAsync(HttpClient client, Func<JsonObject, bool> done)
    {
        JsonObject? last = null;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            last = (await ApiCalls.ReadObjectAsync(await client.GetAsync("/api/admin/status", TestContext.Current.CancellationToken)))["ingestion"]!.AsObject();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the ingestion did not end as expected: {last?.ToJsonString()}");
        return last!;
    }

    private static async Task WaitAsync(Func<bool> condition, string message)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), message);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The app on a data directory the test owns, with the gated embedder.</summary>
    private sealed class GatedFactory(string dataDirectory) : AnfragenWebFactory(dataDirectory, ownsDataDirectory: false)
    {
        public GatedEmbeddingGenerator Embedder { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embedder);
            });
        }
    }
}

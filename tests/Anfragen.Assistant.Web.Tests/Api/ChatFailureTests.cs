using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Anfragen.Assistant.Web.Api;

/// <summary>The chat API when the configured language model cannot be reached.</summary>
public sealed class ChatFailureTests
{
    [Fact]
    public async Task When_the_model_is_unreachable_the_stream_ends_with_an_error_event_naming_the_problem()
    {
        await using var factory = new UnreachableModelFactory();
        await factory.InitializeAsync();
        using var staff = await SignIn.ClientForAsync(factory, Users.Staff);

        var response = await staff.PostAsJsonAsync("/api/chat", new { question = "Wie viele Fahrradstellplätze gibt es am Bahnhof?" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var last = events[^1].Split('\n');
        Assert.Equal("event: error", last[0]);
        var message = JsonNode.Parse(last[1]["data: ".Length..])!["message"]!.GetValue<string>();
        Assert.StartsWith("Die Antwort ist fehlgeschlagen:", message, StringComparison.Ordinal);
        Assert.Contains(UnreachableModelFactory.Endpoint, message, StringComparison.Ordinal);
    }

    /// <summary>The app with an OpenAI-compatible model at a loopback port nobody listens on, and no retries.</summary>
    private sealed class UnreachableModelFactory : AnfragenWebFactory
    {
        public static string Endpoint { get; } = $"http://127.0.0.1:{FreePort()}/v1";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Llm:Provider", "OpenAICompatible");
            builder.UseSetting("Anfragen:Llm:Endpoint", Endpoint);
            builder.UseSetting("Anfragen:Llm:Model", "nicht-erreichbar");
            builder.UseSetting("Anfragen:Llm:MaxRetries", "0");
            builder.UseSetting("Anfragen:Llm:TimeoutSeconds", "10");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

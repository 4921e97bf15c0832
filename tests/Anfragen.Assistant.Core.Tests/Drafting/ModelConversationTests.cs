using Anfragen.Assistant.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Anfragen.Assistant.Drafting;

public sealed class ModelConversationTests
{
    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_asked_wait_and_usage_is_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Status(429, retryAfterSeconds: 1), ScriptedReply.Text("Zu Frage 1: Antwort [1]."));
        await using var services = LlmHost.Create(server);

        var reply = await Conversation(services).CompleteAsync(History(), ct);

        Assert.Equal("Zu Frage 1: Antwort [1].", reply.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].ReceivedAt - server.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "the second attempt must wait for Retry-After");
        Assert.Equal(server.Requests[1].PromptTokens, reply.PromptTokens);
        Assert.True(reply.CompletionTokens > 0);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_so_the_number_of_attempts_is_exact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Status(503, 0), ScriptedReply.Status(503, 0), ScriptedReply.Status(503, 0), ScriptedReply.Text("zu spät"));
        await using var services = LlmHost.Create(server, s => s["Anfragen:Llm:MaxRetries"] = "2");

        var error = await Assert.ThrowsAsync<LanguageModelException>(() => Conversation(services).CompleteAsync(History(), ct));
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Streaming_yields_several_deltas_and_a_final_reply_with_usage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.Text("Laut Stellungnahme wurde das Vorhaben 2024 abgeschlossen [1]."));
        await using var services = LlmHost.Create(server);

        var deltas = new List<string>();
        ModelReply? final = null;
        await foreach (var item in Conversation(services).StreamAsync(History(), ct))
        {
            if (item.Reply is not null)
            {
                final = item.Reply;
            }
            else
            {
                deltas.Add(item.TextDelta);
            }
        }

        Assert.True(deltas.Count > 1);
        Assert.NotNull(final);
        Assert.Equal(string.Concat(deltas), final.Text);
        Assert.True(server.Requests[0].Stream);
        Assert.True(final.PromptTokens > 0, "usage of a stream comes from the include_usage chunk");
    }

    private static ModelConversation Conversation(ServiceProvider services)
    {
        var factory = services.GetRequiredService<LlmKernelFactory>();
        return new ModelConversation(factory.Kernel.Clone(), services.GetRequiredService<IOptions<LlmOptions>>().Value, NullLogger.Instance);
    }

    private static ChatHistory History()
    {
        var history = new ChatHistory("System");
        history.AddUserMessage("Frage 1: Wann?");
        return history;
    }
}

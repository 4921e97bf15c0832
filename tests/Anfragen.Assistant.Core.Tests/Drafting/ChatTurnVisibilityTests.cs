using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Every stored chat turn remembers the most restrictive visibility of what went into its prompt, and is withheld from
/// view and from later prompts once the reader's clearance no longer covers it, whether or not the answer cited anything.
/// </summary>
public sealed class ChatTurnVisibilityTests
{
    private static readonly Actor Cleared = new("fbl", "Fachbereichsleitung", new HashSet<StaffRole> { StaffRole.Fachbereichsleitung }, ClearedForNonPublic: true);
    private static readonly Actor Withdrawn = Cleared with { ClearedForNonPublic = false };
    private const string Question = "Personalplanung und Grundstücksankauf für die Beleuchtung am Ringgleis?";

    [Fact]
    public async Task An_answer_that_quoted_a_nichtoeffentlich_passage_without_citing_it_is_withheld_and_never_resent_after_clearance_is_withdrawn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);

        // The model repeats what it saw, without a citation marker: the old history check (by citations) missed this.
        server.Enqueue(
            ScriptedReply.From(r => r.Body.Contains(DraftingArchive.GroundCanary, StringComparison.Ordinal) ? "Es geht um die Kennung " + DraftingArchive.GroundCanary + "." : "Nichts gefunden."),
            ScriptedReply.Text("Dazu liegt nichts vor."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        var conversation = host.Get<ChatConversation>();

        var first = await FinalAsync(conversation.AskAsync(Cleared, Question, ct));
        Assert.Contains(DraftingArchive.GroundCanary, first.Text, StringComparison.Ordinal);
        Assert.Empty(first.Citations);
        Assert.Equal(Visibility.NonPublic, first.Visibility);

        var shown = await conversation.GetHistoryAsync(Withdrawn, cancellationToken: ct);
        Assert.Equal(2, shown.Count);
        Assert.Equal(Question, shown[0].Text); // asked with no earlier turns: nothing confidential went into the question
        Assert.True(shown[1].Withheld);
        Assert.Equal(ArchiveAccess.WithheldAnswer, shown[1].Text);
        Assert.DoesNotContain(shown, m => m.Text.Contains("KANARIENVOGEL", StringComparison.Ordinal));

        await FinalAsync(conversation.AskAsync(Withdrawn, "Und wie geht es weiter?", ct));
        var resent = server.Requests[^1];
        Assert.DoesNotContain("KANARIENVOGEL", resent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(resent.Messages, m => m.Role == "assistant");

        // The cleared reader still has the whole conversation.
        Assert.Contains((await conversation.GetHistoryAsync(Cleared, cancellationToken: ct)).Select(m => m.Text), t => t.Contains(DraftingArchive.GroundCanary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_call_that_brought_nichtoeffentlich_passages_makes_the_answer_nichtoeffentlich_and_the_next_question_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(
            ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Grundstücksankauf Ringgleis Kennung"}"""),
            ScriptedReply.Text("Die Verhandlungen laufen."),
            ScriptedReply.Text("Weiter offen."));
        await using var host = await DraftingHost.StartAsync(server, ct);
        var conversation = host.Get<ChatConversation>();

        var answer = await FinalAsync(conversation.AskAsync(Cleared, "Was ist der Stand beim Winterdienst?", ct));
        await FinalAsync(conversation.AskAsync(Cleared, "Und danach?", ct));

        Assert.Equal(Visibility.NonPublic, answer.Visibility);
        var stored = await host.Get<ChatHistoryStore>().GetAsync(Cleared.UserName, cancellationToken: ct);
        Assert.Equal([Visibility.Public, Visibility.NonPublic, Visibility.NonPublic, Visibility.NonPublic], stored.Select(m => m.Visibility));
        var shown = await conversation.GetHistoryAsync(Withdrawn, cancellationToken: ct);
        Assert.Equal([false, true, true, true], shown.Select(m => m.Withheld));
        Assert.Equal(ArchiveAccess.WithheldQuestion, shown[2].Text);
    }

    [Fact]
    public async Task The_chat_service_itself_never_sends_a_nichtoeffentlich_turn_for_a_caller_without_clearance()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct);
        ChatTurn[] history =
        [
            new(ChatRole.User, "Wie weit ist der Ankauf?", Visibility.Public),
            new(ChatRole.Assistant, "Kennung " + DraftingArchive.GroundCanary, Visibility.NonPublic),
        ];

        await host.Get<ChatService>().AskAsync(history, "Welche Radwege werden im Winter geräumt?", Principal.PublicCaller, ct);
        await host.Get<ChatService>().AskAsync(history, "Welche Radwege werden im Winter geräumt?", new Principal("fbl", true), ct);

        Assert.DoesNotContain(DraftingArchive.GroundCanary, server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("Wie weit ist der Ankauf?", server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains(DraftingArchive.GroundCanary, server.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_messages_stored_before_visibility_was_recorded_count_as_nichtoeffentlich()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory.Path, AppStateDatabase.FileName)};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE app_chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, user_name TEXT NOT NULL, role INTEGER NOT NULL, text TEXT NOT NULL, citations_json TEXT NOT NULL, created_at TEXT NOT NULL);
                INSERT INTO app_chat_messages (user_name, role, text, citations_json, created_at) VALUES ('fbl', 1, 'Alte Antwort', '[]', '2025-01-01T00:00:00.0000000+00:00');
                """;
            await command.ExecuteNonQueryAsync(ct);
        }

        using var database = new AppStateDatabase(Microsoft.Extensions.Options.Options.Create(new Configuration.AssistantOptions { DataDirectory = directory.Path }));
        var store = new ChatHistoryStore(database, TimeProvider.System);

        var old = Assert.Single(await store.GetAsync("fbl", cancellationToken: ct));
        Assert.Equal(Visibility.NonPublic, old.Visibility);
        await store.AppendAsync("fbl", ChatRole.User, "Neue Frage", [], Visibility.Public, ct);
        Assert.Equal([Visibility.NonPublic, Visibility.Public], (await store.GetAsync("fbl", cancellationToken: ct)).Select(m => m.Visibility));
    }

    private static async Task<ChatAnswer> FinalAsync(IAsyncEnumerable<ChatUpdate> updates)
    {
        ChatAnswer? answer = null;
        await foreach (var update in updates)
        {
            if (update.IsFinal)
            {
                answer = update.Answer;
            }
        }

        return answer ?? throw new InvalidOperationException("no final answer");
    }
}

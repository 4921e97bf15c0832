using System.Diagnostics;
using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// Opt-in, over the real dev corpus and seed inquiries in ../shared: prompts stay within the configured limits and the
/// prompt size and extractive drafting time per question are written to the test output (the numbers in docs/drafting.md).
/// </summary>
public sealed class SeedDraftingTests
{
    [Fact]
    public async Task Seed_prompts_hold_numbered_passages_within_the_configured_limits()
    {
        var shared = SharedData.Require();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        await using var host = await DraftingHost.StartAsync(server, ct, ingestPaths: [Path.Combine(shared, "data", "corpus-dev.jsonl")]);
        var limits = new LlmOptions();
        var system = host.Get<PromptLibrary>().RenderDraft("s", 1, "q", "p").System;

        foreach (var seed in Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var inquiry = await host.Get<InquiryParser>().ParseFileAsync(seed, ct);
            var before = server.Requests.Count;
            var draft = await host.Get<DraftingService>().DraftInquiryAsync(inquiry, Principal.PublicCaller, ct);

            Assert.Equal(inquiry.Questions.Count, server.Requests.Count - before);
            foreach (var answer in draft.Answers)
            {
                var request = server.Requests.Skip(before).Single(r => r.Messages.Last(m => m.Role == "user").Content.Contains($"Frage {answer.Number}: ", StringComparison.Ordinal));
                var budget = system.Length + limits.MaxQuestionChars + (inquiry.Subject?.Length ?? 0) + (limits.MaxPassages * (limits.MaxPassageChars + 250)) + 600;
                Assert.InRange(request.PromptChars, 1, budget);
                Assert.Contains("<<<QUELLE [1] ", request.Messages[^1].Content, StringComparison.Ordinal);
                Assert.Equal(request.PromptTokens, answer.PromptTokens);
                TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(seed)} Frage {answer.Number}: {request.PromptChars} Zeichen, {answer.PromptTokens} Prompt-Tokens (o200k), {request.Messages[^1].Content.Split("<<<QUELLE [").Length - 1} Quellen");
            }
        }
    }

    [Fact]
    public async Task Extractive_seed_drafts_cite_their_passages_or_say_nothing_fits_and_record_their_time()
    {
        var shared = SharedData.Require();
        var ct = TestContext.Current.CancellationToken;
        await using var host = await DraftingHost.StartAsync(null, ct, ingestPaths: [Path.Combine(shared, "data", "corpus-dev.jsonl")]);

        foreach (var seed in Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var inquiry = await host.Get<InquiryParser>().ParseFileAsync(seed, ct);
            var started = Stopwatch.GetTimestamp();
            var draft = await host.Get<DraftingService>().DraftInquiryAsync(inquiry, Principal.PublicCaller, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);

            foreach (var answer in draft.Answers)
            {
                Assert.Equal(DraftMode.Extractive, answer.Mode);
                Assert.All(answer.Citations, c => Assert.Contains(" " + c.Marker, answer.Draft, StringComparison.Ordinal));
                Assert.True(answer.Citations.Count > 0 || (answer.Draft.Length == 0 && answer.Note == ExtractiveDrafter.NothingFound));
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(seed)}: {elapsed.TotalMilliseconds:0} ms für {draft.Answers.Count} Fragen; je Frage {string.Join(", ", draft.Answers.Select(a => $"{a.ElapsedMs} ms/{a.Citations.Count} Belege"))}");
        }
    }
}

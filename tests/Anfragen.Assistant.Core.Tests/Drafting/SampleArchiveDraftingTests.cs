using Anfragen.Assistant.Fakes;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Drafting;

/// <summary>Drafting over the repository's own sample archive (data/corpus.jsonl, data/new, two nichtöffentlich documents).</summary>
public sealed class SampleArchiveDraftingTests
{
    private static readonly string[] Canaries = ["KANARIENVOGEL-7Q4Z-PERSONAL", "KANARIENVOGEL-3M8X-GRUNDSTUECK"];

    private static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(dir.FullName, "Anfragen.Assistant.sln")) && File.Exists(Path.Combine(data, "corpus.jsonl")))
            {
                return data;
            }
        }

        Assert.Skip("data/corpus.jsonl (sample archive) not found next to the solution.");
        return string.Empty;
    }

    [Fact]
    public async Task Extractive_drafts_for_the_sample_inquiries_cite_real_passages_verbatim()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = DataDirectory();
        await using var host = await DraftingHost.StartAsync(null, ct, ingestPaths: [Path.Combine(data, "corpus.jsonl")]);
        var parser = host.Get<InquiryParser>();
        var index = host.Get<IKnowledgeIndex>();
        var files = Directory.GetFiles(Path.Combine(data, "new")).Concat(Directory.GetFiles(Path.Combine(data, "inquiries"), "*anfrage*")).ToList();
        Assert.NotEmpty(files);

        var cited = 0;
        foreach (var file in files)
        {
            var draft = await host.Get<DraftingService>().DraftInquiryAsync(await parser.ParseFileAsync(file, ct), Principal.PublicCaller, ct);
            foreach (var answer in draft.Answers)
            {
                Assert.DoesNotContain("Zu Frage", answer.Draft, StringComparison.Ordinal);
                Assert.NotNull(answer.Note);
                Assert.DoesNotContain(Canaries, c => answer.Draft.Contains(c, StringComparison.Ordinal));
                foreach (var citation in answer.Citations)
                {
                    var chunk = Assert.Single(await index.GetChunksAsync(citation.DocumentId, SearchFilter.PublicOnly, ct), c => c.ChunkId == citation.ChunkId);
                    var shown = PassageSet.Cut(AnswerHeading.StripAny(LetterFrame.StripHead(chunk.Text)), 1_500);
                    Assert.Contains($"{shown} {citation.Marker}", answer.Draft, StringComparison.Ordinal);
                    shown = shown.TrimEnd('…').TrimEnd();
                    Assert.Contains(shown, chunk.Text, StringComparison.Ordinal);
                    cited++;
                }
            }
        }

        Assert.True(cited > 0, "the sample archive answers at least one sample question");
    }

    [Fact]
    public async Task No_model_request_for_a_public_caller_holds_a_sample_canary()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = DataDirectory();
        await using var server = await ScriptedOpenAiServer.StartAsync(ct);
        server.Enqueue(ScriptedReply.ToolCall("ArchiveSearch-Search", """{"query":"Personal Grundstück nichtöffentlich vertraulich"}"""));
        await using var host = await DraftingHost.StartAsync(server, ct, ingestPaths: [Path.Combine(data, "corpus.jsonl")]);
        var parser = host.Get<InquiryParser>();

        foreach (var file in Directory.GetFiles(Path.Combine(data, "new")))
        {
            await host.Get<DraftingService>().DraftInquiryAsync(await parser.ParseFileAsync(file, ct), Principal.PublicCaller, ct);
        }

        await host.Get<ChatService>().AskAsync([], "Personalangelegenheiten und Grundstücksgeschäfte", Principal.PublicCaller, ct);

        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.DoesNotContain(Canaries, c => r.Body.Contains(c, StringComparison.Ordinal)));
    }
}

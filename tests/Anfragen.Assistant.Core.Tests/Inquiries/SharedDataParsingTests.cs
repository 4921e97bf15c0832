using System.Globalization;
using System.Text.Json;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Inquiries;

/// <summary>Opt-in: runs the parser over the real seeds and council pages in ../shared (skipped when absent).</summary>
[Trait("Category", "SharedData")]
public sealed class SharedDataParsingTests
{
    private static InquiryParser CreateParser() => new(new DocumentTextReader(Options.Create(new AssistantOptions())));

    [Fact]
    public async Task Both_seeds_give_three_questions_and_their_metadata()
    {
        var seeds = Path.Combine(SharedData.Require(), "seeds");
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var inquiry = await CreateParser().ParseFileAsync(file, TestContext.Current.CancellationToken);

            Assert.Equal([1, 2, 3], inquiry.Questions.Select(q => q.Number));
            Assert.All(inquiry.Questions, q => Assert.EndsWith("?", q.Text, StringComparison.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(inquiry.Subject));
            Assert.DoesNotContain("**", inquiry.Subject, StringComparison.Ordinal);
            Assert.Contains("Oberbürgermeister", inquiry.Recipient, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 4, 15), inquiry.Date);
            Assert.Equal("Ausschuss für Finanzen, Personal und Digitalisierung", inquiry.Committee);
            Assert.Equal(new DateOnly(2026, 4, 30), inquiry.SessionDate);
            Assert.Equal(Visibility.Public, inquiry.Visibility);
        }

        var first = await CreateParser().ParseFileAsync(files[0], TestContext.Current.CancellationToken);
        Assert.Equal(["25-26577"], first.References);
    }

    /// <summary>
    /// Measurement over every Anfrage in corpus-dev.jsonl (page and text field); prints one line per document.
    /// Run: dotnet test --project tests/Anfragen.Assistant.Core.Tests -- --filter-method "*Measures_question_extraction*" --output Detailed
    /// </summary>
    [Fact]
    public void Measures_question_extraction_over_the_council_pages()
    {
        var corpus = Path.Combine(SharedData.Require(), "data", "corpus-dev.jsonl");
        Assert.SkipUnless(File.Exists(corpus), "corpus-dev.jsonl fehlt in ../shared/data.");
        var parser = CreateParser();
        var output = TestContext.Current.TestOutputHelper!;
        var totals = new Dictionary<string, (int Documents, int WithQuestions, int Questions)>();
        foreach (var line in File.ReadLines(corpus))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("type").GetString() != "Anfrage")
            {
                continue;
            }

            var id = root.GetProperty("id").GetString();
            var hint = root.GetProperty("questions").GetArrayLength();
            foreach (var field in new[] { "page", "text" })
            {
                var inquiry = parser.ParseLenient(root.GetProperty(field).GetString() ?? string.Empty);
                var count = inquiry.Questions.Count;
                var (documents, withQuestions, questions) = totals.GetValueOrDefault(field);
                totals[field] = (documents + 1, withQuestions + (count > 0 ? 1 : 0), questions + count);
                var last = count > 0 ? inquiry.Questions[^1].Text : "–";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{field,-4} {id,-12} questions={count} hint={hint} committee={inquiry.Committee ?? "–"} session={inquiry.SessionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"} refs=[{string.Join(",", inquiry.References)}] last=\"{Shorten(last)}\""));

                // The corpus hint comes from a simple script; the parser must find at least what it found.
                Assert.True(count >= hint, $"{id} ({field}): {count} Fragen, der Hinweis nennt {hint}");
            }
        }

        foreach (var (field, (documents, withQuestions, questions)) in totals)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{field}: {withQuestions}/{documents} Anfragen mit Fragen, {questions} Fragen insgesamt"));
        }
    }

    private static string Shorten(string text) => text.Length <= 50 ? text : "…" + text[^50..];
}

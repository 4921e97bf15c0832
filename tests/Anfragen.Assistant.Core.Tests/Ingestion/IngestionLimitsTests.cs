using Anfragen.Assistant.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion;

public sealed class IngestionLimitsTests
{
    [Fact]
    public void Limits_are_bound_from_Anfragen_Ingestion_and_reach_the_chunker()
    {
        using var host = Build(new() { ["Anfragen:Ingestion:MaxTextChars"] = "12345", ["Anfragen:Ingestion:MaxChunksPerDocument"] = "7" });

        var limits = host.Services.GetRequiredService<IOptions<AssistantOptions>>().Value.Ingestion;
        var chunker = host.Services.GetRequiredService<DocumentChunker>();
        var tooMany = new Documents.SourceDocument
        {
            Id = "x",
            Type = Documents.DocumentType.Anfrage,
            Title = "T",
            Text = "Daher fragen wir:",
            Questions = Enumerable.Range(1, 9).Select(i => $"Frage {i}?").ToList(),
        };

        Assert.Equal((12345, 7), (limits.MaxTextChars, limits.MaxChunksPerDocument));
        var error = Assert.Throws<Documents.DocumentReadException>(() => chunker.Split(tooMany));
        Assert.Contains("höchstens 7", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxTextChars", "0")]
    [InlineData("MaxCompressionRatio", "1")]
    [InlineData("MaxNestingDepth", "2")]
    public void An_invalid_limit_fails_at_start_naming_its_key(string key, string value)
    {
        using var host = Build(new() { [$"Anfragen:Ingestion:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AssistantOptions>>().Value);

        Assert.Contains($"Anfragen:Ingestion:{key}", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAnfragenAssistant();
        return builder.Build();
    }
}

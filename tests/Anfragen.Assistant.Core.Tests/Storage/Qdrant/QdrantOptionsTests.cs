using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Storage.Qdrant;

public sealed class QdrantOptionsTests
{
    [Theory]
    [InlineData("http://localhost:6334")]
    [InlineData("https://qdrant.stadt.example:6334")]
    public void Http_and_https_addresses_are_valid(string url)
    {
        var result = new QdrantOptionsValidator().Validate(null, new QdrantOptions { Url = url });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("localhost:6334")]
    [InlineData("ftp://localhost:6334")]
    [InlineData("")]
    public void Other_addresses_fail_with_a_message_naming_the_key(string url)
    {
        var result = new QdrantOptionsValidator().Validate(null, new QdrantOptions { Url = url });

        Assert.True(result.Failed);
        Assert.Contains("Anfragen:Qdrant:Url", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_consistency_above_replication_is_rejected()
    {
        var result = new QdrantOptionsValidator().Validate(null, new QdrantOptions { ReplicationFactor = 2, WriteConsistencyFactor = 3 });

        Assert.True(result.Failed);
    }

    [Fact]
    public void AddQdrantIndex_binds_the_Anfragen_Qdrant_section_and_registers_the_index()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Anfragen:Qdrant:Url"] = "https://qdrant.example:6334",
            ["Anfragen:Qdrant:ApiKey"] = "geheim",
            ["Anfragen:Qdrant:Collection"] = "archiv-2025",
            ["Anfragen:Qdrant:RequestTimeout"] = "00:00:05",
        });

        builder.AddQdrantIndex();
        using var host = builder.Build();

        var index = Assert.IsType<QdrantKnowledgeIndex>(host.Services.GetRequiredService<IKnowledgeIndex>());
        Assert.Equal("archiv-2025", index.CollectionName);
        var options = host.Services.GetRequiredService<IOptions<QdrantOptions>>().Value;
        Assert.Equal("geheim", options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
    }

    [Fact]
    public void AddQdrantIndex_fails_at_start_for_an_invalid_url()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Anfragen:Qdrant:Url"] = "qdrant:6334" });
        builder.AddQdrantIndex();
        using var host = builder.Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<QdrantOptions>>().Value);
        Assert.Contains("qdrant:6334", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_against_a_closed_port_reports_the_address_instead_of_a_stack_trace()
    {
        // A real gRPC call to a port nobody listens on: the connection is refused at once.
        var options = new QdrantOptions { Url = "http://127.0.0.1:9", MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromSeconds(5) };
        using var index = new QdrantKnowledgeIndex(Options.Create(options), new GermanTextAnalyzer(), NullLoggerFactory.Instance);

        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(
            () => index.InitializeAsync(new EmbeddingModelInfo("test", 4), TestContext.Current.CancellationToken));

        Assert.Contains("http://127.0.0.1:9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nicht erreichbar", ex.Message, StringComparison.Ordinal);
        Assert.Contains("6334", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_call_to_an_unreachable_server_names_the_address()
    {
        var options = new QdrantOptions { Url = "http://127.0.0.1:9", MaxRetries = 0 };
        using var index = new QdrantKnowledgeIndex(Options.Create(options), new GermanTextAnalyzer(), NullLoggerFactory.Instance);

        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(
            () => index.DenseSearchAsync(new float[4], SearchFilter.PublicOnly, 5, TestContext.Current.CancellationToken));
        Assert.Contains("http://127.0.0.1:9", ex.Message, StringComparison.Ordinal);
    }
}

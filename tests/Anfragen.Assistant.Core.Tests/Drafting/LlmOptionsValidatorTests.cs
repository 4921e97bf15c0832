namespace Anfragen.Assistant.Drafting;

public sealed class LlmOptionsValidatorTests
{
    private readonly LlmOptionsValidator _validator = new();

    [Fact]
    public void None_needs_nothing_else()
    {
        Assert.True(_validator.Validate(null, new LlmOptions()).Succeeded);
    }

    [Fact]
    public void Azure_without_endpoint_and_deployment_names_both_keys()
    {
        var result = _validator.Validate(null, new LlmOptions { Provider = LlmProvider.AzureOpenAI });

        Assert.True(result.Failed);
        Assert.Contains("Anfragen:Llm:Endpoint fehlt", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Anfragen:Llm:Model fehlt", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_key_is_valid_because_Entra_ID_is_used()
    {
        var options = new LlmOptions { Provider = LlmProvider.AzureOpenAI, Endpoint = "https://x.openai.azure.com/", Model = "gpt-4o" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void OpenAI_needs_a_key()
    {
        var result = _validator.Validate(null, new LlmOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini" });

        Assert.Contains("Anfragen:Llm:ApiKey fehlt", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost:11434")]
    [InlineData("ftp://host/v1")]
    public void OpenAICompatible_needs_an_absolute_http_endpoint(string? endpoint)
    {
        var result = _validator.Validate(null, new LlmOptions { Provider = LlmProvider.OpenAICompatible, Endpoint = endpoint, Model = "llama3.1" });

        Assert.Contains("Anfragen:Llm:Endpoint fehlt oder ist keine absolute URL", result.FailureMessage, StringComparison.Ordinal);
    }
}

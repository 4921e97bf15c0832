using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Drafting;

/// <summary>Runs with the options validation on start, so a broken or missing prompt template stops the app before any request.</summary>
internal sealed class PromptTemplatesValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = PromptLibrary.Check(PromptLibrary.ResolveDirectory(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.ML.Tokenizers;

namespace Anfragen.Assistant.Fakes;

/// <summary>Counts tokens as GPT-4o does (o200k_base), so the scripted server reports realistic usage.</summary>
public static class Tokens
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}

namespace Anfragen.Assistant.Drafting;

/// <summary>The configured language model could not be reached or refused the request after all retries; the message says which and why.</summary>
public sealed class LanguageModelException : Exception
{
    public LanguageModelException()
    {
    }

    public LanguageModelException(string message)
        : base(message)
    {
    }

    public LanguageModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

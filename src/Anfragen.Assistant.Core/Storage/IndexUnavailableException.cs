namespace Anfragen.Assistant.Storage;

/// <summary>
/// The index server cannot be used: unreachable, wrong address, key rejected. The message names the address and what
/// to check; callers show it instead of a stack trace.
/// </summary>
public sealed class IndexUnavailableException : Exception
{
    public IndexUnavailableException()
    {
    }

    public IndexUnavailableException(string message)
        : base(message)
    {
    }

    public IndexUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

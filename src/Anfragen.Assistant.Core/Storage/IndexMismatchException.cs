namespace Anfragen.Assistant.Storage;

/// <summary>The index was built with another embedding model or dimension than the one configured now.</summary>
public sealed class IndexMismatchException : Exception
{
    public IndexMismatchException()
    {
    }

    public IndexMismatchException(string message)
        : base(message)
    {
    }

    public IndexMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

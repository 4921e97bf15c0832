namespace Anfragen.Assistant.Documents;

/// <summary>A problem a user can fix: a bad, empty or unreadable input file. The message names the file and the problem.</summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        FilePath = source;
        Problem = problem;
    }

    public DocumentReadException()
    {
        Problem = string.Empty;
    }

    public DocumentReadException(string message)
        : base(message)
    {
        Problem = message;
    }

    public DocumentReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>The file (or corpus line) the problem was found in.</summary>
    public string? FilePath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }
}

namespace Anfragen.Assistant.Ingestion.OParl;

/// <summary>
/// A request to the council information system that failed after its retries, or an answer that cannot be used. The
/// message names the URL and the problem in German. <see cref="Permanent"/> problems (a file too large, unreadable, gone)
/// are remembered and not retried until the file changes; the others (unreachable, 5xx, timeout) are tried again next run.
/// </summary>
public sealed class OParlException : Exception
{
    public OParlException(string url, string problem, bool permanent = false, Exception? inner = null)
        : base($"{url}: {problem}", inner)
    {
        Url = url;
        Problem = problem;
        Permanent = permanent;
    }

    public OParlException()
    {
        Url = string.Empty;
        Problem = string.Empty;
    }

    public OParlException(string message)
        : base(message)
    {
        Url = string.Empty;
        Problem = message;
    }

    public OParlException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = string.Empty;
        Problem = message;
    }

    public string Url { get; }

    public string Problem { get; }

    public bool Permanent { get; }
}

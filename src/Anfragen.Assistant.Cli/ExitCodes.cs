namespace Anfragen.Assistant.Cli;

/// <summary>Documented exit codes of the <c>anfragen</c> tool.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int UsageError = 1;

    /// <summary>The input was bad: a file that is empty, binary, unreadable, or holds no questions; an unknown id.</summary>
    public const int InputError = 2;

    /// <summary>Something outside the user's input failed (index mismatch, server unreachable, unexpected error).</summary>
    public const int SystemError = 3;

    /// <summary>
    /// Interrupted by Ctrl+C or SIGTERM (128 + SIGINT, the shell's code for an interrupted command): what was stored
    /// before stays stored; running the command again continues (ingest skips unchanged documents).
    /// </summary>
    public const int Interrupted = 130;
}

using System.Diagnostics;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// The process's peak resident memory (<see cref="Process.PeakWorkingSet64"/>, VmHWM on Linux). On Linux the peak can be
/// reset (<c>/proc/self/clear_refs</c>, value 5), so each phase of the bench reports its own peak, not the largest
/// phase before it; elsewhere the peak only grows and phases report the peak so far.
/// </summary>
internal static class PeakMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Starts a new phase: resets the peak where the OS allows it; returns whether it did.</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (!File.Exists(ClearRefs))
        {
            return false;
        }

        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}

namespace Anfragen.Assistant;

/// <summary>
/// Locates the real evaluation data at <c>../shared</c> next to the repository (CI has it there), or at
/// <c>ANFRAGEN_SHARED_DIR</c>. Tests that read it skip with a reason when it is absent.
/// </summary>
public static class SharedData
{
    public static string? Directory { get; } = Locate();

    public static string SkipReason => "Die echten Daten (../shared neben dem Repository oder ANFRAGEN_SHARED_DIR) fehlen.";

    public static string Require()
    {
        Assert.SkipWhen(Directory is null, SkipReason);
        return Directory!;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ANFRAGEN_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anfragen.Assistant.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return System.IO.Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}

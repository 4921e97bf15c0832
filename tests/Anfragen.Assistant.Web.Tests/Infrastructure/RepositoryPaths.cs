namespace Anfragen.Assistant.Web.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Anfragen.Assistant.sln), found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Anfragen.Assistant.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Anfragen.Assistant.sln) not found above " + AppContext.BaseDirectory);
    }
}

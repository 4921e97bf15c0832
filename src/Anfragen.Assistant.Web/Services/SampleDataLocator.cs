namespace Anfragen.Assistant.Web.Services;

/// <summary>Finds the sample archive: an absolute path as is, a relative one from the content root or the app directory upwards.</summary>
public static class SampleDataLocator
{
    /// <summary>The path to ingest (the corpus file when the folder holds one, else the folder), or null.</summary>
    public static string? Find(string configured, params string[] startDirectories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        ArgumentNullException.ThrowIfNull(startDirectories);
        if (Path.IsPathRooted(configured))
        {
            return Resolve(configured);
        }

        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (Resolve(Path.Combine(directory.FullName, configured)) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static string? Resolve(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        // The sample folder also holds new inquiries (data/new) and evaluation queries that are not archive documents.
        var corpus = Path.Combine(path, "corpus.jsonl");
        return File.Exists(corpus) ? corpus : path;
    }
}

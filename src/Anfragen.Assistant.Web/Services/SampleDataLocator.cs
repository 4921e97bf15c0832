namespace Anfragen.Assistant.Web.Services;

/// <summary>Finds the sample archive: an absolute path as is, a relative one from the content root or the app directory upwards.</summary>
public static class SampleDataLocator
{
    /// <summary>
    /// The paths to ingest, or null when nothing is found. For the repository's data/ folder these are the corpus file
    /// and the single documents in inquiries/; new/ (unanswered inquiries) and queries.jsonl (evaluation) are not archive documents.
    /// </summary>
    public static IReadOnlyList<string>? Find(string configured, params string[] startDirectories)
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

    private static IReadOnlyList<string>? Resolve(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        var corpus = Path.Combine(path, "corpus.jsonl");
        if (!File.Exists(corpus))
        {
            return [path];
        }

        var singles = Path.Combine(path, "inquiries");
        return Directory.Exists(singles) ? [corpus, singles] : [corpus];
    }
}

namespace Anfragen.Assistant.Configuration;

public enum IndexProvider
{
    Sqlite = 0,
    Qdrant,
}

/// <summary>"Anfragen:Index": which knowledge index backs the archive. Evaluated once, at registration.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Anfragen:Index";

    public IndexProvider Provider { get; set; } = IndexProvider.Sqlite;
}

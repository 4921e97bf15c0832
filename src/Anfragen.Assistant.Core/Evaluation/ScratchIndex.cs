using Anfragen.Assistant.Retrieval;
using Anfragen.Assistant.Storage.Sqlite;

namespace Anfragen.Assistant.Evaluation;

/// <summary>A throw-away embedded index in a temporary directory, deleted on dispose (ablations, benchmarks).</summary>
internal sealed class ScratchIndex : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anfragen-scratch-" + Guid.NewGuid().ToString("N"));

    public ScratchIndex(GermanTextAnalyzer analyzer)
    {
        Index = new SqliteKnowledgeIndex(Path.Combine(_directory, SqliteKnowledgeIndex.DatabaseFileName), analyzer);
    }

    public string Directory => _directory;

    public SqliteKnowledgeIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp directory; harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

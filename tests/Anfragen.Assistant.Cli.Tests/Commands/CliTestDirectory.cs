namespace Anfragen.Assistant.Cli.Commands;

/// <summary>A temporary directory per test, removed afterwards; runs the CLI in-process with captured output.</summary>
public sealed class CliTestDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anfragen-cli-" + Guid.NewGuid().ToString("N"));

    public CliTestDirectory() => Directory.CreateDirectory(Path);

    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, configuration, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

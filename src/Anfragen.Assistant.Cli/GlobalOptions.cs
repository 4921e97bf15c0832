using System.CommandLine;

namespace Anfragen.Assistant.Cli;

/// <summary>Options shared by every command that touches the index; recursive so they work after the verb.</summary>
public static class GlobalOptions
{
    public static Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = "Datenverzeichnis des eingebetteten Index (Standard: Anfragen:DataDirectory, sonst ./appdata)",
        Recursive = true,
    };

    public static Option<string?> Index { get; } = new("--index")
    {
        Description = "Index-Anbieter: sqlite (Standard) oder qdrant",
        Recursive = true,
    };

    public static Option<string?> QdrantUrl { get; } = new("--qdrant-url")
    {
        Description = "Adresse des Qdrant-Servers (gRPC), z. B. http://localhost:6334",
        Recursive = true,
    };

    public static ParseResultSettings Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new ParseResultSettings(
            parseResult.GetValue(DataDirectory),
            parseResult.GetValue(Index),
            parseResult.GetValue(QdrantUrl));
    }
}

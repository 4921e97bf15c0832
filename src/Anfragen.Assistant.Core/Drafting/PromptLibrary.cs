using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The German prompt templates in <c>prompts/*.md</c> (copied next to the binaries; <see cref="LlmOptions.PromptDirectory"/>
/// points elsewhere). A template has a system part after the line <c>&lt;!-- system --&gt;</c> and a user part after
/// <c>&lt;!-- user --&gt;</c>; placeholders are <c>{{name}}</c>. The system part takes no placeholders, so nothing a source
/// or a user writes can reach the system instruction. Placeholders are replaced in one pass: a value that itself holds
/// "{{frage}}" stays literal text. A missing file, part or required placeholder is an error when the library is loaded.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string DraftAnswerFile = "draft-answer.md";
    public const string ChatFile = "chat.md";

    internal static readonly IReadOnlyDictionary<string, string[]> RequiredPlaceholders = new Dictionary<string, string[]>
    {
        [DraftAnswerFile] = ["nummer", "frage", "betreff", "quellen"],
        [ChatFile] = ["frage", "quellen"],
    };

    private const string SystemMarker = "<!-- system -->";
    private const string UserMarker = "<!-- user -->";

    private readonly Template _draft;
    private readonly Template _chat;

    public PromptLibrary(IOptions<LlmOptions> options)
        : this(ResolveDirectory(options?.Value ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    public PromptLibrary(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _draft = Load(directory, DraftAnswerFile);
        _chat = Load(directory, ChatFile);
    }

    /// <summary>Where the templates were read from.</summary>
    public string Directory { get; }

    public RenderedPrompt RenderDraft(string subject, int number, string question, string passages) =>
        _draft.Render(new Dictionary<string, string>
        {
            ["betreff"] = subject,
            ["nummer"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["frage"] = question,
            ["quellen"] = passages,
        });

    public RenderedPrompt RenderChat(string question, string passages) =>
        _chat.Render(new Dictionary<string, string> { ["frage"] = question, ["quellen"] = passages });

    internal static string ResolveDirectory(LlmOptions options) =>
        string.IsNullOrWhiteSpace(options.PromptDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "prompts")
            : Path.GetFullPath(options.PromptDirectory);

    /// <summary>Every problem with the templates in <paramref name="directory"/>, empty when they are usable.</summary>
    internal static IReadOnlyList<string> Check(string directory)
    {
        var problems = new List<string>();
        foreach (var file in RequiredPlaceholders.Keys)
        {
            try
            {
                Load(directory, file);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }

    private static Template Load(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Prompt-Vorlage fehlt: {path} (Anfragen:Llm:PromptDirectory zeigt auf das Verzeichnis prompts/).");
        }

        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        var systemAt = Array.FindIndex(lines, l => l.Trim() == SystemMarker);
        var userAt = Array.FindIndex(lines, l => l.Trim() == UserMarker);
        if (systemAt < 0 || userAt < 0 || userAt < systemAt)
        {
            throw new InvalidOperationException($"{path}: die Zeilen '{SystemMarker}' und danach '{UserMarker}' fehlen.");
        }

        var system = string.Join('\n', lines[(systemAt + 1)..userAt]).Trim();
        var user = string.Join('\n', lines[(userAt + 1)..]).Trim();
        if (Placeholder().IsMatch(system))
        {
            throw new InvalidOperationException($"{path}: der Systemteil darf keine Platzhalter enthalten ({Placeholder().Match(system).Value}).");
        }

        var present = Placeholder().Matches(user).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var required = RequiredPlaceholders[file];
        var missing = required.Where(r => !present.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{path}: Pflichtplatzhalter fehlen: {string.Join(", ", missing.Select(m => "{{" + m + "}}"))}.");
        }

        var unknown = present.Where(p => !required.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{path}: unbekannte Platzhalter: {string.Join(", ", unknown.Select(m => "{{" + m + "}}"))}; erlaubt sind {string.Join(", ", required.Select(m => "{{" + m + "}}"))}.");
        }

        return new Template(system, user);
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    private sealed record Template(string System, string User)
    {
        public RenderedPrompt Render(Dictionary<string, string> values) =>
            new(System, Placeholder().Replace(User, m => values[m.Groups["name"].Value]));
    }
}

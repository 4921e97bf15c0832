using System.Text.Json;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Reads the fields of one JSONL corpus line with their JSON types checked: a text field must be a string (absent or
/// null counts as empty), "questions" a list of strings. Every wrong type is collected, so one error message names
/// all bad fields of the line.
/// </summary>
internal sealed class CorpusFields(JsonElement root)
{
    private readonly List<string> _problems = [];

    public string Text(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Trim();
        }

        _problems.Add($"Feld „{name}“ ist {Kind(value)}, erwartet wird Text");
        return string.Empty;
    }

    public List<string> TextList(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add($"Feld „{name}“ ist {Kind(value)}, erwartet wird eine Liste von Texten");
            return [];
        }

        var list = new List<string>();
        var position = 0;
        foreach (var element in value.EnumerateArray())
        {
            position++;
            if (element.ValueKind != JsonValueKind.String)
            {
                _problems.Add($"Feld „{name}“, Eintrag {position}: {Kind(element)}, erwartet wird Text");
                continue;
            }

            var text = element.GetString()!.Trim();
            if (text.Length > 0)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public void Problem(string problem) => _problems.Add(problem);

    /// <exception cref="DocumentReadException">Some field had the wrong type; the message names the line and every such field.</exception>
    public void ThrowIfInvalid(string source)
    {
        if (_problems.Count > 0)
        {
            throw new DocumentReadException(source, string.Join("; ", _problems));
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => $"eine Zahl ({value.GetRawText()})",
        JsonValueKind.True or JsonValueKind.False => $"ein Wahrheitswert ({value.GetRawText()})",
        JsonValueKind.Array => "eine Liste",
        JsonValueKind.Object => "ein Objekt",
        _ => "kein Text",
    };
}

using System.Text.Json;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// The query and question files of <c>search --queries</c> and <c>eval</c> (JSONL): one JSON object per line, blank lines
/// skipped. A line that is no valid JSON, or misses what <c>problem</c> names, is an input error naming file and line
/// ("queries.jsonl:7: ungültige Zeile (…)"); a missing file is one too (exit code 2 either way).
/// </summary>
public static class JsonLinesFile
{
    /// <summary>Each object of <paramref name="file"/> with its line number, read with <paramref name="options"/>.</summary>
    /// <param name="file">The JSONL file.</param>
    /// <param name="problem">What is missing in an object ("\"query\" fehlt"), or null when it is complete.</param>
    /// <param name="options">Serializer options, or null for the defaults.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<IReadOnlyList<(int Line, T Value)>> ReadAsync<T>(string file, Func<T, string?> problem, JsonSerializerOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        var result = new List<(int, T)>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(line, options) ?? throw new JsonException("leer");
                if (problem(value) is { } missing)
                {
                    throw new JsonException(missing);
                }

                result.Add((lineNumber, value));
            }
            catch (JsonException ex)
            {
                throw new DocumentReadException($"{file}:{lineNumber}", $"ungültige Zeile ({ex.Message})");
            }
        }

        return result;
    }
}

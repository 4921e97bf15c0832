using System.Text.Json;

namespace Anfragen.Assistant.Cli.Fakes;

/// <summary>Small archives of our own text for CLI tests, written as JSONL into a temporary directory.</summary>
public static class SampleCorpus
{
    private static readonly string[] RadwegQuestions = ["Wann wird der Radweg saniert?", "Welche Kosten entstehen?"];

    public static string Write(string directory, int extraDocuments = 0)
    {
        var lines = new List<object>
        {
            new { id = "25-10001", type = "Anfrage", title = "Radweg zwischen Hondelage und Waggum", date = "04.03.2025", committee = "Bauausschuss", visibility = "öffentlich", text = "Der Radweg ist in schlechtem Zustand. Daher fragen wir:\n1. Wann wird der Radweg saniert?\n2. Welche Kosten entstehen?", questions = RadwegQuestions },
            new { id = "25-10001-01", type = "Stellungnahme", title = "Radweg zwischen Hondelage und Waggum", date = "2025-04-01", committee = "Bauausschuss", visibility = "öffentlich", text = "Die Verwaltung nimmt wie folgt Stellung:\nZu Frage 1: Der Radweg wird im Herbst saniert.\nZu Frage 2: Die Sanierung kostet 120.000 Euro.", questions = Array.Empty<string>() },
            new { id = "24-20002", type = "Mitteilung", title = "Öffnung der Schulhöfe", date = "12.05.2024", committee = "Schulausschuss", visibility = "öffentlich", text = "Die Schulhöfe werden nachmittags als Spielflächen geöffnet.", questions = Array.Empty<string>() },
            new { id = "24-30003", type = "Mitteilung", title = "Grundstücksangelegenheit", date = "01.02.2024", committee = "Verwaltungsausschuss", visibility = "nichtöffentlich", text = "Vertraulich: Verkauf des Grundstücks am Kanal. KANARIENVOGEL-TEST-GRUNDSTUECK", questions = Array.Empty<string>() },
        };
        for (var i = 0; i < extraDocuments; i++)
        {
            lines.Add(new { id = $"23-{40000 + i}", type = "Mitteilung", title = $"Bericht {i} über Straßenbäume", date = "01.01.2023", committee = "", visibility = "öffentlich", text = $"Im Stadtbezirk {i} wurden Straßenbäume gepflanzt und Gehwege erneuert. Die Pflege übernimmt der Fachbereich Stadtgrün.\n\nAbsatz zwei des Berichts {i} beschreibt Kosten und Termine.", questions = Array.Empty<string>() });
        }

        var path = Path.Combine(directory, "corpus.jsonl");
        File.WriteAllLines(path, lines.Select(l => JsonSerializer.Serialize(l)));
        return path;
    }
}

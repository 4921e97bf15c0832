using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Inquiries;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Turns paths (files and directories, recursively) into <see cref="SourceDocument"/>s: JSONL corpus files line by
/// line, and .txt/.md/.html/.pdf/.docx through <see cref="DocumentTextReader"/> with metadata from the inquiry parser
/// (council page layout) or the file itself. A bad file or line becomes a <see cref="LoadedItem"/> with the reason;
/// loading goes on.
/// <para>
/// A document's id is its own: the JSONL "id", else its own Drucksache number in its header (see
/// <see cref="Inquiries.InquiryParser"/>), else the Drucksache number in the file name, else a slug of the file name;
/// never a number the paper merely cites. Its visibility is its own marker (JSONL "visibility", the Beratungsfolge
/// status Ö/N, "(öffentlich)" in the header, "nichtöffentlich" near the top), else the default the caller gives
/// (<c>ingest --visibility</c>, the upload's choice), which is nichtöffentlich unless stated otherwise.
/// </para>
/// </summary>
public sealed partial class DocumentLoader(DocumentTextReader reader, InquiryParser parser, IOptions<AssistantOptions> options)
{
    private static readonly IReadOnlyList<string> TextExtensions = DocumentTextReader.SupportedExtensions;

    public static bool IsSupported(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension == ".jsonl" || TextExtensions.Contains(extension);
    }

    /// <summary>Loads with nichtöffentlich for documents without a visibility marker of their own.</summary>
    public IAsyncEnumerable<LoadedItem> LoadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        LoadAsync(paths, Visibility.NonPublic, cancellationToken);

    /// <summary>Loads; <paramref name="defaultVisibility"/> is given to documents without a visibility marker of their own.</summary>
    public async IAsyncEnumerable<LoadedItem> LoadAsync(IReadOnlyList<string> paths, Visibility defaultVisibility, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Ordinal order so repeated runs process files identically (and a re-run after a kill resumes the same way).
                // Evaluation files ({"id","query","relevant"} or {"id","question","relevant"} lines) and README files often sit beside a corpus;
                // they describe the folder and are not council papers (a data README may even quote test canaries).
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsSupported)
                    .Where(f => !Path.GetFileNameWithoutExtension(f).Equals("README", StringComparison.OrdinalIgnoreCase) && !IsQueryFile(f))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    await foreach (var item in LoadFileAsync(file, defaultVisibility, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (!IsSupported(path))
                {
                    yield return LoadedItem.Failed(path, $"Dateityp {Path.GetExtension(path)} wird nicht unterstützt (erlaubt: .jsonl, {string.Join(", ", TextExtensions)})");
                    continue;
                }

                await foreach (var item in LoadFileAsync(path, defaultVisibility, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else
            {
                yield return LoadedItem.Failed(path, "Datei oder Verzeichnis nicht gefunden");
            }
        }
    }

    /// <summary>A JSONL file whose first object has "query", or "question" and "relevant", but neither "text" nor "page" (an evaluation set).</summary>
    internal static bool IsQueryFile(string path)
    {
        if (!string.Equals(Path.GetExtension(path), ".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            // An evaluation line is short: a first line longer than this makes the file a corpus, unread.
            using var file = File.OpenRead(path);
            var lines = new BoundedLineReader(file, 1024 * 1024);
            var first = lines.Read();
            while (first is { Text: { } blank } && string.IsNullOrWhiteSpace(blank))
            {
                first = lines.Read();
            }

            if (first is { Text: null })
            {
                return false;
            }

            using var json = JsonDocument.Parse(first?.Text ?? "{}");
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("query", out _) || (root.TryGetProperty("question", out _) && root.TryGetProperty("relevant", out _)))
                && !root.TryGetProperty("text", out _) && !root.TryGetProperty("page", out _);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async IAsyncEnumerable<LoadedItem> LoadFileAsync(string path, Visibility defaultVisibility, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.Equals(Path.GetExtension(path), ".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var item in LoadCorpusAsync(path, defaultVisibility, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        LoadedItem result;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.Value.MaxFileBytes)
            {
                throw new DocumentReadException(path, $"Datei ist zu groß ({length:N0} Bytes, erlaubt sind {options.Value.MaxFileBytes:N0})");
            }

            var extracted = await reader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            result = LoadedItem.Ok(FromFileText(path, extracted.Text, defaultVisibility)) with { Warnings = extracted.Warnings };
        }
        catch (DocumentReadException ex)
        {
            result = LoadedItem.Failed(path, ex.Problem);
        }
        catch (IOException ex)
        {
            result = LoadedItem.Failed(path, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            result = LoadedItem.Failed(path, ex.Message);
        }

        yield return result;
    }

    private async IAsyncEnumerable<LoadedItem> LoadCorpusAsync(string path, Visibility defaultVisibility, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream? file = null;
        string? openError = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            openError = ex.Message;
        }

        if (file is null)
        {
            yield return LoadedItem.Failed(path, openError ?? "kann nicht gelesen werden");
            yield break;
        }

        // Lines are read with a cap: a line over it is reported by file:line and skipped without being held in memory.
        var maxLineBytes = options.Value.Ingestion.MaxJsonLineBytes;
        var inquiryTitles = await ReadTitlesAsync(path, maxLineBytes, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            var objects = 0;
            await foreach (var line in BoundedLineReader.ReadLinesAsync(file, maxLineBytes, cancellationToken).ConfigureAwait(false))
            {
                var source = $"{path}:{line.Number}";
                if (line.Text is null)
                {
                    objects++;
                    yield return LoadedItem.Failed(source, LimitExceeded.Line(source, maxLineBytes).Problem);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(line.Text))
                {
                    continue;
                }

                objects++;

                LoadedItem item;
                try
                {
                    item = LoadedItem.Ok(FromCorpusLine(line.Text, source, inquiryTitles, defaultVisibility));
                }
                catch (JsonException ex)
                {
                    item = LoadedItem.Failed(source, $"ungültiges JSON ({ex.Message})");
                }
                catch (DocumentReadException ex)
                {
                    item = LoadedItem.Failed(source, ex.Problem);
                }

                yield return line.InvalidUtf8 && item.Document is not null
                    ? item with { Warnings = ["enthält Bytes, die kein UTF-8 sind; sie wurden durch „\uFFFD“ ersetzt – bitte die Zeile prüfen"] }
                    : item;
            }

            // The same problem as an empty .txt, reported the same way (exit code 2 in the CLI).
            if (objects == 0)
            {
                yield return LoadedItem.Failed(path, "ist leer (keine JSON-Zeilen)");
            }
        }
    }

    /// <summary>The titles given in a corpus file, by id: a first pass so an untitled answer can take its inquiry's title wherever it stands.</summary>
    private static async Task<Dictionary<string, string>> ReadTitlesAsync(string path, int maxLineBytes, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await foreach (var line in BoundedLineReader.ReadLinesAsync(file, maxLineBytes, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(line.Text))
                {
                    continue;
                }

                try
                {
                    using var json = JsonDocument.Parse(line.Text);
                    if (json.RootElement.ValueKind == JsonValueKind.Object && Field(json.RootElement, "id") is { Length: > 0 } id && Field(json.RootElement, "title") is { Length: > 0 } title)
                    {
                        titles.TryAdd(id, title);
                    }
                }
                catch (JsonException)
                {
                    // Reported with its line number by the main pass.
                }
            }
        }

        return titles;
    }

    /// <summary>
    /// One corpus line: id, type, title, date, committee, visibility, url, text, page, questions; extra fields ignored,
    /// empty or null ones filled from the page text. A field of the wrong JSON type (a number for "text", a list for
    /// "type") or an unknown visibility ("vertraulich", false, a typo) refuses the line, naming the field: nothing is
    /// guessed about a paper's confidentiality.
    /// </summary>
    internal SourceDocument FromCorpusLine(string line, string source, IReadOnlyDictionary<string, string>? inquiryTitles = null, Visibility defaultVisibility = Visibility.NonPublic)
    {
        using var json = JsonDocument.Parse(line);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentReadException(source, "Zeile ist kein JSON-Objekt");
        }

        var root = json.RootElement;
        var fields = new CorpusFields(root);
        var text = fields.Text("text");
        var page = fields.Text("page");
        var id = fields.Text("id");
        var typeField = fields.Text("type");
        var visibilityField = fields.Text("visibility");
        var title = fields.Text("title");
        var committee = fields.Text("committee");
        var date = fields.Text("date");
        var url = fields.Text("url");
        var questions = fields.TextList("questions");
        Visibility? visibility = null;
        if (visibilityField.Length > 0)
        {
            visibility = DocumentVocabulary.TryParseVisibility(visibilityField);
            if (visibility is null)
            {
                fields.Problem($"Feld „visibility“: unbekannter Wert „{visibilityField}“ (erlaubt: „öffentlich“ oder „nichtöffentlich“)");
            }
        }

        fields.ThrowIfInvalid(source);

        var pageInquiry = page.Length > 0 ? parser.ParseLenient(page) : null;
        if (text.Length == 0)
        {
            text = page;
        }

        if (text.Trim().Length == 0)
        {
            throw new DocumentReadException(source, "Feld „text“ ist leer");
        }

        // Empty metadata fields are filled from the page, else from the letter head in the text ("Datum: 01.03.2023").
        var parsed = new Lazy<Inquiries.Inquiry>(() => pageInquiry ?? parser.ParseLenient(text));

        if (id.Length == 0)
        {
            id = pageInquiry?.Id ?? throw new DocumentReadException(source, "Feld „id“ fehlt");
        }

        var type = typeField.Length > 0 ? DocumentVocabulary.ParseType(typeField) : GuessType(text, page.Length > 0 ? page : text);
        if (type == DocumentType.Anfrage && questions.Count == 0)
        {
            questions = parser.ParseLenient(text).Questions.Select(x => x.Text).ToList();
        }

        if (title.Length == 0)
        {
            // An untitled answer ("Zur Anfrage … wird wie folgt Stellung genommen:") is best named by its inquiry.
            title = pageInquiry?.Subject
                ?? (type == DocumentType.Stellungnahme && inquiryTitles is not null && AnswerIds.InquiryOf(id) is { } answered
                    && inquiryTitles.TryGetValue(answered, out var inquiryTitle) ? inquiryTitle : null)
                ?? FirstLine(text);
        }

        return new SourceDocument
        {
            Id = DocumentId(id),
            Type = type,
            Title = title,
            Date = DocumentVocabulary.ParseDate(date) ?? parsed.Value.Date,
            Committee = committee.Length > 0 ? committee : parsed.Value.Committee,
            Visibility = visibility ?? parsed.Value.Visibility ?? defaultVisibility,
            Url = NullIfEmpty(url),
            Text = text,
            Questions = questions,
            Source = source,
        };
    }

    /// <summary>A single file: the parser reads council page text and inquiry layout; the rest is guessed from the text and the file name.</summary>
    internal SourceDocument FromFileText(string path, string text, Visibility defaultVisibility = Visibility.NonPublic)
    {
        var inquiry = parser.ParseLenient(text);
        var fileName = Path.GetFileNameWithoutExtension(path);
        var type = GuessType(text, text);
        if (type == DocumentType.Other && inquiry.Questions.Count > 0 && LeadIn().IsMatch(text))
        {
            type = DocumentType.Anfrage;
        }

        // Its own number (header, number field, letterhead), else the file's name; a number it only cites never.
        var id = inquiry.Id
            ?? MatchOrNull(Drucksache().Match(fileName))
            ?? Slug(fileName);
        return new SourceDocument
        {
            Id = DocumentId(id),
            Type = type,
            Title = NullIfEmpty(inquiry.Subject) ?? FirstLine(text),
            Date = inquiry.Date ?? FirstDate(Head(text, 600)),
            Committee = inquiry.Committee,
            Visibility = inquiry.Visibility ?? (NonPublicMark().IsMatch(Head(text, 1000)) ? Visibility.NonPublic : defaultVisibility),
            Text = text,
            Questions = type == DocumentType.Anfrage ? inquiry.Questions.Select(x => x.Text).ToList() : [],
            Source = path,
        };
    }

    /// <summary>Guesses the paper type from its opening (page header first, then typical phrases).</summary>
    internal static DocumentType GuessType(string text, string header)
    {
        var head = Head(header, 800);
        var named = HeaderType().Match(head);
        if (named.Success)
        {
            return DocumentVocabulary.ParseType(named.Groups["t"].Value);
        }

        if (AnswerPhrase().IsMatch(text))
        {
            return DocumentType.Stellungnahme;
        }

        if (MitteilungPhrase().IsMatch(head))
        {
            return DocumentType.Mitteilung;
        }

        if (LeadIn().IsMatch(text))
        {
            return DocumentType.Anfrage;
        }

        return AntragPhrase().IsMatch(head) ? DocumentType.Antrag : DocumentType.Other;
    }

    internal static string Slug(string fileName)
    {
        var folded = fileName.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        var slug = NonSlug().Replace(folded, "-").Trim('-');
        return slug.Length == 0 ? "dokument" : slug;
    }

    private static string DocumentId(string id) => id.Trim();

    private static string Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : string.Empty;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? MatchOrNull(Match match) => match.Success ? match.Value : null;

    private static string Head(string text, int length) => text.Length <= length ? text : text[..length];

    private static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim().TrimStart('#').Trim();
            if (trimmed.Length > 0)
            {
                // A first "line" can be a whole paragraph: keep its first sentence, at most 120 characters.
                var sentenceEnd = FirstSentenceEnd(trimmed);
                if (sentenceEnd > 20)
                {
                    trimmed = trimmed[..sentenceEnd];
                }

                return trimmed.Length <= 120 ? trimmed : trimmed[..120].TrimEnd() + "…";
            }
        }

        return string.Empty;
    }

    // The end of the first sentence: a stop followed by a space and a capital (or the end), not the dot of a date
    // ("am 31.5."), a number or an abbreviation ("z. B.", "Nr.", "Ds.").
    private static int FirstSentenceEnd(string text)
    {
        foreach (Match stop in SentenceStop().Matches(text))
        {
            var at = stop.Index;
            var before = text[..at];
            var lastWord = before[(before.LastIndexOfAny([' ', '(', '\t']) + 1)..];
            var next = text[(at + 1)..].TrimStart();
            if (text[at] == '.' && (lastWord.Length <= 1 || char.IsAsciiDigit(lastWord[^1]) || lastWord.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(lastWord)))
            {
                continue;
            }

            if (next.Length == 0 || char.IsUpper(next[0]) || next[0] is '„' or '"')
            {
                return at;
            }
        }

        return -1;
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase) { "bzw", "ggf", "vgl", "inkl", "insb", "Prof", "Dr", "Abs", "Tel", "Str", "Nr", "Ds", "ca", "usw", "ff", "St", "Hr", "Fr", "gem", "lt", "evtl" };

    [GeneratedRegex(@"[.?!;](?=\s|$)")]
    private static partial Regex SentenceStop();

    private static DateOnly? FirstDate(string text)
    {
        var match = GermanDate().Match(text);
        return match.Success && DateOnly.TryParseExact(match.Value, ["d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    // A Drucksache number in a file name ("23-10590-01_stellungnahme.txt", "Anfrage 24-11888.pdf"); "_" and "-" may
    // touch it, other digits may not.
    [GeneratedRegex(@"(?<![\d])\d{2}-\d{5}(?:-\d{2}){0,2}(?!\d|-\d)")]
    private static partial Regex Drucksache();

    [GeneratedRegex(@"^\s*(?<t>Anfrage|Stellungnahme|Mitteilung|Antrag|Beschlussvorlage|Vorlage)\s*(?:\([^)]*\))?\s*-\s*[\d/-]+", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderType();

    [GeneratedRegex(@"Stellungnahme der Verwaltung|^\s*Zu Frage\s+\d|^\s*Zu\s+\d+\s*[.:]|nimmt\s.{0,80}wie folgt Stellung|beantwortet\s.{0,60}wie folgt", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPhrase();

    [GeneratedRegex(@"^\s*Mitteilung\b|Mitteilung der Verwaltung", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MitteilungPhrase();

    [GeneratedRegex(@"^\s*(?:Dringlichkeits|Änderungs)?antrag\b|\bbeantragt\b|Beschlussvorschlag", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex AntragPhrase();

    [GeneratedRegex(@"(?:fragen?\s+(?:wir|ich)|bitten?\s+(?:wir|ich)\s.{0,60}(?:Beantwortung|beantworten)|Wir fragen|Ich frage)[^\n]{0,120}[:\n]", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"nicht\s?öffentlich|nichtoeffentlich|Status:\s*N\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonPublicMark();

    [GeneratedRegex(@"\b\d{1,2}\.\d{1,2}\.\d{4}\b")]
    private static partial Regex GermanDate();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

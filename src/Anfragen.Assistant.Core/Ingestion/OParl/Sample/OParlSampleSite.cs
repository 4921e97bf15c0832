using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace Anfragen.Assistant.Ingestion.OParl.Sample;

/// <summary>
/// An OParl 1.1 council information system held in memory — one System with one Body ("Stadt Lindenau" by default) —
/// answering GET paths as the specification says: external lists paginated with <c>links.next</c> (filters kept on
/// every page), <c>modified_since</c> listing deleted papers too (and only then), embedded files and consultations,
/// organizations and meetings as objects of their own, files under accessUrl and (as an attachment) downloadUrl. It
/// serves the demo (<c>anfragen sample-oparl</c>), the measurements and the tests; hosts put it behind HTTP.
/// Thread-safe: changes and answers are serialised by one lock.
/// </summary>
public sealed class OParlSampleSite(Uri baseUrl, TimeProvider time)
{
    private const string Schema = "https://schema.oparl.org/1.1/";
    private readonly Lock _lock = new();
    private readonly List<SamplePaper> _papers = [];
    private readonly Dictionary<string, int> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), int> _meetings = [];
    private int _fileNumbers;

    /// <summary>Ends with "/"; the System object is at <see cref="SystemUrl"/>.</summary>
    public Uri BaseUrl { get; } = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public string SystemUrl => Url("system");

    public string BodyUrl => Url("body/1");

    public string BodyName { get; set; } = "Stadt Lindenau";

    /// <summary>The most papers per list page, whatever <c>limit</c> a client asks for.</summary>
    public int MaxPageSize { get; set; } = 25;

    public int PaperCount
    {
        get
        {
            lock (_lock)
            {
                return _papers.Count;
            }
        }
    }

    public string PaperUrl(int number) => Url($"paper/{number}");

    public SamplePaper AddPaper(string? reference, string name, string? paperType, DateOnly? date, params SampleFile[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var paper = new SamplePaper { Number = _papers.Count + 1, Reference = reference, Name = name, PaperType = paperType, Date = date, Created = now, Modified = now };
            foreach (var file in files)
            {
                file.Modified = now;
            }

            paper.MainFile = files.Length > 0 ? files[0] : null;
            paper.AuxiliaryFiles.AddRange(files.Skip(1));
            _papers.Add(paper);
            return paper;
        }
    }

    /// <summary>A file for <see cref="AddPaper"/>; its size is announced unless told otherwise.</summary>
    public SampleFile File(string name, string fileName, string mimeType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SampleFile { Number = Interlocked.Increment(ref _fileNumbers), Name = name, FileName = fileName, MimeType = mimeType, Content = content, AnnouncedSize = content.Length };
    }

    public SampleFile TextFile(string name, string text) => File(name, DocumentLoader.Slug(name) + ".txt", "text/plain", Encoding.UTF8.GetBytes(text));

    /// <summary>Changes a paper (and stamps it and, with <paramref name="filesChanged"/>, its files as modified now).</summary>
    public void Change(SamplePaper paper, Action<SamplePaper> change, bool filesChanged = false)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change(paper);
            paper.Modified = time.GetUtcNow();
            if (filesChanged)
            {
                foreach (var file in Files(paper))
                {
                    file.Modified = paper.Modified;
                }
            }
        }
    }

    /// <summary>Soft-deletes a paper as OParl demands: it stays listed (with modified_since) with deleted: true.</summary>
    public void Delete(SamplePaper paper) => Change(paper, p => p.Deleted = true);

    /// <summary>The answer to a GET of <paramref name="pathAndQuery"/> (relative to the host), or null for an unknown path (404).</summary>
    public OParlSiteResponse? Respond(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = (query >= 0 ? pathAndQuery[..query] : pathAndQuery).TrimEnd('/');
        var parameters = HttpUtility.ParseQueryString(query >= 0 ? pathAndQuery[(query + 1)..] : string.Empty);
        var root = BaseUrl.AbsolutePath.TrimEnd('/');
        if (!path.StartsWith(root + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[(root.Length + 1)..].Split('/');
        lock (_lock)
        {
            return parts switch
            {
                ["system"] => Json(SystemObject()),
                ["bodies"] => Json(Page([BodyObject()], Url("bodies"), null, null, 1)),
                ["body", "1"] => Json(BodyObject()),
                ["body", "1", "papers"] => PaperList(parameters),
                ["paper", var n] when Find(n) is { } paper => Json(PaperObject(paper)),
                ["organization", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var number) && _organizations.FirstOrDefault(o => o.Value == number) is { Key: not null } org => Json(new JsonObject
                {
                    ["id"] = Url($"organization/{number}"), ["type"] = Schema + "Organization", ["body"] = BodyUrl, ["name"] = org.Key, ["created"] = Stamp(DateTimeOffset.UnixEpoch), ["modified"] = Stamp(DateTimeOffset.UnixEpoch),
                }),
                ["meeting", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var number) && _meetings.FirstOrDefault(m => m.Value == number) is { Value: > 0 } meeting => Json(new JsonObject
                {
                    ["id"] = Url($"meeting/{number}"), ["type"] = Schema + "Meeting", ["name"] = $"Sitzung {meeting.Key.Item1}",
                    ["start"] = meeting.Key.Item2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T17:00:00+01:00",
                    ["organization"] = new JsonArray(Url($"organization/{Organization(meeting.Key.Item1)}")), ["created"] = Stamp(DateTimeOffset.UnixEpoch), ["modified"] = Stamp(DateTimeOffset.UnixEpoch),
                }),
                ["file", var n, "access"] when FindFile(n) is { } file => new OParlSiteResponse(200, file.MimeType, file.Content, null),
                ["file", var n, "download"] when FindFile(n) is { } file => new OParlSiteResponse(200, file.MimeType, file.Content, $"attachment; filename=\"{file.FileName}\""),
                ["file", var n] when FindFile(n) is { } file => Json(FileObject(file)),
                _ => null,
            };
        }
    }

    private OParlSiteResponse PaperList(System.Collections.Specialized.NameValueCollection parameters)
    {
        DateTimeOffset? since = DateTimeOffset.TryParse(parameters["modified_since"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
        if (parameters["modified_since"] is { Length: > 0 } && since is null)
        {
            return new OParlSiteResponse(400, "application/json", Encoding.UTF8.GetBytes("""{"type":"https://schema.oparl.org/1.1/Error","message":"modified_since ist kein date-time"}"""), null);
        }

        var limit = Math.Clamp(int.TryParse(parameters["limit"], CultureInfo.InvariantCulture, out var l) ? l : MaxPageSize, 1, MaxPageSize);
        var page = Math.Max(1, int.TryParse(parameters["page"], CultureInfo.InvariantCulture, out var p) ? p : 1);

        // Deleted papers are listed only when a client asks what changed (OParl 1.1, "Filter").
        var listed = _papers.Where(x => since is null ? !x.Deleted : x.Modified >= since).OrderBy(x => x.Number).ToList();
        var items = listed.Skip((page - 1) * limit).Take(limit).Select(x => (JsonNode)PaperObject(x)).ToList();
        var filters = new List<(string, string?)> { ("modified_since", parameters["modified_since"]), ("limit", limit.ToString(CultureInfo.InvariantCulture)) };
        var next = page * limit < listed.Count ? OParlClient.WithQuery(Url("body/1/papers"), [.. filters, ("page", (page + 1).ToString(CultureInfo.InvariantCulture))]) : null;
        return Json(Page(items, OParlClient.WithQuery(Url("body/1/papers"), [.. filters, ("page", page.ToString(CultureInfo.InvariantCulture))]), next, listed.Count, page, limit));
    }

    private static JsonObject Page(List<JsonNode> data, string self, string? next, int? total, int page, int? perPage = null)
    {
        var links = new JsonObject { ["self"] = self };
        if (next is not null)
        {
            links["next"] = next;
        }

        var pagination = new JsonObject { ["currentPage"] = page };
        if (total is not null)
        {
            pagination["totalElements"] = total;
            pagination["elementsPerPage"] = perPage;
            pagination["totalPages"] = perPage is > 0 ? Math.Max(1, (total.Value + perPage.Value - 1) / perPage.Value) : 1;
        }

        return new JsonObject { ["data"] = new JsonArray([.. data]), ["pagination"] = pagination, ["links"] = links };
    }

    private JsonObject SystemObject() => new()
    {
        ["id"] = SystemUrl, ["type"] = Schema + "System", ["oparlVersion"] = "https://schema.oparl.org/1.1/", ["name"] = $"Ratsinformationssystem {BodyName} (Beispiel)",
        ["body"] = Url("bodies"), ["created"] = Stamp(DateTimeOffset.UnixEpoch), ["modified"] = Stamp(DateTimeOffset.UnixEpoch),
    };

    private JsonObject BodyObject() => new()
    {
        ["id"] = BodyUrl, ["type"] = Schema + "Body", ["system"] = SystemUrl, ["name"] = BodyName, ["shortName"] = BodyName.Replace("Stadt ", string.Empty, StringComparison.Ordinal),
        ["organization"] = Url("body/1/organizations"), ["person"] = Url("body/1/people"), ["meeting"] = Url("body/1/meetings"), ["paper"] = Url("body/1/papers"),
        ["legislativeTerm"] = new JsonArray(), ["created"] = Stamp(DateTimeOffset.UnixEpoch), ["modified"] = Stamp(DateTimeOffset.UnixEpoch),
    };

    private JsonObject PaperObject(SamplePaper paper)
    {
        var json = new JsonObject { ["id"] = PaperUrl(paper.Number), ["type"] = Schema + "Paper", ["created"] = Stamp(paper.Created), ["modified"] = Stamp(paper.Modified) };
        if (paper.Deleted)
        {
            json["deleted"] = true;
            return json;
        }

        json["body"] = BodyUrl;
        json["name"] = paper.Name;
        if (paper.Reference is not null)
        {
            json["reference"] = paper.Reference;
        }

        if (paper.Date is { } date)
        {
            json["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (paper.PaperType is not null)
        {
            json["paperType"] = paper.PaperType;
        }

        AddPapers(json, "relatedPaper", paper.RelatedPapers);
        AddPapers(json, "superordinatedPaper", paper.SuperordinatedPapers);
        AddPapers(json, "subordinatedPaper", paper.SubordinatedPapers);
        if (paper.MainFile is { } main)
        {
            json["mainFile"] = FileObject(main);
        }

        if (paper.AuxiliaryFiles.Count > 0)
        {
            json["auxiliaryFile"] = new JsonArray([.. paper.AuxiliaryFiles.Select(f => (JsonNode)FileObject(f))]);
        }

        if (paper.Consultations.Count > 0)
        {
            json["consultation"] = new JsonArray([.. paper.Consultations.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = Url($"consultation/{paper.Number}-{i + 1}"), ["type"] = Schema + "Consultation", ["paper"] = PaperUrl(paper.Number),
                ["meeting"] = Url($"meeting/{Meeting(c.Committee, c.SessionDate)}"), ["organization"] = new JsonArray(Url($"organization/{Organization(c.Committee)}")),
                ["role"] = c.Role, ["authoritative"] = c.Authoritative, ["created"] = Stamp(paper.Created), ["modified"] = Stamp(paper.Modified),
            })]);
        }

        json["web"] = Url($"web/vorgang/{paper.Number}");
        return json;
    }

    private JsonObject FileObject(SampleFile file)
    {
        var json = new JsonObject
        {
            ["id"] = Url($"file/{file.Number}"), ["type"] = Schema + "File", ["name"] = file.Name, ["fileName"] = file.FileName, ["mimeType"] = file.MimeType,
            ["accessUrl"] = Url($"file/{file.Number}/access"), ["downloadUrl"] = Url($"file/{file.Number}/download"),
            ["created"] = Stamp(file.Modified), ["modified"] = Stamp(file.Modified),
        };
        if (file.AnnouncedSize is { } size)
        {
            json["size"] = size;
        }

        if (file.Text is not null)
        {
            json["text"] = file.Text;
        }

        return json;
    }

    private void AddPapers(JsonObject json, string name, List<int> numbers)
    {
        if (numbers.Count > 0)
        {
            json[name] = new JsonArray([.. numbers.Select(n => (JsonNode)PaperUrl(n))]);
        }
    }

    private int Organization(string name) => _organizations.TryGetValue(name, out var n) ? n : _organizations[name] = _organizations.Count + 1;

    private int Meeting(string committee, DateOnly date)
    {
        Organization(committee);
        return _meetings.TryGetValue((committee, date), out var n) ? n : _meetings[(committee, date)] = _meetings.Count + 1;
    }

    private SamplePaper? Find(string number) =>
        int.TryParse(number, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= _papers.Count ? _papers[n - 1] : null;

    private SampleFile? FindFile(string number) =>
        int.TryParse(number, CultureInfo.InvariantCulture, out var n) ? _papers.Where(p => !p.Deleted).SelectMany(Files).FirstOrDefault(f => f.Number == n) : null;

    private static IEnumerable<SampleFile> Files(SamplePaper paper) => paper.MainFile is null ? paper.AuxiliaryFiles : [paper.MainFile, .. paper.AuxiliaryFiles];

    private string Url(string relative) => BaseUrl.AbsoluteUri + relative;

    private static string Stamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static OParlSiteResponse Json(JsonNode node) => new(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(node.ToJsonString()), null);
}

/// <summary>An answer of the sample site: status, content type, body and (for downloads) the Content-Disposition header.</summary>
public sealed record OParlSiteResponse(int Status, string ContentType, byte[] Body, string? ContentDisposition);

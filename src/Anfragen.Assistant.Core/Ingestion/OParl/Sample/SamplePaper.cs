namespace Anfragen.Assistant.Ingestion.OParl.Sample;

/// <summary>A paper of an <see cref="OParlSampleSite"/>; change it only through the site (which stamps <c>modified</c>).</summary>
public sealed class SamplePaper
{
    public required int Number { get; init; }
    public string? Reference { get; set; }
    public required string Name { get; set; }
    public string? PaperType { get; set; }
    public DateOnly? Date { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Modified { get; set; }
    public bool Deleted { get; set; }
    public SampleFile? MainFile { get; set; }
    public List<SampleFile> AuxiliaryFiles { get; } = [];
    public List<SampleConsultation> Consultations { get; } = [];
    public List<int> RelatedPapers { get; } = [];
    public List<int> SuperordinatedPapers { get; } = [];
    public List<int> SubordinatedPapers { get; } = [];
}

/// <summary>A file of a sample paper: its bytes as served, the mimeType announced, and optionally a size announced otherwise.</summary>
public sealed class SampleFile
{
    public required int Number { get; init; }
    public required string Name { get; set; }
    public required string FileName { get; set; }
    public required string MimeType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset Modified { get; set; }

    /// <summary>The size given in the File object; null announces none (the server then only streams).</summary>
    public long? AnnouncedSize { get; set; }

    /// <summary>The text the server extracted (OParl File.text), if it offers one.</summary>
    public string? Text { get; set; }
}

/// <summary>A consultation: which committee (by name) in which meeting (by date), with the role.</summary>
public sealed record SampleConsultation(string Committee, DateOnly SessionDate, string Role, bool Authoritative);

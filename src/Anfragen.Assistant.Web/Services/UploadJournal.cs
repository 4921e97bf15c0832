using System.Text.Json;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// The journal of one upload, <c>uploads/{stamp}.json</c> beside its folder <c>uploads/{stamp}/</c>. Written atomically
/// (temporary file, then rename), so a crash leaves either the old or the new state, never half a file.
/// </summary>
public sealed class UploadJournal(string uploadsDirectory, string stamp)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder { get; } = System.IO.Path.Combine(uploadsDirectory, stamp);

    public string Path { get; } = System.IO.Path.Combine(uploadsDirectory, stamp + ".json");

    /// <summary>Journals still marked running, oldest first; unreadable ones are skipped (they cannot be resumed anyway).</summary>
    public static IEnumerable<(UploadJournal Journal, UploadJob Job)> FindRunning(string uploadsDirectory)
    {
        if (!Directory.Exists(uploadsDirectory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(uploadsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var journal = new UploadJournal(uploadsDirectory, System.IO.Path.GetFileNameWithoutExtension(file));
            var job = journal.TryRead();
            if (job is { State: UploadJob.Running })
            {
                yield return (journal, job);
            }
        }
    }

    public async Task<UploadJob?> ReadAsync()
    {
        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync<UploadJob>(stream, Json).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task WriteAsync(UploadJob job, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(job, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, Path, overwrite: true);
    }

    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }

    private UploadJob? TryRead()
    {
        try
        {
            return JsonSerializer.Deserialize<UploadJob>(File.ReadAllBytes(Path), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

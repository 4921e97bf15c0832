using System.Text;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Turns the file name a client sent with an upload into one that is safe to create inside the upload folder on
/// every file system: only the last path segment, no control or reserved characters, no name made of dots only
/// ("..", "."), and at most <see cref="MaxBytes"/> bytes (Linux allows 255 per name; longer names are shortened and keep
/// their extension, which decides the reader).
/// </summary>
public static class UploadFileName
{
    public const int MaxBytes = 150;

    private const int MaxExtensionLength = 16;
    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>The safe name, or null when nothing usable is left (the upload is then refused, naming the file).</summary>
    public static string? MakeSafe(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        var normalized = fileName.Replace('\\', '/');
        var lastSegment = normalized[(normalized.LastIndexOf('/') + 1)..];
        var cleaned = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment)
        {
            if (!char.IsControl(c) && !Reserved.Contains(c, StringComparison.Ordinal))
            {
                cleaned.Append(c);
            }
        }

        // Windows drops trailing dots and spaces, so "a.txt." and "a.txt" would be the same file there.
        var name = cleaned.ToString().Trim().TrimEnd('.', ' ');
        return name.Length == 0 ? null : Shorten(name);
    }

    /// <summary>"bericht.pdf", then "bericht (2).pdf" for a second file of the same name in one upload.</summary>
    public static string Unique(string name, ICollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = name;
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length];
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = Shorten($"{stem} ({n}){extension}");
        }

        return candidate;
    }

    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = string.Empty;
        }

        var budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var stem = new StringBuilder();
        var bytes = 0;
        foreach (var rune in name[..^extension.Length].EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > budget)
            {
                break;
            }

            stem.Append(rune.ToString());
        }

        return stem.ToString().TrimEnd('.', ' ') + extension;
    }
}

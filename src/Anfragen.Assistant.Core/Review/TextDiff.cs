using DiffPlex;
using DiffPlex.Chunkers;

namespace Anfragen.Assistant.Review;

/// <summary>
/// A word-level comparison of two answer texts (DiffPlex): the new text as runs of kept, inserted and deleted words, for
/// "what changed since the version I saw" and the comparison of any two versions. Plain data; the page renders it encoded.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Compare(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffKind.Same, result.PiecesNew, b, block.InsertStartB - b);
            a = block.DeleteStartA;
            Add(segments, DiffKind.Deleted, result.PiecesOld, a, block.DeleteCountA);
            Add(segments, DiffKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a += block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        Add(segments, DiffKind.Same, result.PiecesNew, b, result.PiecesNew.Count - b);
        return segments;
    }

    /// <summary>Whether anything but white space differs.</summary>
    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) =>
        segments.Any(s => s.Kind != DiffKind.Same && !string.IsNullOrWhiteSpace(s.Text));

    private static void Add(List<DiffSegment> segments, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}

public enum DiffKind
{
    Same = 0,
    Inserted,
    Deleted,
}

/// <summary>A run of text that is unchanged, new, or gone.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

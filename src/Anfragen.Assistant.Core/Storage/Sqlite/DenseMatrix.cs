using System.Numerics.Tensors;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// An immutable in-memory copy of every chunk vector (row-major, unit length) with the metadata filters need,
/// taken at one index generation. Exact search: one dot product per allowed row, top-k by a bounded heap.
/// 100k chunks × 384 floats is 150 MB and about 10–20 ms per query on one core.
/// </summary>
internal sealed class DenseMatrix
{
    private readonly float[] _vectors;
    private readonly long[] _rowIds;
    private readonly int[] _documentOfRow;
    private readonly Chunk[] _documentTemplates;

    public DenseMatrix(long generation, int dimensions, float[] vectors, long[] rowIds, int[] documentOfRow, Chunk[] documentTemplates)
    {
        Generation = generation;
        Dimensions = dimensions;
        _vectors = vectors;
        _rowIds = rowIds;
        _documentOfRow = documentOfRow;
        _documentTemplates = documentTemplates;
    }

    public long Generation { get; }

    public int Dimensions { get; }

    public int Count => _rowIds.Length;

    /// <summary>Row ids and scores of the best <paramref name="top"/> rows the filter allows, best first.</summary>
    public IReadOnlyList<(long RowId, double Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int top)
    {
        // The filter is decided once per document (chunks carry their document's metadata), with the same
        // SearchFilter.Allows the other code paths use, then applied to every row before it is scored.
        var allowed = new bool[_documentTemplates.Length];
        for (var d = 0; d < allowed.Length; d++)
        {
            allowed[d] = filter.Allows(_documentTemplates[d]);
        }

        var heap = new PriorityQueue<int, float>(top + 1);
        for (var row = 0; row < _rowIds.Length; row++)
        {
            if (!allowed[_documentOfRow[row]])
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, _vectors.AsSpan(row * Dimensions, Dimensions));
            if (heap.Count < top)
            {
                heap.Enqueue(row, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(row, score);
            }
        }

        var result = new (long RowId, double Score)[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var score);
            result[i] = (_rowIds[row], score);
        }

        return result;
    }

    /// <summary>A chunk-shaped carrier of one document's metadata, so filters use <see cref="SearchFilter.Allows"/> unchanged.</summary>
    public static Chunk Template(string documentId, DocumentType type, DateOnly? date, string? committee, Visibility visibility) => new()
    {
        ChunkId = documentId,
        DocumentId = documentId,
        Ordinal = 0,
        DocumentType = type,
        Title = string.Empty,
        Date = date,
        Committee = committee,
        Visibility = visibility,
        Text = string.Empty,
    };
}

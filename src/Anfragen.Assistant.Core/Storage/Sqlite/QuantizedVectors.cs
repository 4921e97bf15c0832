using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// Every chunk vector of the embedded index in memory as int8 (one scale per row: code = round(x / max|x| · 127)), a
/// quarter of float32: 1M chunks × 384 dimensions is 384 MB instead of 1.5 GB. Searched exhaustively by integer dot
/// products (AVX2 where available), the filter applied to every row before it is scored; the caller rescores the
/// candidates with the exact float32 vectors. Rows live in fixed-size segments, so the matrix grows without copying.
/// <para>
/// One writer (the index's write gate), many readers without locks: a writer appends rows beyond the published count
/// and then publishes it; removing a document marks its rows deleted (rowid −1); <see cref="Compact"/> builds a new
/// matrix without deleted rows once they make up a quarter of it.
/// </para>
/// </summary>
internal sealed class QuantizedVectors
{
    private const int SegmentRows = 16_384;
    private const byte PublicRow = 1;
    private const byte NonPublicRow = 0;

    // Below this many rows one core scans faster than two can be started.
    private const int ParallelRows = 65_536;

    private readonly Dictionary<string, (int Document, int[] Rows)> _byDocument = new(StringComparer.Ordinal);
    private Segment[] _segments = [];
    private Chunk[] _documents = new Chunk[1024];
    private int _documentCount;
    private int _count;
    private int _deleted;

    public QuantizedVectors(int dimensions, long generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        Generation = generation;
    }

    public int Dimensions { get; }

    /// <summary>The index generation these rows reflect.</summary>
    public long Generation { get; set; }

    public int LiveRows => Volatile.Read(ref _count) - _deleted;

    public int DeletedRows => _deleted;

    public long MemoryBytes => (long)_segments.Length * SegmentRows * (Dimensions + sizeof(float) + sizeof(long) + sizeof(int) + 1);

    /// <summary>Adds (or replaces) one document's rows. Writer only.</summary>
    public void Replace(string documentId, Chunk metadata, IReadOnlyList<(long RowId, float[] Vector)> rows)
    {
        Remove(documentId);
        if (rows.Count == 0)
        {
            return;
        }

        var document = AddDocument(metadata);
        var slots = new int[rows.Count];
        var at = _count;
        for (var i = 0; i < rows.Count; i++)
        {
            var slot = at + i;
            var segment = SegmentFor(slot);
            var offset = slot % SegmentRows;
            Quantize(rows[i].Vector, segment.Codes.AsSpan(offset * Dimensions, Dimensions), out segment.Scales[offset]);
            segment.Documents[offset] = document;
            segment.Visibility[offset] = metadata.Visibility == Visibility.Public ? PublicRow : NonPublicRow;
            segment.RowIds[offset] = rows[i].RowId;
            slots[i] = slot;
        }

        _byDocument[SearchFilter.FoldId(documentId)] = (document, slots);
        Volatile.Write(ref _count, at + rows.Count);
    }

    /// <summary>Marks a document's rows deleted; returns whether it had any. Writer only.</summary>
    public bool Remove(string documentId)
    {
        if (!_byDocument.Remove(SearchFilter.FoldId(documentId), out var entry))
        {
            return false;
        }

        foreach (var slot in entry.Rows)
        {
            Volatile.Write(ref _segments[slot / SegmentRows].RowIds[slot % SegmentRows], -1L);
        }

        _deleted += entry.Rows.Length;
        return true;
    }

    /// <summary>Whether deleted rows make up enough of the matrix that <see cref="Compact"/> pays.</summary>
    public bool ShouldCompact => _deleted > 4096 && _deleted * 4 > Volatile.Read(ref _count);

    /// <summary>A new matrix holding only the live rows (the caller publishes it in place of this one). Writer only.</summary>
    public QuantizedVectors Compact()
    {
        var compacted = new QuantizedVectors(Dimensions, Generation);
        foreach (var (key, entry) in _byDocument)
        {
            var document = compacted.AddDocument(_documents[entry.Document]);
            var slots = new int[entry.Rows.Length];
            for (var i = 0; i < entry.Rows.Length; i++)
            {
                var from = _segments[entry.Rows[i] / SegmentRows];
                var fromOffset = entry.Rows[i] % SegmentRows;
                var slot = compacted._count;
                var to = compacted.SegmentFor(slot);
                var offset = slot % SegmentRows;
                from.Codes.AsSpan(fromOffset * Dimensions, Dimensions).CopyTo(to.Codes.AsSpan(offset * Dimensions, Dimensions));
                to.Scales[offset] = from.Scales[fromOffset];
                to.RowIds[offset] = from.RowIds[fromOffset];
                to.Visibility[offset] = from.Visibility[fromOffset];
                to.Documents[offset] = document;
                slots[i] = slot;
                compacted._count++;
            }

            compacted._byDocument[key] = (document, slots);
        }

        return compacted;
    }

    /// <summary>
    /// Rowids and approximate scores of the best <paramref name="candidates"/> rows the filter allows, best first.
    /// The approximation error of a score is about 0.002 for unit vectors of 384 dimensions, so the true top-k is
    /// among the candidates unless many rows score within that of the k-th (rescore exactly).
    /// </summary>
    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int candidates)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"query has {query.Length} dimensions, the matrix {Dimensions}", nameof(query));
        }

        var count = Volatile.Read(ref _count);
        var segments = Volatile.Read(ref _segments);
        var documents = Volatile.Read(ref _documents);
        if (count == 0 || candidates <= 0)
        {
            return [];
        }

        var codes = new short[Dimensions];
        Quantize(query, codes, out var queryScale);
        var allowed = Allowed(filter, documents, Volatile.Read(ref _documentCount));
        var includeNonPublic = filter.IncludeNonPublic;
        var partitions = count >= ParallelRows && Environment.ProcessorCount > 1 ? Math.Min(Environment.ProcessorCount, 4) : 1;
        var heaps = new PriorityQueue<long, float>[partitions];
        var rowsPerPartition = (count + partitions - 1) / partitions;
        void Scan(int partition)
        {
            var heap = new PriorityQueue<long, float>(candidates + 1);
            var start = partition * rowsPerPartition;
            var end = Math.Min(count, start + rowsPerPartition);
            for (var slot = start; slot < end; slot++)
            {
                var segment = segments[slot / SegmentRows];
                var offset = slot % SegmentRows;
                var rowId = Volatile.Read(ref segment.RowIds[offset]);
                if (rowId < 0 || (allowed is null ? !includeNonPublic && segment.Visibility[offset] != PublicRow : !allowed[segment.Documents[offset]]))
                {
                    continue;
                }

                var score = Dot(segment.Codes.AsSpan(offset * Dimensions, Dimensions), codes) * segment.Scales[offset];
                if (heap.Count < candidates)
                {
                    heap.Enqueue(rowId, score);
                }
                else if (heap.TryPeek(out _, out var worst) && score > worst)
                {
                    heap.DequeueEnqueue(rowId, score);
                }
            }

            heaps[partition] = heap;
        }

        if (partitions == 1)
        {
            Scan(0);
        }
        else
        {
            Parallel.For(0, partitions, Scan);
        }

        var merged = new List<(long RowId, float Score)>(candidates * partitions);
        foreach (var heap in heaps)
        {
            while (heap.TryDequeue(out var rowId, out var score))
            {
                merged.Add((rowId, score * queryScale));
            }
        }

        merged.Sort((a, b) => b.Score.CompareTo(a.Score));
        return merged.Count > candidates ? merged.GetRange(0, candidates) : merged;
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

    /// <summary>Per document: whether the filter allows it; null when the filter restricts visibility only (checked per row).</summary>
    private static bool[]? Allowed(SearchFilter filter, Chunk[] documents, int documentCount)
    {
        if (filter.Types is not { Count: > 0 } && filter.From is null && filter.To is null && string.IsNullOrWhiteSpace(filter.Committee) && filter.ExcludeDocumentIds is not { Count: > 0 })
        {
            return null;
        }

        var allowed = new bool[documentCount];
        for (var d = 0; d < documentCount; d++)
        {
            allowed[d] = documents[d] is { } template && filter.Allows(template);
        }

        return allowed;
    }

    private static void Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes, out float scale)
    {
        var max = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(vector));
        scale = max > 0 ? max / 127f : 1f;
        var inverse = 1f / scale;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -127, 127);
        }
    }

    private static void Quantize(ReadOnlySpan<float> vector, Span<short> codes, out float scale)
    {
        var max = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(vector));
        scale = max > 0 ? max / 127f : 1f;
        var inverse = 1f / scale;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (short)Math.Clamp(MathF.Round(vector[i] * inverse), -127, 127);
        }
    }

    /// <summary>Σ row[i] · query[i] in 32-bit integers (no overflow: |code| ≤ 127, so 16 products sum below 2^18).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && row.Length >= 16)
        {
            var accumulator = Vector256<int>.Zero;
            ref var rowStart = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(row);
            ref var queryStart = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(query);
            for (; i + 16 <= row.Length; i += 16)
            {
                var bytes = Vector128.LoadUnsafe(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref rowStart, i))).AsSByte();
                var widened = Avx2.ConvertToVector256Int16(bytes);
                var q = Vector256.LoadUnsafe(ref Unsafe.Add(ref queryStart, i));
                accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(widened, q));
            }

            sum = Vector256.Sum(accumulator);
        }

        for (; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    private int AddDocument(Chunk metadata)
    {
        if (_documentCount == _documents.Length)
        {
            var grown = new Chunk[_documents.Length * 2];
            Array.Copy(_documents, grown, _documentCount);
            Volatile.Write(ref _documents, grown);
        }

        _documents[_documentCount] = metadata;
        Volatile.Write(ref _documentCount, _documentCount + 1);
        return _documentCount - 1;
    }

    private Segment SegmentFor(int slot)
    {
        var index = slot / SegmentRows;
        if (index == _segments.Length)
        {
            var grown = new Segment[_segments.Length + 1];
            Array.Copy(_segments, grown, _segments.Length);
            grown[^1] = new Segment(Dimensions);
            Volatile.Write(ref _segments, grown);
        }

        return _segments[index];
    }

    private sealed class Segment(int dimensions)
    {
        public sbyte[] Codes { get; } = new sbyte[SegmentRows * dimensions];
        public float[] Scales { get; } = new float[SegmentRows];
        public long[] RowIds { get; } = new long[SegmentRows];
        public int[] Documents { get; } = new int[SegmentRows];
        public byte[] Visibility { get; } = new byte[SegmentRows];
    }
}

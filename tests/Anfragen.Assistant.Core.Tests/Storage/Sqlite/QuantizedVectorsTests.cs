using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage.Sqlite;

public sealed class QuantizedVectorsTests
{
    private const int Dimensions = 384;

    [Fact]
    public void The_int8_candidates_hold_the_exact_top_10_of_random_unit_vectors()
    {
        // Random directions are the hard case for int8 codes: all cosines sit near 0, a few thousandths apart.
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 20_000).Select(_ => RandomUnit(random)).ToArray();
        var matrix = new QuantizedVectors(Dimensions, 0);
        for (var d = 0; d < vectors.Length / 20; d++)
        {
            matrix.Replace($"d{d}", Template($"d{d}", Visibility.Public), [.. Enumerable.Range(d * 20, 20).Select(i => ((long)i, vectors[i]))]);
        }

        double found = 0;
        const int Queries = 30;
        for (var q = 0; q < Queries; q++)
        {
            var query = RandomUnit(random);
            var exact = vectors.Select((v, i) => (i, Score: System.Numerics.Tensors.TensorPrimitives.Dot(query, v))).OrderByDescending(p => p.Score).Take(10).Select(p => (long)p.i).ToHashSet();
            var candidates = matrix.Search(query, SearchFilter.PublicOnly, 60).Select(c => c.RowId).ToHashSet();
            found += exact.Count(candidates.Contains) / 10.0;
        }

        Assert.True(found / Queries >= 0.99, $"recall {found / Queries:F3}");
    }

    [Fact]
    public void Approximate_scores_are_close_to_the_exact_cosine()
    {
        var random = new Random(3);
        var matrix = new QuantizedVectors(Dimensions, 0);
        var vector = RandomUnit(random);
        matrix.Replace("d", Template("d", Visibility.Public), [(1, vector)]);

        var score = Assert.Single(matrix.Search(vector, SearchFilter.PublicOnly, 5)).Score;

        Assert.Equal(1.0, score, 2);
    }

    [Fact]
    public void Removed_and_replaced_documents_leave_no_rows_and_compaction_keeps_the_live_ones()
    {
        var random = new Random(5);
        var matrix = new QuantizedVectors(Dimensions, 0);
        for (var d = 0; d < 400; d++)
        {
            matrix.Replace($"d{d}", Template($"d{d}", Visibility.Public), [.. Enumerable.Range(0, 20).Select(i => ((long)((d * 100) + i), RandomUnit(random)))]);
        }

        for (var d = 0; d < 300; d++)
        {
            Assert.True(matrix.Remove($"D{d}"));
        }

        var target = RandomUnit(random);
        matrix.Replace("d399", Template("d399", Visibility.Public), [(999_999, target)]);
        Assert.True(matrix.ShouldCompact);

        var compacted = matrix.Compact();

        Assert.Equal(99 * 20 + 1, compacted.LiveRows);
        Assert.Equal(0, compacted.DeletedRows);
        Assert.Equal(999_999, compacted.Search(target, SearchFilter.PublicOnly, 1)[0].RowId);
        Assert.DoesNotContain(compacted.Search(target, SearchFilter.PublicOnly, 5000), c => c.RowId < 30_000);
    }

    [Fact]
    public void The_filter_is_applied_to_every_row_before_it_is_scored()
    {
        var random = new Random(9);
        var matrix = new QuantizedVectors(Dimensions, 0);
        var secret = RandomUnit(random);
        matrix.Replace("geheim", Template("geheim", Visibility.NonPublic), [(1, secret)]);
        matrix.Replace("offen", Template("offen", Visibility.Public) with { DocumentType = DocumentType.Vorlage }, [(2, RandomUnit(random))]);

        Assert.Equal([2L], matrix.Search(secret, SearchFilter.PublicOnly, 10).Select(c => c.RowId));
        Assert.Equal([1L], matrix.Search(secret, new SearchFilter { IncludeNonPublic = true }, 1).Select(c => c.RowId));
        Assert.Empty(matrix.Search(secret, new SearchFilter { Types = [DocumentType.Anfrage] }, 10));
        Assert.Equal([2L], matrix.Search(secret, new SearchFilter { IncludeNonPublic = true, ExcludeDocumentIds = ["GEHEIM"] }, 10).Select(c => c.RowId));
    }

    private static Chunk Template(string id, Visibility visibility) => QuantizedVectors.Template(id, DocumentType.Mitteilung, null, null, visibility);

    private static float[] RandomUnit(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        VectorMath.NormalizeInPlace(vector);
        return vector;
    }
}

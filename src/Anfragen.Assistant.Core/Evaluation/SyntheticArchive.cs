using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Embeddings;
using Anfragen.Assistant.Ingestion;
using Anfragen.Assistant.Storage;

namespace Anfragen.Assistant.Evaluation;

/// <summary>
/// Synthetic archive documents for the benchmark: German-like chunk text from <see cref="SyntheticText"/>, metadata
/// spread over types, dates and visibility (every 20th document nichtöffentlich), and random unit vectors (embedding
/// a million chunks with the local model would take days and does not change the cost of a search).
/// </summary>
internal static class SyntheticArchive
{
    public const int ChunksPerDocument = 20;

    /// <summary>Word counts of everything the loader reads under <paramref name="paths"/>, sorted by word (reproducible).</summary>
    public static async Task<IReadOnlyList<(string Word, int Count)>> BuildVocabularyAsync(DocumentLoader loader, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var item in loader.LoadAsync(paths, cancellationToken).ConfigureAwait(false))
        {
            if (item.Document is null)
            {
                continue;
            }

            foreach (var token in (item.Document.Title + " " + item.Document.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim('.', ',', ';', ':', '!', '?', '"', '„', '“', '(', ')', '[', ']');
                if (word.Length >= 2 && word.All(char.IsLetter))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>The documents of an archive of <paramref name="chunks"/> chunks, <see cref="ChunksPerDocument"/> per document, generated lazily.</summary>
    public static IEnumerable<IndexedDocument> Documents(int chunks, SyntheticText text, int dimensions)
    {
        for (var d = 0; d * ChunksPerDocument < chunks; d++)
        {
            yield return Document(d, Math.Min(ChunksPerDocument, chunks - (d * ChunksPerDocument)), text, dimensions);
        }
    }

    public static IndexedDocument Document(int number, int chunkCount, SyntheticText text, int dimensions)
    {
        var id = $"syn-{number:D6}";
        var title = text.Sentence(4, 8).TrimEnd('.');
        var type = (DocumentType)(1 + (number % 5));
        var visibility = number % 20 == 0 ? Visibility.NonPublic : Visibility.Public;
        var date = new DateOnly(2010, 1, 1).AddDays(number % 5000);
        var chunks = Enumerable.Range(0, chunkCount).Select(i => new Chunk
        {
            ChunkId = Chunk.MakeId(id, i),
            DocumentId = id,
            Ordinal = i,
            DocumentType = type,
            Title = title,
            Date = date,
            Visibility = visibility,
            Text = text.Paragraph(120, 250),
        }).ToList();
        var document = new StoredDocument { Id = id, Type = type, Title = title, Date = date, Visibility = visibility, ContentHash = id, ChunkCount = chunkCount };
        return new IndexedDocument(document, chunks, chunks.Select(_ => (ReadOnlyMemory<float>)RandomUnitVector(text.Random, dimensions)).ToList());
    }

    /// <summary>Ordinary documents for the ingestion measurement (they go through chunking and the real embedder).</summary>
    public static IReadOnlyList<SourceDocument> SourceDocuments(int count, SyntheticText text) =>
        Enumerable.Range(0, count).Select(i => new SourceDocument
        {
            Id = $"bench-{i:D6}",
            Type = DocumentType.Mitteilung,
            Title = text.Sentence(4, 8).TrimEnd('.'),
            Text = text.Paragraph(120, 200),
            Source = "bench",
            Visibility = Visibility.Public,
        }).ToList();

    public static float[] RandomUnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller: Gaussian components give directions uniform on the sphere.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        VectorMath.NormalizeInPlace(vector);
        return vector;
    }
}

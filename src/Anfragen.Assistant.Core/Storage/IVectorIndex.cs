using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Storage;

/// <summary>
/// The dense role of the index: one L2-normalised vector per chunk (normalised at write time), searched by dot product
/// (cosine), the filter applied inside the search before top-k. Vectors are written through <see cref="IDocumentStore.UpsertAsync"/>.
/// An implementation may search compressed vectors first (int8, HNSW) but rescores its candidates exactly, and states
/// its recall against exact search (docs/knowledge-base.md, <c>anfragen bench</c>).
/// </summary>
public interface IVectorIndex
{
    Task<IReadOnlyList<ScoredChunk>> DenseSearchAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}

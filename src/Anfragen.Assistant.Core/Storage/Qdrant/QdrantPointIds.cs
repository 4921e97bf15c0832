using System.Security.Cryptography;
using System.Text;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Deterministic Qdrant point ids: RFC 4122 version-5 UUIDs (SHA-1 of a namespace and a name).
/// Ids fold case as the embedded index does (<see cref="Retrieval.SearchFilter.FoldId"/>): "DS-1" and "ds-1" are one
/// document. A chunk point is named by its chunk id and the version of the replace that wrote it, so a replace writes
/// new points beside the old ones and switches to them with the document point (see <c>QdrantDocumentStore</c>);
/// retrying a write of the same version overwrites the same points. Chunk, document and metadata points use different
/// name prefixes so they never collide.
/// </summary>
internal static class QdrantPointIds
{
    /// <summary>Our own namespace UUID (random, fixed forever: changing it would orphan every stored point).</summary>
    public static readonly Guid Namespace = new("6f0c7a52-3d1e-4b8e-9a57-0c4d2b7e9f13");

    /// <summary>The reserved point holding the collection's embedding model (payload kind "meta").</summary>
    public static Guid Metadata { get; } = Create(Namespace, "meta:anfragen-index");

    public static Guid ForChunk(string chunkId, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(chunkId);
        ArgumentException.ThrowIfNullOrEmpty(version);
        return Create(Namespace, "chunk:" + Retrieval.SearchFilter.FoldId(chunkId) + "@" + version);
    }

    public static Guid ForDocument(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        return Create(Namespace, "document:" + Retrieval.SearchFilter.FoldId(documentId));
    }

    /// <summary>RFC 4122 §4.3 name-based UUID, version 5 (SHA-1).</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 prescribes; it names points, it protects nothing.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

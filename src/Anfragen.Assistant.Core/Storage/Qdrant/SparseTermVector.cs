namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>A sparse vector as Qdrant takes it: unique indices in ascending order with one value each.</summary>
internal sealed record SparseTermVector(uint[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;
}

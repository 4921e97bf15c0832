using System.Numerics.Tensors;

namespace Anfragen.Assistant.Embeddings;

/// <summary>L2 normalisation: vectors are unit length at write and at query time so a dot product is the cosine.</summary>
public static class VectorMath
{
    public static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var result = vector.ToArray();
        NormalizeInPlace(result);
        return result;
    }

    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}

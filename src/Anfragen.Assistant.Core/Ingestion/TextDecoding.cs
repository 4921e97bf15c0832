using System.Text;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Turns the bytes of a text file into a string: byte order marks first, then strict UTF-8, then Windows-1252
/// (what older Word/Windows exports produce). Binary files are refused instead of being decoded into garbage.
/// </summary>
internal static class TextDecoding
{
    private const int SniffLength = 8192;

    // Strict: throws on invalid sequences so that we can fall back to Windows-1252.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 straight from the code-pages provider, so no process-wide registration is needed.</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        // UTF-16 is legitimate text even though it is full of NUL bytes; only trust it with a BOM.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (LooksBinary(bytes))
        {
            throw new DocumentReadException(source, "ist keine Textdatei (Binärdaten)");
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>NUL bytes, or more than 10 % control characters other than tab, line feed, carriage return and form feed.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > SniffLength ? bytes[..SniffLength] : bytes;
        if (sample.IsEmpty)
        {
            return false;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }

        return control * 10 > sample.Length;
    }
}

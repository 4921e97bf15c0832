using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>The text of a file and, when its bytes were not clean, a warning for the ingestion report.</summary>
internal readonly record struct DecodedText(string Text, string? Warning);

/// <summary>
/// Turns the bytes of a text file into a string: byte order marks first, then UTF-8, else Windows-1252 (what older
/// Word/Windows exports produce). Binary files are refused instead of being decoded into garbage.
/// <para>
/// Which of UTF-8 and Windows-1252 is decided by the evidence, not by the first bad byte: every non-ASCII character of
/// a UTF-8 file is a valid multi-byte sequence, while every non-ASCII character of a single-byte file is (nearly
/// always) a byte that is invalid in UTF-8. The encoding with more characters to its name wins, so a UTF-8 paper
/// with a few broken bytes stays UTF-8 (the bytes become U+FFFD, with a warning naming the first line) and a real
/// Windows-1252 file is read as such; a file that has both gets a warning either way.
/// </para>
/// The size of the text is checked by counting before any string is built.
/// </summary>
internal static class TextDecoding
{
    private const int SniffLength = 8192;

    /// <summary>Replaces invalid sequences with U+FFFD (the default fallback of this instance).</summary>
    private static readonly UTF8Encoding Utf8WithReplacement = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Windows-1252 straight from the code-pages provider, so no process-wide registration is needed.</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string source, int maxChars)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            var warning = Utf8.IsValid(body) ? null : ReplacedWarning(Utf8Evidence.Of(body));
            return new DecodedText(Capped(Utf8WithReplacement, body, source, maxChars), warning);
        }

        // UTF-16 is legitimate text even though it is full of NUL bytes; only trust it with a BOM.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Capped(Encoding.Unicode, bytes[2..], source, maxChars), null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Capped(Encoding.BigEndianUnicode, bytes[2..], source, maxChars), null);
        }

        if (LooksBinary(bytes))
        {
            throw new DocumentReadException(source, "ist keine Textdatei (Binärdaten)");
        }

        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(Capped(Utf8WithReplacement, bytes, source, maxChars), null);
        }

        var counts = Utf8Evidence.Of(bytes);
        if (counts.Valid > counts.Invalid)
        {
            return new DecodedText(Capped(Utf8WithReplacement, bytes, source, maxChars), ReplacedWarning(counts));
        }

        var mixed = counts.Valid == 0 ? null
            : $"ist uneinheitlich kodiert: als Windows-1252 gelesen, weil die meisten Sonderzeichen so kodiert sind; {LimitExceeded.Count(counts.Valid)} Zeichen in UTF-8-Kodierung (erstes in Zeile {LimitExceeded.Count(counts.FirstValidLine)}) erscheinen dadurch verfälscht – bitte die Datei als UTF-8 speichern und erneut aufnehmen";
        return new DecodedText(Capped(Windows1252, bytes, source, maxChars), mixed);
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

    private static string ReplacedWarning(Utf8Evidence counts) =>
        $"enthält {LimitExceeded.Count(counts.Invalid)} ungültige UTF-8-Bytefolge{(counts.Invalid == 1 ? string.Empty : "n")} (erste in Zeile {LimitExceeded.Count(counts.FirstInvalidLine)}), ersetzt durch „\uFFFD“ – bitte die Stelle in der Datei prüfen";

    private static string Capped(Encoding encoding, ReadOnlySpan<byte> bytes, string source, int maxChars)
    {
        // Counting decodes without allocating: an over-long text is refused before it exists as a string.
        if (encoding.GetMaxCharCount(bytes.Length) > maxChars && encoding.GetCharCount(bytes) > maxChars)
        {
            throw LimitExceeded.Text(source, maxChars);
        }

        return encoding.GetString(bytes);
    }

    /// <summary>Valid multi-byte UTF-8 sequences and invalid ones (as the decoder replaces them), with the first line of each.</summary>
    private readonly record struct Utf8Evidence(long Valid, long Invalid, long FirstValidLine, long FirstInvalidLine)
    {
        private static readonly SearchValues<byte> NonAscii = SearchValues.Create(Enumerable.Range(0x80, 0x80).Select(b => (byte)b).ToArray());

        public static Utf8Evidence Of(ReadOnlySpan<byte> bytes)
        {
            long valid = 0, invalid = 0, firstValid = 0, firstInvalid = 0, line = 1;
            var position = 0;
            while (position < bytes.Length)
            {
                var rest = bytes[position..];
                var ascii = rest.IndexOfAny(NonAscii);
                if (ascii < 0)
                {
                    break;
                }

                if (firstValid == 0 || firstInvalid == 0)
                {
                    line += rest[..ascii].Count((byte)'\n');
                }

                position += ascii;
                var status = System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
                if (status == OperationStatus.Done)
                {
                    valid++;
                    firstValid = firstValid == 0 ? line : firstValid;
                }
                else
                {
                    invalid++;
                    firstInvalid = firstInvalid == 0 ? line : firstInvalid;
                }

                position += Math.Max(consumed, 1);
            }

            return new Utf8Evidence(valid, invalid, firstValid, firstInvalid);
        }
    }
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Anfragen.Assistant.Ingestion;

/// <summary>One line of a <see cref="BoundedLineReader"/>: its text, or null when it was longer than the limit.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The line without its line break; null for a line over the limit (its bytes were never kept).</param>
/// <param name="InvalidUtf8">The line held bytes that are not UTF-8; they were replaced with U+FFFD.</param>
internal readonly record struct BoundedLine(int Number, string? Text, bool InvalidUtf8);

/// <summary>
/// Reads UTF-8 lines with a cap on each line's bytes. A longer line is reported by its number and skipped to its
/// end without being buffered, so one huge JSONL line costs a scan, not its size in memory (StreamReader.ReadLine
/// would build the whole line as one string first).
/// </summary>
internal sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private ArrayBufferWriter<byte> _line = new(4096);
    private int _start;
    private int _end;
    private int _number;
    private bool _tooLong;
    private bool _eof;

    public static async IAsyncEnumerable<BoundedLine> ReadLinesAsync(Stream stream, int maxLineBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = new BoundedLineReader(stream, maxLineBytes);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async ValueTask<BoundedLine?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTakeLine(out var line))
            {
                return line;
            }

            if (_eof)
            {
                return null;
            }

            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            _eof = _end == 0;
        }
    }

    /// <summary>Synchronous <see cref="ReadAsync"/>.</summary>
    public BoundedLine? Read()
    {
        while (true)
        {
            if (TryTakeLine(out var line))
            {
                return line;
            }

            if (_eof)
            {
                return null;
            }

            _start = 0;
            _end = stream.Read(_buffer);
            _eof = _end == 0;
        }
    }

    private bool TryTakeLine(out BoundedLine line)
    {
        if (_eof)
        {
            // The last line has no line break.
            var pending = _line.WrittenCount > 0 || _tooLong;
            line = pending ? Finish() : default;
            return pending;
        }

        var available = _buffer.AsSpan(_start, _end - _start);
        var newline = available.IndexOf((byte)'\n');
        var take = newline < 0 ? available : available[..newline];
        if (!_tooLong)
        {
            if ((long)_line.WrittenCount + take.Length > maxLineBytes)
            {
                // Over the limit: drop what was kept and only look for the line's end from here on.
                _tooLong = true;
                _line = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                _line.Write(take);
            }
        }

        if (newline < 0)
        {
            _start = _end;
            line = default;
            return false;
        }

        _start += newline + 1;
        line = Finish();
        return true;
    }

    private BoundedLine Finish()
    {
        _number++;
        if (_tooLong)
        {
            _tooLong = false;
            return new BoundedLine(_number, null, false);
        }

        var bytes = _line.WrittenSpan;
        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        if (_number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var line = new BoundedLine(_number, Encoding.UTF8.GetString(bytes), !Utf8.IsValid(bytes));

        // A long line's buffer is not kept for the short ones after it.
        if (_line.Capacity > 1024 * 1024)
        {
            _line = new ArrayBufferWriter<byte>(4096);
        }
        else
        {
            _line.ResetWrittenCount();
        }

        return line;
    }
}

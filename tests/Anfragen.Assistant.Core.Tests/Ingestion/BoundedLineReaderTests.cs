using System.Text;

namespace Anfragen.Assistant.Ingestion;

public sealed class BoundedLineReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<BoundedLine>> ReadAsync(byte[] content, int maxLineBytes)
    {
        var lines = new List<BoundedLine>();
        await foreach (var line in BoundedLineReader.ReadLinesAsync(new MemoryStream(content), maxLineBytes, Ct))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_by_number_and_the_following_lines_keep_their_numbers()
    {
        var content = Encoding.UTF8.GetBytes("erste\n" + new string('x', 300_000) + "\ndritte\r\nvierte ohne Umbruch");

        var lines = await ReadAsync(content, maxLineBytes: 100_000);

        Assert.Equal([(1, "erste"), (2, null), (3, "dritte"), (4, "vierte ohne Umbruch")], lines.Select(l => (l.Number, l.Text)));
    }

    [Fact]
    public async Task Lines_longer_than_the_read_buffer_but_within_the_limit_are_whole()
    {
        var long1 = new string('ä', 50_000);
        var content = Encoding.UTF8.GetBytes($"\uFEFF{long1}\n\nkurz\n");

        var lines = await ReadAsync(content, maxLineBytes: 200_000);

        Assert.Equal([long1, string.Empty, "kurz"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.False(l.InvalidUtf8));
    }

    [Fact]
    public async Task A_line_exactly_at_the_limit_is_kept_and_one_byte_more_is_refused()
    {
        var lines = await ReadAsync(Encoding.UTF8.GetBytes("12345\n123456\n"), maxLineBytes: 5);

        Assert.Equal(["12345", null], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_line_is_replaced_and_flagged()
    {
        var lines = await ReadAsync([.. Encoding.UTF8.GetBytes("gut\n"), (byte)'a', 0xFF, (byte)'b', (byte)'\n'], maxLineBytes: 100);

        Assert.Equal([("gut", false), ("a\uFFFDb", true)], lines.Select(l => (l.Text, l.InvalidUtf8)));
    }

    [Fact]
    public void The_synchronous_reader_reads_the_same_lines()
    {
        var reader = new BoundedLineReader(new MemoryStream(Encoding.UTF8.GetBytes("a\n" + new string('b', 20) + "\nc")), 10);
        var lines = new List<BoundedLine>();
        while (reader.Read() is { } line)
        {
            lines.Add(line);
        }

        Assert.Equal([(1, "a"), (2, null), (3, "c")], lines.Select(l => (l.Number, l.Text)));
    }
}

using System.Text;
using System.Xml;
using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// Extracts a Word document as one line per paragraph and one tab-separated line per table row, with the numbers of
/// automatic lists rebuilt (<see cref="DocxNumbering"/>): real inquiries number their questions with Word's lists.
/// The main part is read as a stream of XML nodes, never as a document tree, and text is taken in chunks, so a part
/// that inflates to hundreds of megabytes is refused at the limits of <see cref="IngestionLimits"/> with a few
/// megabytes in memory.
/// </summary>
internal static class DocxTextExtractor
{
    private const string Unreadable = "ist keine lesbare Word-Datei";

    public static string Extract(byte[] content, string source, IngestionLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            using var package = DocxPackage.Open(content, source, limits);
            var numbering = DocxNumbering.Read(package);
            using var reader = package.OpenXml(package.MainPart);
            return new BodyWalker(reader, numbering, source, limits, cancellationToken).Run();
        }
        catch (XmlException ex)
        {
            throw new DocumentReadException(source, $"{Unreadable} (beschädigter Inhalt: XML-Fehler in Zeile {ex.LineNumber})", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentReadException(source, $"{Unreadable} (beschädigtes ZIP-Archiv)", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DocumentReadException and not OutOfMemoryException)
        {
            throw new DocumentReadException(source, $"{Unreadable} (beschädigter Inhalt)", ex);
        }
    }

    /// <summary>One pass over the main part's nodes; state for the open paragraph, run and tables.</summary>
    private sealed class BodyWalker(XmlReader reader, DocxNumbering numbering, string source, IngestionLimits limits, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _paragraph = new();
        private readonly Stack<int> _runs = new();
        private readonly Stack<Table> _tables = new();
        private readonly char[] _chunk = new char[8192];
        private long _chars;
        private int _paragraphDepth = -1;
        private bool _inProperties;
        private bool _inNumbering;
        private int _numId;
        private int _level;
        private string? _styleId;

        public string Run()
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "document" || !DocxXml.IsWord(reader))
            {
                throw new DocumentReadException(source, $"{Unreadable} (kein Word-Dokument: der Hauptteil ist „{reader.LocalName}“)");
            }

            // Skipped subtrees are read node by node too (XmlReader.Skip would not let the depth be checked inside them).
            var skipUntil = -1;
            var nodes = 0;
            while (reader.Read())
            {
                if (++nodes % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                CheckDepth();
                if (skipUntil >= 0)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipUntil)
                    {
                        skipUntil = -1;
                    }

                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (IsSkipped())
                    {
                        skipUntil = reader.IsEmptyElement ? -1 : reader.Depth;
                        continue;
                    }

                    if (DocxXml.IsWord(reader))
                    {
                        Start();
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && DocxXml.IsWord(reader))
                {
                    End(reader.LocalName, reader.Depth);
                }
            }

            return _output.ToString();
        }

        // A Fallback repeats its Choice (text boxes twice); tracked changes hold old properties and moved or deleted text.
        private bool IsSkipped() =>
            (reader.NamespaceURI == DocxXml.MarkupCompatibility && reader.LocalName == "Fallback")
            || (DocxXml.IsWord(reader) && reader.LocalName is "pPrChange" or "rPrChange" or "del" or "moveFrom");

        private void Start()
        {
            var depth = reader.Depth;
            var empty = reader.IsEmptyElement;
            switch (reader.LocalName)
            {
                case "p" when _paragraphDepth < 0:
                    _paragraphDepth = depth;
                    _paragraph.Clear();
                    (_numId, _level, _styleId, _inProperties, _inNumbering) = (-1, -1, null, false, false);
                    if (empty)
                    {
                        EndParagraph();
                    }

                    break;
                case "p" when _paragraph.Length > 0 && !char.IsWhiteSpace(_paragraph[^1]):
                    // A paragraph of a text box inside this one: its text follows, separated by a space.
                    Append(" ");
                    break;
                case "pPr" when depth == _paragraphDepth + 1:
                    _inProperties = !empty;
                    break;
                case "pStyle" when _inProperties && depth == _paragraphDepth + 2:
                    _styleId = DocxXml.Value(reader);
                    break;
                case "numPr" when _inProperties && depth == _paragraphDepth + 2:
                    _inNumbering = !empty;
                    break;
                case "numId" when _inNumbering && depth == _paragraphDepth + 3:
                    _numId = DocxXml.IntAttribute(reader, "val") ?? -1;
                    break;
                case "ilvl" when _inNumbering && depth == _paragraphDepth + 3:
                    _level = DocxXml.IntAttribute(reader, "val") ?? -1;
                    break;
                case "r" when !empty:
                    _runs.Push(depth);
                    break;
                case "t" when _paragraphDepth >= 0 && !empty:
                    ReadText(depth);
                    break;
                case "tab" when InRun(depth):
                    Append("\t");
                    break;
                case "br" or "cr" when InRun(depth):
                    Append("\n");
                    break;
                case "noBreakHyphen" when InRun(depth):
                    Append("-");
                    break;
                case "tbl" when _paragraphDepth < 0 && !empty:
                    _tables.Push(new Table(depth));
                    break;
                case "tr" when _paragraphDepth < 0 && _tables.TryPeek(out var table) && depth == table.Depth + 1:
                    table.Row = [];
                    break;
                case "tc" when _paragraphDepth < 0 && _tables.TryPeek(out var table) && depth == table.Depth + 2:
                    table.Cell = [];
                    break;
            }
        }

        private void End(string name, int depth)
        {
            switch (name)
            {
                case "p" when depth == _paragraphDepth:
                    EndParagraph();
                    break;
                case "pPr" when depth == _paragraphDepth + 1:
                    _inProperties = false;
                    break;
                case "numPr" when depth == _paragraphDepth + 2:
                    _inNumbering = false;
                    break;
                case "r" when _runs.TryPeek(out var run) && run == depth:
                    _runs.Pop();
                    break;
                case "tc" when _tables.TryPeek(out var table) && depth == table.Depth + 2 && table.Cell is not null:
                    (table.Row ??= []).Add(string.Join(' ', table.Cell));
                    table.Cell = null;
                    break;
                case "tr" when _tables.TryPeek(out var table) && depth == table.Depth + 1 && table.Row is not null:
                    EmitBlock(string.Join('\t', table.Row));
                    table.Row = null;
                    break;
                case "tbl" when _tables.TryPeek(out var table) && depth == table.Depth:
                    _tables.Pop();
                    if (_tables.Count == 0)
                    {
                        Emit("\n");
                    }

                    break;
            }
        }

        private void EndParagraph()
        {
            _paragraphDepth = -1;
            var marker = numbering.MarkerFor(_numId, _level, _styleId);
            Count(marker.Length);
            EmitBlock(marker + _paragraph);
            _paragraph.Clear();
        }

        /// <summary>A paragraph or a table row: into the innermost open table cell (nested tables), else onto a line of its own.</summary>
        private void EmitBlock(string text)
        {
            var cell = _tables.Select(t => t.Cell).FirstOrDefault(c => c is not null);
            if (cell is not null)
            {
                if (text.Length > 0)
                {
                    cell.Add(text);
                }

                return;
            }

            Emit(text);
            Emit("\n");
        }

        private void Emit(string text)
        {
            Count(text.Length);
            _output.Append(text);
        }

        private bool InRun(int depth) => _paragraphDepth >= 0 && _runs.TryPeek(out var run) && depth == run + 1;

        private void ReadText(int depth)
        {
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                CheckDepth();
                if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                {
                    continue;
                }

                if (!reader.CanReadValueChunk)
                {
                    Append(reader.Value);
                    continue;
                }

                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    Append(_chunk.AsSpan(0, read));
                }
            }
        }

        private void CheckDepth()
        {
            if (reader.Depth > limits.MaxNestingDepth)
            {
                throw LimitExceeded.Depth(source, limits.MaxNestingDepth);
            }
        }

        private void Append(ReadOnlySpan<char> text)
        {
            Count(text.Length);
            _paragraph.Append(text);
        }

        // Everything buffered (paragraph, cells, rows) ends up in the output, so counting each character once bounds it all.
        private void Count(int characters)
        {
            _chars += characters;
            if (_chars > limits.MaxTextChars)
            {
                throw LimitExceeded.Text(source, limits.MaxTextChars);
            }
        }

        private sealed class Table(int depth)
        {
            public int Depth { get; } = depth;

            public List<string>? Row { get; set; }

            public List<string>? Cell { get; set; }
        }
    }
}

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// The stack of open HTML elements, kept the way a browser's parser keeps it in the cases that matter for depth:
/// void elements never open, a new &lt;p&gt;, &lt;li&gt;, &lt;dt&gt;/&lt;dd&gt;, &lt;tr&gt;, &lt;td&gt;/&lt;th&gt; or &lt;option&gt; closes the
/// open one, a block closes an open &lt;p&gt;, and an end tag closes everything opened after its element. Deeper than
/// the limit is refused (a browser flattens there; a council paper never gets near it).
/// </summary>
internal sealed class HtmlNesting(string source, int maxDepth)
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    };

    // Opening one of these closes an open <p> (HTML: "close a p element" for block starts).
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "dd", "dt",
    };

    private readonly List<string> _open = [];

    public int Depth => _open.Count;

    public void Apply(string name, bool closing, bool selfClosing)
    {
        if (closing)
        {
            var at = _open.FindLastIndex(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                _open.RemoveRange(at, _open.Count - at);
            }

            return;
        }

        if (VoidElements.Contains(name) || selfClosing)
        {
            return;
        }

        if (ClosesParagraph.Contains(name))
        {
            CloseOpen("p", "table", "td", "th", "button");
        }

        switch (name.ToLowerInvariant())
        {
            case "li":
                CloseOpen("li", "ul", "ol");
                break;
            case "dt" or "dd":
                CloseOpen("dt", "dl");
                CloseOpen("dd", "dl");
                break;
            case "tr":
                CloseOpen("tr", "table");
                break;
            case "td" or "th":
                CloseOpen("td", "tr", "table");
                CloseOpen("th", "tr", "table");
                break;
            case "option":
                CloseOpen("option", "select");
                break;
        }

        _open.Add(name);
        if (_open.Count > maxDepth)
        {
            throw LimitExceeded.Depth(source, maxDepth);
        }
    }

    /// <summary>Closes the innermost open <paramref name="name"/> unless one of the <paramref name="boundaries"/> is open inside it.</summary>
    private void CloseOpen(string name, params string[] boundaries)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                _open.RemoveRange(i, _open.Count - i);
                return;
            }

            if (boundaries.Contains(_open[i], StringComparer.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }
}

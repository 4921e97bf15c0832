
namespace Anfragen.Assistant.Web.Services;

public sealed partial class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var html = _renderer.Render("Hallo <script>alert(1)</script> <img src=x onerror=alert(2)>").Value;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klick](javascript:alert(1))")]
    [InlineData("[klick](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klick](/relativ)")]
    [InlineData("![bild](https://example.org/x.png)")]
    public void Links_other_than_http_and_images_become_plain_text(string markdown)
    {
        var html = _renderer.Render(markdown).Value;
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_links_and_emphasis_survive()
    {
        var html = _renderer.Render("**Wichtig:** siehe [Ratsinfo](https://ratsinfo.lindenau.example/vo/24-11234)").Value;
        Assert.Contains("<strong>Wichtig:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ratsinfo.lindenau.example/vo/24-11234\"", html, StringComparison.Ordinal);
        Assert.Contains($"rel=\"{MarkdownRenderer.ExternalLinkRel}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Siehe https://ratsinfo.lindenau.example/vo/24-11234 im Ratsinformationssystem.")]
    [InlineData("Siehe <https://ratsinfo.lindenau.example/vo/24-11234> im Ratsinformationssystem.")]
    [InlineData("Siehe [Vorlage 24-11234](https://ratsinfo.lindenau.example/vo/24-11234).")]
    [InlineData("Siehe [https://ratsinfo.lindenau.example/vo/24-11234](https://ratsinfo.lindenau.example/vo/24-11234).")]
    public void Every_link_that_survives_is_marked_external_and_opens_apart_from_the_app(string markdown)
    {
        var html = _renderer.Render(markdown).Value;

        var anchor = Assert.Single(AnchorPattern().Matches(html)).Value;
        Assert.Contains("href=\"https://ratsinfo.lindenau.example/vo/24-11234\"", anchor, StringComparison.Ordinal);
        Assert.Contains($"rel=\"{MarkdownRenderer.ExternalLinkRel}\"", anchor, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", anchor, StringComparison.Ordinal);
        Assert.Contains(MarkdownRenderer.ExternalLinkClass, anchor, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_whose_text_hides_the_address_shows_the_host_beside_it()
    {
        // Archive text or a model answer may word a link like an internal one; the host it really goes to is shown.
        var html = _renderer.Render("Die Antwort steht im [Archiv, Dokument 25-12380](https://archiv-lindenau.example.net/login).").Value;

        Assert.Contains("Archiv, Dokument 25-12380</a> (archiv-lindenau.example.net)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](https://a.example/\"onmouseover=\"alert(1))")]
    [InlineData("[x](https://a.example/ \"t\\\" onclick=alert(1) x=\\\"\")")]
    [InlineData("<https://a.example/\"><script>alert(1)</script>>")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x]: javascript:alert(1)\n\n[Klick][x]")]
    [InlineData("`<script>alert(1)</script>` und <b onclick=alert(1)>fett</b>")]
    public void Crafted_links_and_markup_never_become_attributes_or_script(string markdown)
    {
        var html = _renderer.Render(markdown).Value;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match anchor in AnchorPattern().Matches(html))
        {
            // Every attribute is one of ours with a quoted value (quotes inside are encoded), nothing else is left in the tag.
            var attributes = AttributePattern().Matches(anchor.Value);
            Assert.All(attributes, a => Assert.Contains(a.Groups[1].Value, (string[])["href", "rel", "target", "class", "title"]));
            Assert.Equal("<a>", AttributePattern().Replace(anchor.Value, string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.StartsWith("https://", attributes.Single(a => a.Groups[1].Value == "href").Groups[2].Value, StringComparison.Ordinal);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\s([a-z-]+)=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex AttributePattern();

    [System.Text.RegularExpressions.GeneratedRegex("<a [^>]*>")]
    private static partial System.Text.RegularExpressions.Regex AnchorPattern();

    [Fact]
    public void A_single_line_break_stays_a_line_break()
    {
        var html = _renderer.Render("[1] Sachstand Fachkräftegewinnung (23-10112-01, 14.03.2023):\nZu 2.:\nVon den 78 Nachwuchskräften wurden 74 übernommen.").Value;

        Assert.Contains("(23-10112-01, 14.03.2023):<br />", html, StringComparison.Ordinal);
        Assert.Contains("Zu 2.:<br />", html, StringComparison.Ordinal);
    }
}


namespace Anfragen.Assistant.Web.Services;

public sealed class MarkdownRendererTests
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
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_line_break_stays_a_line_break()
    {
        var html = _renderer.Render("[1] Sachstand Fachkräftegewinnung (23-10112-01, 14.03.2023):\nZu 2.:\nVon den 78 Nachwuchskräften wurden 74 übernommen.").Value;

        Assert.Contains("(23-10112-01, 14.03.2023):<br />", html, StringComparison.Ordinal);
        Assert.Contains("Zu 2.:<br />", html, StringComparison.Ordinal);
    }
}

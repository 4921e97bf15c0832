using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Renders model output and quoted archive text (Markdown) to HTML safely: raw HTML is disabled (shown as text), images
/// are dropped and only absolute http(s) links survive; any other link (javascript:, data:, relative, e-mail) becomes
/// its plain text. A surviving link leads outside the app, so it is marked as external: it opens in a new tab without
/// access to this page or its address (<c>rel="noopener noreferrer nofollow"</c>, <c>target="_blank"</c>), and when its
/// text is not the address itself the host follows in brackets, so "[Ratsinfo](https://elsewhere.example)" cannot
/// hide where it goes. Single line breaks stay line breaks.
/// This is the only place the app produces a <see cref="MarkupString"/> from untrusted text besides the highlighter.
/// </summary>
public sealed class MarkdownRenderer
{
    public const string ExternalLinkRel = "noopener noreferrer nofollow";
    public const string ExternalLinkClass = "external-link";

    // A line break in an answer is meant as one: "Zu 2.:" on its own line, a passage under its source line.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    public MarkupString Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !TryHttp(link.Url, out var uri))
            {
                ReplaceWithText(link);
                continue;
            }

            MarkExternal(link);
            var text = LinkText(link);
            if (!link.IsAutoLink && !string.Equals(text.Trim(), link.Url, StringComparison.OrdinalIgnoreCase) && !text.Contains(uri.Host, StringComparison.OrdinalIgnoreCase))
            {
                link.InsertAfter(new LiteralInline($" ({uri.Host})"));
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || !TryHttp(autolink.Url, out _))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                MarkExternal(autolink);
            }
        }

        return new MarkupString(document.ToHtml(_pipeline));
    }

    private static void MarkExternal(Inline link)
    {
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("rel", ExternalLinkRel);
        attributes.AddPropertyIfNotExist("target", "_blank");
        attributes.AddClass(ExternalLinkClass);
    }

    private static bool TryHttp(string? url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static string LinkText(LinkInline link) => string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static void ReplaceWithText(LinkInline link) => link.ReplaceBy(new LiteralInline(LinkText(link)));
}

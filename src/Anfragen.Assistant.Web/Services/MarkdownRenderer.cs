using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Renders model output (Markdown) to HTML safely: raw HTML is disabled (shown as text), images are dropped and
/// only http(s) links survive; any other link (javascript:, data:, relative) becomes its plain text. Single line breaks
/// stay line breaks.
/// This is the only place the app produces a <see cref="MarkupString"/> from untrusted text besides the highlighter.
/// </summary>
public sealed class MarkdownRenderer
{
    // A line break in an answer is meant as one: "Zu 2.:" on its own line, a passage under its source line.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    public MarkupString Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsHttp(link.Url))
            {
                ReplaceWithText(link);
            }
            else
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || !IsHttp(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return new MarkupString(document.ToHtml(_pipeline));
    }

    private static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void ReplaceWithText(LinkInline link)
    {
        var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        link.ReplaceBy(new LiteralInline(text));
    }
}

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// The strategy's own words (Markdown a convenor wrote, sanitised when saved) as HTML. Raw HTML is shown as text, a
/// link keeps its words but not an address other than http, https, mailto or one on this site, and headings start
/// two levels below the section they sit in, so the page's outline stays whole.
/// </summary>
public static class NarrativeHtml
{
    private const int SectionHeadingLevel = 2;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static IHtmlContent Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + SectionHeadingLevel, 6);
        }
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.Url = "";
            link.IsImage = false;
        }
        return new HtmlString(document.ToHtml(Pipeline));
    }

    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) || url.StartsWith('#')
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto");
}

using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK pagination (<c>components/pagination</c>), previous/next links between pages of content:
/// <c>&lt;nhs-pagination previous-href="/p/1" previous-label="Treatments" next-href="/p/3" next-label="Symptoms" /&gt;</c>.
/// Numbered pagination is not supported.
/// </summary>
[HtmlTargetElement("nhs-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsPaginationTagHelper : TagHelper
{
    [HtmlAttributeName("previous-href")]
    public string? PreviousHref { get; set; }

    /// <summary>Replaces the link title "Previous page".</summary>
    [HtmlAttributeName("previous-text")]
    public string? PreviousText { get; set; }

    /// <summary>The previous page's title, shown under the link title.</summary>
    [HtmlAttributeName("previous-label")]
    public string? PreviousLabel { get; set; }

    [HtmlAttributeName("next-href")]
    public string? NextHref { get; set; }

    /// <summary>Replaces the link title "Next page".</summary>
    [HtmlAttributeName("next-text")]
    public string? NextText { get; set; }

    /// <summary>The next page's title, shown under the link title.</summary>
    [HtmlAttributeName("next-label")]
    public string? NextLabel { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var list = new HtmlElement("ul").AddClass("nhsuk-list", "nhsuk-pagination__list");
        if (!string.IsNullOrEmpty(PreviousHref))
        {
            list.AppendHtml(Item("previous", "prev", PreviousHref, PreviousText, "Previous", PreviousLabel, Icons.ArrowLeft()));
        }

        if (!string.IsNullOrEmpty(NextHref))
        {
            list.AppendHtml(Item("next", "next", NextHref, NextText, "Next", NextLabel, Icons.ArrowRight()));
        }

        output.RenderInsteadOfTag(new HtmlElement("nav")
            .AddClass("nhsuk-pagination")
            .SetAttribute("role", "navigation")
            .SetAttribute("aria-label", "Pagination")
            .MergeAttributes(output.Attributes)
            .AppendHtml(list));
    }

    private static HtmlElement Item(
        string direction, string rel, string href, string? text, string defaultText, string? label, HtmlElement icon)
    {
        var title = new HtmlElement("span").AddClass("nhsuk-pagination__title");
        if (string.IsNullOrEmpty(text))
        {
            title.AppendText(defaultText).AppendHtml(VisuallyHidden.Span(" page"));
        }
        else
        {
            title.AppendText(text);
        }

        var link = new HtmlElement("a")
            .AddClass("nhsuk-pagination__link", "nhsuk-pagination__link--" + rel)
            .SetAttribute("href", href)
            .SetAttribute("rel", rel)
            .AppendHtml(title);

        if (!string.IsNullOrEmpty(label))
        {
            // The hidden colon makes screen readers read "Previous page: Treatments" as one phrase.
            link.AppendHtml(VisuallyHidden.Span(":"))
                .AppendHtml(new HtmlElement("span").AddClass("nhsuk-pagination__page").AppendText(label));
        }

        return new HtmlElement("li")
            .AddClass("nhsuk-pagination-item--" + direction)
            .AppendHtml(link.AppendHtml(icon));
    }
}

using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK breadcrumb (<c>components/breadcrumb</c>) with <c>&lt;nhs-breadcrumb-item href="…"&gt;</c> children
/// for the pages above the current one. On small screens the template shows only a back link to the last
/// item ("Back to …"); that link is rendered too, or overridden with <c>back-link-href</c>/<c>back-link-text</c>.
/// </summary>
[HtmlTargetElement("nhs-breadcrumb")]
[RestrictChildren("nhs-breadcrumb-item")]
public sealed class NhsBreadcrumbTagHelper : TagHelper
{
    /// <summary><c>reverse</c> for dark backgrounds.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    [HtmlAttributeName("back-link-href")]
    public string? BackLinkHref { get; set; }

    [HtmlAttributeName("back-link-text")]
    public string? BackLinkText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var items = new List<BreadcrumbItem>();
        context.Items[typeof(BreadcrumbItem)] = items;
        await output.GetChildContentAsync();

        var list = new HtmlElement("ol").AddClass("nhsuk-breadcrumb__list");
        foreach (var item in items)
        {
            list.AppendHtml(new HtmlElement("li")
                .AddClass("nhsuk-breadcrumb__list-item")
                .AppendHtml(new HtmlElement("a").AddClass("nhsuk-breadcrumb__link").SetAttribute("href", item.Href).AppendHtml(item.Content)));
        }

        var nav = new HtmlElement("nav")
            .AddClass("nhsuk-breadcrumb", string.IsNullOrEmpty(Variant) ? null : "nhsuk-breadcrumb--" + OptionValidation.OneOf(Variant, "breadcrumb variant", "reverse"))
            .SetAttribute("aria-label", "Breadcrumb")
            .MergeAttributes(output.Attributes)
            .AppendHtml(list);

        var parent = items.Count > 0 ? items[^1] : null;
        var backHref = BackLinkHref ?? parent?.Href;
        IHtmlContent? backText = BackLinkText is not null ? new StringHtmlContent(BackLinkText) : parent?.Content;
        if (!string.IsNullOrEmpty(backHref) && backText is not null)
        {
            nav.AppendHtml(BackLinkMarkup.Create(backHref, type: null, Variant, "Back to", backText));
        }

        output.RenderInsteadOfTag(nav);
    }
}

using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK back link (<c>components/back-link</c>):
/// <c>&lt;nhs-back-link href="/previous"&gt;Back&lt;/nhs-back-link&gt;</c>. The text defaults to "Back".
/// </summary>
[HtmlTargetElement("nhs-back-link")]
public sealed class NhsBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>Renders a <c>&lt;button&gt;</c> of this type instead of a link.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary><c>reverse</c> for dark backgrounds.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    /// <summary>Screen-reader-only text before the visible text.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();
        IHtmlContent text = content.IsEmptyOrWhiteSpace ? new HtmlString("Back") : content;

        output.RenderInsteadOfTag(
            BackLinkMarkup.Create(Href, Type, Variant, VisuallyHiddenText, text).MergeAttributes(output.Attributes));
    }
}

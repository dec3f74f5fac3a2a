using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK inset text (<c>components/inset-text</c>): <c>&lt;nhs-inset-text&gt;&lt;p&gt;…&lt;/p&gt;&lt;/nhs-inset-text&gt;</c>
/// with trusted child content, or <c>&lt;nhs-inset-text text="…" /&gt;</c> for a single encoded paragraph.
/// </summary>
[HtmlTargetElement("nhs-inset-text")]
public sealed class NhsInsetTextTagHelper : TagHelper
{
    /// <summary>Plain text, rendered as one paragraph; ignored when there is child content.</summary>
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    /// <summary>Screen-reader-only prefix; "Information" by default.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string VisuallyHiddenText { get; set; } = "Information";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();

        var inset = new HtmlElement("div")
            .AddClass("nhsuk-inset-text")
            .MergeAttributes(output.Attributes)
            .AppendHtml(VisuallyHidden.Span(VisuallyHiddenText + ": "));

        inset.AppendHtml(content.IsEmptyOrWhiteSpace && !string.IsNullOrEmpty(Text)
            ? new HtmlElement("p").AppendText(Text)
            : content);

        output.RenderInsteadOfTag(inset);
    }
}

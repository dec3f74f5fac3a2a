using System.Globalization;
using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK warning callout (<c>components/warning-callout</c>, a warning card):
/// <c>&lt;nhs-warning-callout heading="Important"&gt;&lt;p&gt;…&lt;/p&gt;&lt;/nhs-warning-callout&gt;</c>
/// with trusted child content, or <c>text="…"</c> for one encoded paragraph.
/// </summary>
[HtmlTargetElement("nhs-warning-callout")]
public sealed class NhsWarningCalloutTagHelper : TagHelper
{
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>Heading level, 3 by default.</summary>
    [HtmlAttributeName("heading-level")]
    public int HeadingLevel { get; set; } = 3;

    /// <summary>Plain text, rendered as the description paragraph; ignored when there is child content.</summary>
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    /// <summary>
    /// Screen-reader-only prefix for the heading; "Important" by default. As in the template it is left out
    /// when the heading already says "important".
    /// </summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string VisuallyHiddenText { get; set; } = "Important";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();
        var body = new HtmlElement("div").AddClass("nhsuk-card__content");

        if (!string.IsNullOrEmpty(Heading))
        {
            body.AppendHtml(HeadingElement(Heading));
        }

        body.AppendHtml(content.IsEmptyOrWhiteSpace && !string.IsNullOrEmpty(Text)
            ? new HtmlElement("p").AddClass("nhsuk-card__description").AppendText(Text)
            : content);

        output.RenderInsteadOfTag(new HtmlElement("div")
            .AddClass("nhsuk-card", "nhsuk-card--warning")
            .MergeAttributes(output.Attributes)
            .AppendHtml(body));
    }

    private HtmlElement HeadingElement(string heading)
    {
        if (HeadingLevel is < 1 or > 6)
        {
            throw new InvalidOperationException($"'{HeadingLevel}' is not a valid heading-level. Use 1 to 6.");
        }

        var element = new HtmlElement("h" + HeadingLevel.ToString(CultureInfo.InvariantCulture)).AddClass("nhsuk-card__heading");
        var saysImportant = heading.Contains("important", StringComparison.OrdinalIgnoreCase);

        // role="text" keeps screen readers from splitting the hidden prefix and the heading into two phrases.
        return saysImportant || string.IsNullOrEmpty(VisuallyHiddenText)
            ? element.AppendText(heading)
            : element.AppendHtml(new HtmlElement("span")
                .SetAttribute("role", "text")
                .AppendHtml(VisuallyHidden.Span(VisuallyHiddenText + ": "))
                .AppendText(heading));
    }
}

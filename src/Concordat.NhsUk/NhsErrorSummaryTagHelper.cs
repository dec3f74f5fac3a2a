using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK error summary (<c>components/error-summary</c>), built from ModelState:
/// <c>&lt;nhs-error-summary /&gt;</c>. Renders nothing while ModelState has no errors. Otherwise lists
/// each field's first error, linking to <c>#&lt;field id&gt;</c> (the id the form
/// components generate); model-level errors (empty key) are listed first, without a link.
/// Fields are listed in the model's property order, which is the order binding and validation add them
/// (ModelState itself enumerates keys sorted by length and name, not in the order they were added).
/// Trusted child content, if any, becomes the description paragraph.
/// </summary>
[HtmlTargetElement("nhs-error-summary")]
public sealed class NhsErrorSummaryTagHelper : TagHelper
{
    /// <summary>The heading; "There is a problem" by default, as the design system recommends.</summary>
    [HtmlAttributeName("heading")]
    public string Heading { get; set; } = "There is a problem";

    /// <summary>Optional text shown above the list.</summary>
    [HtmlAttributeName("description")]
    public string? Description { get; set; }

    /// <summary>
    /// Lists every error of a field, each linking to it, instead of only the first: for a field whose value has many
    /// problems of its own (an uploaded file, each of whose rows can be wrong). The field itself still shows its first.
    /// </summary>
    [HtmlAttributeName("every-error")]
    public bool EveryError { get; set; }

    /// <summary>Stops the summary taking focus on page load when set to true.</summary>
    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var items = ErrorSummaryEntries.From(ViewContext.ViewData.ModelState, ViewContext.ViewData.ModelMetadata, EveryError);
        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var childContent = await output.GetChildContentAsync();

        var body = new HtmlElement("div").AddClass("nhsuk-error-summary__body");
        if (!childContent.IsEmptyOrWhiteSpace)
        {
            body.AppendHtml(new HtmlElement("p").AppendHtml(childContent));
        }
        else if (!string.IsNullOrEmpty(Description))
        {
            body.AppendHtml(new HtmlElement("p").AppendText(Description));
        }

        var list = new HtmlElement("ul").AddClass("nhsuk-list", "nhsuk-error-summary__list");
        foreach (var (href, message) in items)
        {
            var listItem = new HtmlElement("li");
            list.AppendHtml(href is null
                ? listItem.AppendText(message)
                : listItem.AppendHtml(new HtmlElement("a").SetAttribute("href", href).AppendText(message)));
        }

        body.AppendHtml(list);

        var summary = new HtmlElement("div")
            .AddClass("nhsuk-error-summary")
            .SetAttribute("data-module", "nhsuk-error-summary")
            .SetAttribute("data-disable-auto-focus", DisableAutoFocus is { } disable ? (disable ? "true" : "false") : null)
            .MergeAttributes(output.Attributes)
            // role="alert" sits on an inner container (as in the template) so the focus script
            // and the screen reader announcement do not race each other.
            .AppendHtml(new HtmlElement("div")
                .SetAttribute("role", "alert")
                .AppendHtml(new HtmlElement("h2").AddClass("nhsuk-error-summary__heading").AppendText(Heading))
                .AppendHtml(body));

        output.RenderInsteadOfTag(summary);
    }
}

using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// One row of an <c>&lt;nhs-summary-list&gt;</c>: <c>&lt;nhs-summary-row key="Name"&gt;value&lt;/nhs-summary-row&gt;</c>.
/// Child content is the (trusted) value; Razor has already encoded any <c>@expressions</c> in it.
/// </summary>
[HtmlTargetElement("nhs-summary-row", ParentTag = "nhs-summary-list")]
public sealed class NhsSummaryRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string? Key { get; set; }

    /// <summary>Adds a "Change" link to this URL.</summary>
    [HtmlAttributeName("action-href")]
    public string? ActionHref { get; set; }

    /// <summary>The action link's text; "Change" by default.</summary>
    [HtmlAttributeName("action-text")]
    public string ActionText { get; set; } = "Change";

    /// <summary>Screen-reader-only text after the action text, e.g. "name" for "Change name". Defaults to the key.</summary>
    [HtmlAttributeName("action-visually-hidden-text")]
    public string? ActionVisuallyHiddenText { get; set; }

    /// <summary>Set to false to remove this row's border.</summary>
    [HtmlAttributeName("border")]
    public bool Border { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (!context.Items.TryGetValue(typeof(SummaryRow), out var collected) || collected is not List<SummaryRow> rows)
        {
            throw new InvalidOperationException("<nhs-summary-row> must be inside <nhs-summary-list>.");
        }

        if (string.IsNullOrWhiteSpace(Key))
        {
            throw new InvalidOperationException("<nhs-summary-row> needs a 'key' attribute.");
        }

        var value = await output.GetChildContentAsync();
        var action = string.IsNullOrEmpty(ActionHref)
            ? null
            : new SummaryRowAction(ActionHref, ActionText, ActionVisuallyHiddenText ?? Key);

        rows.Add(new SummaryRow(Key, new HtmlString(value.GetContent()), action, Border));
        output.SuppressOutput();
    }
}

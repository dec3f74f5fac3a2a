using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK summary list (<c>components/summary-list</c>) with <c>&lt;nhs-summary-row&gt;</c> children:
/// <code>
/// &lt;nhs-summary-list&gt;
///   &lt;nhs-summary-row key="Name" action-href="/change-name" action-visually-hidden-text="name"&gt;@Model.Name&lt;/nhs-summary-row&gt;
/// &lt;/nhs-summary-list&gt;
/// </code>
/// </summary>
[HtmlTargetElement("nhs-summary-list")]
[RestrictChildren("nhs-summary-row")]
public sealed class NhsSummaryListTagHelper : TagHelper
{
    /// <summary>Set to false to remove all row borders.</summary>
    [HtmlAttributeName("border")]
    public bool Border { get; set; } = true;

    /// <summary>Set to false to remove the last row's border.</summary>
    [HtmlAttributeName("last-row-border")]
    public bool LastRowBorder { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var rows = new List<SummaryRow>();
        context.Items[typeof(SummaryRow)] = rows;
        await output.GetChildContentAsync();

        var list = new HtmlElement("dl")
            .AddClass(
                "nhsuk-summary-list",
                !Border ? "nhsuk-summary-list--no-border" : !LastRowBorder ? "nhsuk-summary-list--no-last-row-border" : null)
            .MergeAttributes(output.Attributes);

        var anyRowHasAction = rows.Exists(r => r.Action is not null);
        for (var i = 0; i < rows.Count; i++)
        {
            var isLast = i == rows.Count - 1;
            list.AppendHtml(Row(rows[i], anyRowHasAction, isLast));
        }

        output.RenderInsteadOfTag(list);
    }

    private HtmlElement Row(SummaryRow row, bool anyRowHasAction, bool isLast)
    {
        // As in the row template: a row's own "no border" is redundant when the list already removes that border.
        var rowBorderRemoved = !row.Border && Border && !(isLast && !LastRowBorder);

        var element = new HtmlElement("div")
            .AddClass(
                "nhsuk-summary-list__row",
                anyRowHasAction && row.Action is null ? "nhsuk-summary-list__row--no-actions" : null,
                rowBorderRemoved ? "nhsuk-summary-list__row--no-border" : null)
            .AppendHtml(new HtmlElement("dt").AddClass("nhsuk-summary-list__key").AppendText(row.Key))
            .AppendHtml(new HtmlElement("dd").AddClass("nhsuk-summary-list__value").AppendHtml(row.Value));

        if (row.Action is { } action)
        {
            var link = new HtmlElement("a").AddClass("nhsuk-link").SetAttribute("href", action.Href).AppendText(action.Text);
            if (!string.IsNullOrEmpty(action.VisuallyHiddenText))
            {
                // Screen reader users tabbing through links hear "Change name", not a list of identical "Change"s.
                link.AppendHtml(VisuallyHidden.Span(" " + action.VisuallyHiddenText));
            }

            element.AppendHtml(new HtmlElement("dd").AddClass("nhsuk-summary-list__actions").AppendHtml(link));
        }

        return element;
    }
}

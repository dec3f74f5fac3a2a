using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK table (<c>components/tables</c>) that reflows on narrow screens, as the template's <c>responsive</c> option
/// makes it: below the desktop breakpoint each row becomes a block and each cell shows its column's heading beside its
/// value, so that no table scrolls sideways on a phone. The table is written as ordinary HTML inside
/// <c>&lt;nhs-table&gt;</c>; its <c>thead</c>, <c>tbody</c>, <c>tr</c>, <c>th</c> and <c>td</c> get the component's classes
/// and roles, and every body cell the heading of its column, taken from the head's <c>th</c> (colspans counted):
/// <code>
/// &lt;nhs-table id="people"&gt;
///   &lt;caption class="nhsuk-table__caption"&gt;People&lt;/caption&gt;
///   &lt;thead&gt;&lt;tr&gt;&lt;th&gt;Name&lt;/th&gt;&lt;th&gt;Role&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
///   &lt;tbody&gt;@foreach (var p in Model.People) { &lt;tr&gt;&lt;th&gt;@p.Name&lt;/th&gt;&lt;td&gt;@p.Role&lt;/td&gt;&lt;/tr&gt; }&lt;/tbody&gt;
/// &lt;/nhs-table&gt;
/// </code>
/// A <c>th</c> in the body is its row's header (<c>scope="row"</c>). The rows must be written in the same view as the
/// table: the cells learn their headings from it as they render, which a partial view's cells cannot.
/// </summary>
[HtmlTargetElement("nhs-table")]
public sealed class NhsTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        context.Items[typeof(ResponsiveTable)] = new ResponsiveTable();
        var content = await output.GetChildContentAsync();
        output.RenderInsteadOfTag(new HtmlElement("table")
            .AddClass("nhsuk-table", "nhsuk-table--responsive")
            .MergeAttributes(output.Attributes)
            .SetAttribute("role", "table")
            .AppendHtml(content));
    }
}

/// <summary>A table section (<c>thead</c> or <c>tbody</c>) of an <c>&lt;nhs-table&gt;</c>.</summary>
[HtmlTargetElement("thead", ParentTag = "nhs-table")]
[HtmlTargetElement("tbody", ParentTag = "nhs-table")]
public sealed class NhsTableSectionTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        // Always found: a section is only matched inside <nhs-table>.
        var table = ResponsiveTable.Find(context)!;
        var isHead = output.TagName == "thead";
        table.InHead = isHead;
        var content = await output.GetChildContentAsync();
        table.InHead = false;
        output.RenderInsteadOfTag(new HtmlElement(output.TagName)
            .AddClass(isHead ? "nhsuk-table__head" : "nhsuk-table__body")
            .MergeAttributes(output.Attributes)
            // As in the template, only the head is marked as a row group.
            .SetAttribute("role", isHead ? "rowgroup" : null)
            .AppendHtml(content));
    }
}

/// <summary>A row of an <c>&lt;nhs-table&gt;</c>.</summary>
[HtmlTargetElement("tr", ParentTag = "thead")]
[HtmlTargetElement("tr", ParentTag = "tbody")]
public sealed class NhsTableRowTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (ResponsiveTable.Find(context) is not { } table)
        {
            return;
        }

        table.Column = 0;
        var content = await output.GetChildContentAsync();
        output.RenderInsteadOfTag(new HtmlElement("tr")
            .AddClass("nhsuk-table__row")
            .MergeAttributes(output.Attributes)
            .SetAttribute("role", "row")
            .AppendHtml(content));
    }
}

/// <summary>
/// A cell of an <c>&lt;nhs-table&gt;</c>: in the head, a column heading; in the body, a cell (or, for a <c>th</c>, the
/// row's header) that starts with its column's heading, shown only on narrow screens and hidden from screen readers,
/// which have the table's own headings.
/// </summary>
[HtmlTargetElement("th", ParentTag = "tr")]
[HtmlTargetElement("td", ParentTag = "tr")]
public sealed class NhsTableCellTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (ResponsiveTable.Find(context) is not { } table)
        {
            return;
        }

        var isHeader = output.TagName == "th";
        var column = table.Column;
        table.Column += output.Attributes.TryGetAttribute("colspan", out var colspan) && int.TryParse(colspan.Value?.ToString(), out var span) ? span : 1;
        var content = await output.GetChildContentAsync();
        var cell = new HtmlElement(output.TagName)
            .AddClass(isHeader ? "nhsuk-table__header" : "nhsuk-table__cell")
            .MergeAttributes(output.Attributes);
        if (table.InHead)
        {
            table.Headings[column] = content.GetContent().Trim();
            output.RenderInsteadOfTag(cell.SetAttribute("scope", "col").SetAttribute("role", "columnheader").AppendHtml(content));
            return;
        }

        if (isHeader)
        {
            cell.SetAttribute("scope", "row");
        }

        cell.SetAttribute("role", isHeader ? "rowheader" : "cell");
        if (table.Headings.TryGetValue(column, out var heading))
        {
            // The heading and the value are the two flex items the component spreads apart, so a value with markup
            // is kept together in one span, as the template does for HTML items; plain text is one item already.
            var value = content.GetContent();
            cell.AppendHtml(new HtmlElement("span").AddClass("nhsuk-table__heading").SetAttribute("aria-hidden", "true")
                    .AppendHtml(new HtmlString(heading + " ")))
                .AppendHtml(value.Contains('<', StringComparison.Ordinal) ? new HtmlElement("span").AppendHtml(new HtmlString(value.Trim())) : new HtmlString(value.Trim()));
        }
        else
        {
            cell.AppendHtml(content);
        }

        output.RenderInsteadOfTag(cell);
    }
}

/// <summary>What the parts of one <c>&lt;nhs-table&gt;</c> tell each other as it renders, in document order.</summary>
internal sealed class ResponsiveTable
{
    public bool InHead { get; set; }

    public int Column { get; set; }

    /// <summary>Each column's heading, as the markup of its <c>th</c>, by the column it starts at.</summary>
    public Dictionary<int, string> Headings { get; } = [];

    /// <summary>The table these parts belong to, or null outside an <c>&lt;nhs-table&gt;</c> (a plain table's rows and cells).</summary>
    public static ResponsiveTable? Find(TagHelperContext context) =>
        context.Items.TryGetValue(typeof(ResponsiveTable), out var table) ? table as ResponsiveTable : null;
}

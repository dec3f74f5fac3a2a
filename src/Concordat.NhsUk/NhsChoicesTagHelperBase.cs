using System.Globalization;
using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// Checkboxes and radios share one template shape: an optional fieldset and legend, hint, error message,
/// then one item per option. The first item's id is the field id without a suffix so error summary links land on it.
/// </summary>
public abstract class NhsChoicesTagHelperBase : NhsFieldTagHelperBase
{
    /// <summary>The legend text. Without a legend no fieldset is rendered (use that only when the page heading labels the group).</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Legend size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    [HtmlAttributeName("legend-size")]
    public string? LegendSize { get; set; }

    /// <summary>Puts the legend text in the page's <c>&lt;h1&gt;</c> (one-question pages).</summary>
    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>The options; <c>Text</c> is the label, <c>Value</c> the submitted value, <c>Disabled</c> disables one option.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Smaller checkboxes or radios.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>Lays the options out side by side (for two short options).</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    /// <summary>Disables every option.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary><c>checkboxes</c> or <c>radios</c>: the block name in the nhsuk-frontend class names.</summary>
    private protected abstract string Block { get; }

    /// <summary><c>checkbox</c> or <c>radio</c>.</summary>
    private protected abstract string InputType { get; }

    /// <summary>
    /// Whether each input carries the group's <c>aria-describedby</c> when there is no fieldset to carry it
    /// (the checkboxes template does this; the radios template does not).
    /// </summary>
    private protected abstract bool ItemsDescribedByGroupWithoutFieldset { get; }

    private protected abstract bool IsChecked(string value, BoundField field);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var field = ResolveField(context);
        var hasFieldset = !string.IsNullOrEmpty(Legend);
        var describedBy = FormGroupParts.DescribedBy(
            string.IsNullOrEmpty(Hint) ? null : field.HintId,
            field.HasError ? field.ErrorId : null);

        var options = new HtmlElement("div")
            .AddClass("nhsuk-" + Block, Small ? $"nhsuk-{Block}--small" : null, Inline ? $"nhsuk-{Block}--inline" : null)
            .SetAttribute("data-module", "nhsuk-" + Block)
            .MergeAttributes(output.Attributes);

        var itemDescribedBy = !hasFieldset && ItemsDescribedByGroupWithoutFieldset ? describedBy : null;
        var index = 0;
        foreach (var item in Items ?? [])
        {
            index++;
            options.AppendHtml(Item(item, field, index, itemDescribedBy));
        }

        var container = hasFieldset
            ? new HtmlElement("fieldset")
                .AddClass("nhsuk-fieldset")
                .SetAttribute("aria-describedby", describedBy)
                .AppendHtml(FormGroupParts.Legend(Legend!, LegendSize, LegendIsPageHeading))
            : FormGroupParts.FormGroup(field.HasError);

        if (!string.IsNullOrEmpty(Hint))
        {
            container.AppendHtml(FormGroupParts.Hint(field.HintId, Hint));
        }

        if (field.ErrorMessage is { } error)
        {
            container.AppendHtml(FormGroupParts.ErrorMessage(field.ErrorId, error));
        }

        container.AppendHtml(options);

        output.RenderInsteadOfTag(hasFieldset ? FormGroupParts.FormGroup(field.HasError).AppendHtml(container) : container);
    }

    private HtmlElement Item(SelectListItem item, BoundField field, int index, string? describedBy)
    {
        var id = index == 1 ? field.Id : field.Id + "-" + index.ToString(CultureInfo.InvariantCulture);
        var value = item.Value ?? item.Text;
        var isChecked = field.HasCurrentValue ? IsChecked(value, field) : item.Selected;

        var input = new HtmlElement("input")
            .AddClass($"nhsuk-{Block}__input")
            .SetAttribute("id", id)
            .SetAttribute("name", field.Name)
            .SetAttribute("type", InputType)
            .SetAttribute("value", value)
            .SetBooleanAttribute("checked", isChecked)
            .SetBooleanAttribute("disabled", item.Disabled || Disabled)
            .SetAttribute("aria-describedby", describedBy);

        var label = new HtmlElement("label")
            .AddClass("nhsuk-label", $"nhsuk-{Block}__label")
            .SetAttribute("for", id)
            .AppendText(item.Text);

        return new HtmlElement("div").AddClass($"nhsuk-{Block}__item").AppendHtml(input).AppendHtml(label);
    }
}

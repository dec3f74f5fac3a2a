using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK select (<c>components/select</c>):
/// <c>&lt;nhs-select for="Input.Region" label="Region" items="Model.Regions" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper : NhsLabelledFieldTagHelperBase
{
    /// <summary>The options. An option is selected when its value matches the field's current value
    /// (from ModelState or the model); <c>Selected</c> only applies when the field has no value yet.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var field = ResolveField(context);

        var select = new HtmlElement("select")
            .AddClass("nhsuk-select", field.HasError ? "nhsuk-select--error" : null)
            .SetAttribute("id", field.Id)
            .SetAttribute("name", field.Name)
            .SetBooleanAttribute("disabled", Disabled)
            .SetAttribute("aria-describedby", DescribedBy(field))
            .MergeAttributes(output.Attributes);

        // Items that name a group are put in an <optgroup> with that label, in the order the groups first appear.
        HtmlElement? group = null;
        string? groupName = null;
        foreach (var item in Items ?? [])
        {
            // With no value attribute the browser submits the option text, so match on that.
            var effectiveValue = item.Value ?? item.Text;
            var selected = field.HasCurrentValue ? field.Values.Contains(effectiveValue, StringComparer.Ordinal) : item.Selected;
            var option = new HtmlElement("option")
                .SetAttribute("value", item.Value)
                .SetBooleanAttribute("selected", selected)
                .SetBooleanAttribute("disabled", item.Disabled)
                .AppendText(item.Text);
            if (item.Group is null)
            {
                (group, groupName) = (null, null);
                select.AppendHtml(option);
                continue;
            }
            if (group is null || groupName != item.Group.Name)
            {
                (group, groupName) = (new HtmlElement("optgroup").SetAttribute("label", item.Group.Name), item.Group.Name);
                select.AppendHtml(group);
            }
            group.AppendHtml(option);
        }

        output.RenderInsteadOfTag(FormGroup(context, field, select));
    }
}

using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK checkboxes (<c>components/checkboxes</c>), bound to a collection property:
/// <c>&lt;nhs-checkboxes for="Input.Contact" legend="How should we contact you?" items="Model.ContactOptions" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper : NhsChoicesTagHelperBase
{
    private protected override string Block => "checkboxes";

    private protected override string InputType => "checkbox";

    private protected override bool ItemsDescribedByGroupWithoutFieldset => true;

    private protected override bool IsChecked(string value, BoundField field) =>
        field.Values.Contains(value, StringComparer.Ordinal);
}

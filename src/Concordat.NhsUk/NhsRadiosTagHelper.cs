using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK radios (<c>components/radios</c>):
/// <c>&lt;nhs-radios for="Input.Answer" legend="Are you 18 or over?" items="Model.YesNo" inline="true" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper : NhsChoicesTagHelperBase
{
    private protected override string Block => "radios";

    private protected override string InputType => "radio";

    private protected override bool ItemsDescribedByGroupWithoutFieldset => false;

    private protected override bool IsChecked(string value, BoundField field) =>
        string.Equals(field.Value, value, StringComparison.Ordinal);
}

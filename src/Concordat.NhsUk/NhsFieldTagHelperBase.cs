using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// Shared attributes of the form components: the model binding (<c>for</c>, with optional
/// <c>name</c>/<c>id</c> overrides) and the hint. Name, id, value and error come from the
/// <see cref="For"/> expression and ModelState, in the style of govuk-frontend-aspnetcore.
/// </summary>
public abstract class NhsFieldTagHelperBase : TagHelper
{
    /// <summary>The model property the field is bound to, e.g. <c>for="Input.Name"</c>.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>Overrides the name generated from <see cref="For"/>; it is also the ModelState key for errors.</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>Overrides the id generated from the name (<c>Input.Name</c> gives <c>Input_Name</c>).
    /// The error summary links to the generated id, so only override it when you have no errors to link to.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>Hint text, shown under the label or legend.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Set by Razor; gives access to ModelState and the html field prefix.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    private protected BoundField ResolveField(TagHelperContext context) =>
        BoundField.Resolve(ViewContext, For, Name, Id, context.TagName);

    private protected static string RequireText(string? value, string attributeName, TagHelperContext context) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"<{context.TagName}> needs a '{attributeName}' attribute.")
            : value;
}

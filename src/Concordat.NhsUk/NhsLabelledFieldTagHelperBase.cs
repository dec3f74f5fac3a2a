using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>Form components with a single control and a <c>&lt;label&gt;</c>: input, textarea and select.</summary>
public abstract class NhsLabelledFieldTagHelperBase : NhsFieldTagHelperBase
{
    /// <summary>The label text (required).</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Label size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    /// <summary>Wraps the label in the page's <c>&lt;h1&gt;</c> (one-question pages).</summary>
    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>
    /// Builds the form group around <paramref name="control"/>: label, hint, error message, control,
    /// in the order of the nhsuk-frontend templates.
    /// </summary>
    private protected HtmlElement FormGroup(TagHelperContext context, BoundField field, HtmlElement control)
    {
        var group = FormGroupParts.FormGroup(field.HasError)
            .AppendHtml(FormGroupParts.Label(RequireText(Label, "label", context), field.Id, LabelSize, LabelIsPageHeading));

        if (!string.IsNullOrEmpty(Hint))
        {
            group.AppendHtml(FormGroupParts.Hint(field.HintId, Hint));
        }

        if (field.ErrorMessage is { } error)
        {
            group.AppendHtml(FormGroupParts.ErrorMessage(field.ErrorId, error));
        }

        return group.AppendHtml(control);
    }

    /// <summary>The <c>aria-describedby</c> value linking the control to its hint and error message.</summary>
    private protected string? DescribedBy(BoundField field) =>
        FormGroupParts.DescribedBy(string.IsNullOrEmpty(Hint) ? null : field.HintId, field.HasError ? field.ErrorId : null);
}

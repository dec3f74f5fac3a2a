using System.Globalization;
using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK textarea (<c>components/textarea</c>):
/// <c>&lt;nhs-textarea for="Input.Notes" label="Notes" hint="…" rows="8" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper : NhsLabelledFieldTagHelperBase
{
    /// <summary>Visible rows; 5 by default, as in the template.</summary>
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>Writes <c>spellcheck="true|false"</c> when set.</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var field = ResolveField(context);
        var value = field.Value;

        var textarea = new HtmlElement("textarea")
            .AddClass("nhsuk-textarea", field.HasError ? "nhsuk-textarea--error" : null)
            .SetAttribute("id", field.Id)
            .SetAttribute("name", field.Name)
            .SetAttribute("rows", (Rows > 0 ? Rows : 5).ToString(CultureInfo.InvariantCulture))
            .SetAttribute("spellcheck", Spellcheck is { } spellcheck ? (spellcheck ? "true" : "false") : null)
            .SetBooleanAttribute("disabled", Disabled)
            .SetAttribute("aria-describedby", DescribedBy(field))
            .SetAttribute("autocomplete", Autocomplete)
            .MergeAttributes(output.Attributes);

        // HTML parsers drop one newline straight after <textarea>; add one so a value's own leading newline survives.
        if (value is not null && (value.StartsWith('\n') || value.StartsWith('\r')))
        {
            textarea.AppendText(Environment.NewLine);
        }

        textarea.AppendText(value);

        output.RenderInsteadOfTag(FormGroup(context, field, textarea));
    }
}

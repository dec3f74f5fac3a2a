using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK date input (<c>components/date-input</c>): day, month and year boxes in a fieldset,
/// <c>&lt;nhs-date-input for="Input.ClosesOn" legend="Closing date" hint="For example, 31 3 2028" /&gt;</c>.
/// Binds to a <see cref="DateOnly"/> or <c>DateOnly?</c> through <see cref="DateInputModelBinder"/>. The boxes are
/// named <c>Input.ClosesOn.Day</c>, <c>.Month</c> and <c>.Year</c>, with ids <c>Input_ClosesOn-day</c> and so on.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper : NhsFieldTagHelperBase
{
    /// <summary>The legend: the question the date answers (required).</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Legend size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    [HtmlAttributeName("legend-size")]
    public string? LegendSize { get; set; }

    /// <summary>Puts the legend text in the page's <c>&lt;h1&gt;</c> (one-question pages).</summary>
    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>Disables the three boxes.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var field = ResolveField(context);
        var legend = RequireText(Legend, "legend", context);
        var shown = Shown(field, context);
        var wrong = !field.HasError ? DateInputParts.None
            : shown.Wrong == DateInputParts.None ? DateInputParts.All // an error about the date as a whole
            : shown.Wrong;

        var boxes = new HtmlElement("div")
            .AddClass("nhsuk-date-input")
            .SetAttribute("id", field.Id)
            .MergeAttributes(output.Attributes)
            .AppendHtml(Box(field, DateInputParts.Day, shown.Day, wrong, width: 2))
            .AppendHtml(Box(field, DateInputParts.Month, shown.Month, wrong, width: 2))
            .AppendHtml(Box(field, DateInputParts.Year, shown.Year, wrong, width: 4));

        // role="group", as the template sets it: without it JAWS does not read the hint of a fieldset of text inputs.
        var fieldset = new HtmlElement("fieldset")
            .AddClass("nhsuk-fieldset")
            .SetAttribute("role", "group")
            .SetAttribute("aria-describedby", FormGroupParts.DescribedBy(string.IsNullOrEmpty(Hint) ? null : field.HintId, field.HasError ? field.ErrorId : null))
            .AppendHtml(FormGroupParts.Legend(legend, LegendSize, LegendIsPageHeading));

        if (!string.IsNullOrEmpty(Hint))
        {
            fieldset.AppendHtml(FormGroupParts.Hint(field.HintId, Hint));
        }

        if (field.ErrorMessage is { } error)
        {
            fieldset.AppendHtml(FormGroupParts.ErrorMessage(field.ErrorId, error));
        }

        output.RenderInsteadOfTag(FormGroupParts.FormGroup(field.HasError).AppendHtml(fieldset.AppendHtml(boxes)));
    }

    /// <summary>What the boxes show: what was typed (kept by the binder in ModelState), else the model's date.</summary>
    private DateInputValue Shown(BoundField field, TagHelperContext context)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(field.Name, out var entry) && entry.RawValue is DateInputValue typed)
        {
            return typed;
        }

        return For?.Model switch
        {
            null => new DateInputValue(null, null, null),
            DateOnly date => DateInputValue.From(date),
            var other => throw new InvalidOperationException(
                $"<{context.TagName}> binds to a DateOnly, not to {For?.Name} of type {other.GetType().Name}."),
        };
    }

    private HtmlElement Box(BoundField field, DateInputParts part, string? value, DateInputParts wrong, int width)
    {
        var id = DateInputValue.PartId(field.Id, part);
        var isWrong = wrong.HasFlag(part);

        var input = new HtmlElement("input")
            .AddClass("nhsuk-input", isWrong ? "nhsuk-input--error" : null, "nhsuk-input--width-" + width, "nhsuk-date-input__input")
            .SetAttribute("id", id)
            .SetAttribute("name", DateInputValue.PartName(field.Name, part))
            .SetAttribute("type", "text")
            .SetAttribute("value", string.IsNullOrEmpty(value) ? null : value)
            .SetBooleanAttribute("disabled", Disabled)
            .SetAttribute("inputmode", "numeric");

        var label = new HtmlElement("label")
            .AddClass("nhsuk-label", "nhsuk-date-input__label")
            .SetAttribute("for", id)
            .AppendText(part.ToString());

        return new HtmlElement("div")
            .AddClass("nhsuk-date-input__item")
            .AppendHtml(FormGroupParts.FormGroup(isWrong).AppendHtml(label).AppendHtml(input));
    }
}

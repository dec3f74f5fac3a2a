using System.Globalization;
using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK text input (<c>components/input</c>):
/// <c>&lt;nhs-input for="Input.Name" label="Organisation name" hint="…" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : NhsLabelledFieldTagHelperBase
{
    private static readonly int[] SupportedWidths = [2, 3, 4, 5, 10, 20, 30];

    /// <summary>The input type: <c>text</c> (default), <c>email</c>, <c>tel</c>, <c>password</c>, <c>number</c>…
    /// A password input never writes its value back into the page.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>Fixed width in characters: 2, 3, 4, 5, 10, 20 or 30.</summary>
    [HtmlAttributeName("width")]
    public int? Width { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    /// <summary>Writes <c>spellcheck="true|false"</c> when set.</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    /// <summary>Monospaced styling for codes and reference numbers (NHS number).</summary>
    [HtmlAttributeName("code")]
    public bool Code { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>Text shown before the input, e.g. <c>£</c>.</summary>
    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    /// <summary>Text shown after the input, e.g. <c>kg</c>.</summary>
    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var field = ResolveField(context);
        var isPassword = string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase);

        var input = new HtmlElement("input")
            .AddClass("nhsuk-input", Code ? "nhsuk-input--code" : null, field.HasError ? "nhsuk-input--error" : null, WidthClass())
            .SetAttribute("id", field.Id)
            .SetAttribute("name", field.Name)
            .SetAttribute("type", string.IsNullOrEmpty(Type) ? "text" : Type)
            .SetAttribute("spellcheck", Spellcheck is { } spellcheck ? (spellcheck ? "true" : "false") : null)
            // Echoing a password back would put it in the page source and browser caches.
            .SetAttribute("value", isPassword ? null : field.Value)
            .SetBooleanAttribute("disabled", Disabled)
            .SetAttribute("aria-describedby", DescribedBy(field))
            .SetAttribute("autocomplete", Autocomplete)
            .SetAttribute("inputmode", InputMode)
            .MergeAttributes(output.Attributes);

        output.RenderInsteadOfTag(FormGroup(context, field, WrapWithAffixes(input)));
    }

    private string? WidthClass()
    {
        if (Width is not { } width)
        {
            return null;
        }

        if (!SupportedWidths.Contains(width))
        {
            throw new InvalidOperationException(
                $"'{width}' is not a valid width. Use one of: {string.Join(", ", SupportedWidths)}.");
        }

        return "nhsuk-input--width-" + width.ToString(CultureInfo.InvariantCulture);
    }

    private HtmlElement WrapWithAffixes(HtmlElement input)
    {
        if (string.IsNullOrEmpty(Prefix) && string.IsNullOrEmpty(Suffix))
        {
            return input;
        }

        var wrapper = new HtmlElement("div").AddClass("nhsuk-input-wrapper");
        if (!string.IsNullOrEmpty(Prefix))
        {
            wrapper.AppendHtml(Affix("prefix", Prefix));
        }

        wrapper.AppendHtml(input);
        if (!string.IsNullOrEmpty(Suffix))
        {
            wrapper.AppendHtml(Affix("suffix", Suffix));
        }

        return wrapper;
    }

    // Hidden from screen readers: the label must already say what the unit is.
    private static HtmlElement Affix(string kind, string text) =>
        new HtmlElement("div").AddClass("nhsuk-input-wrapper__" + kind).SetAttribute("aria-hidden", "true").AppendText(text);
}

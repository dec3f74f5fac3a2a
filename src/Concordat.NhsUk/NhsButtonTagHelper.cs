using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK button (<c>components/button</c>):
/// <c>&lt;nhs-button type="submit" variant="secondary" prevent-double-click&gt;Save&lt;/nhs-button&gt;</c>,
/// or a link styled as a button when <c>href</c> is given. Child content is the (trusted) button content.
/// Other attributes (<c>name</c>, <c>value</c>, <c>id</c>, <c>class</c>, <c>formaction</c>…) pass through.
/// </summary>
[HtmlTargetElement("nhs-button")]
public sealed class NhsButtonTagHelper : TagHelper
{
    private static readonly string[] Variants = ["brand", "login", "reverse", "secondary", "secondary-solid", "warning"];

    /// <summary>Button type (<c>submit</c> by default). Setting it renders a <c>&lt;button&gt;</c> even when <c>href</c> is set.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>Renders <c>&lt;a role="button"&gt;</c> to this URL.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary><c>secondary</c>, <c>secondary-solid</c>, <c>warning</c>, <c>reverse</c>, <c>login</c> or <c>brand</c>.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    /// <summary>Ignores a second click within a second, so a form is not submitted twice.
    /// Can be written bare: <c>prevent-double-click</c>. (A bool, not bool?, because Razor only allows
    /// bare attributes on bool properties; so <c>false</c> leaves the attribute out rather than writing "false".)</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool PreventDoubleClick { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();
        var isLink = !string.IsNullOrEmpty(Href) && string.IsNullOrEmpty(Type);

        var button = new HtmlElement(isLink ? "a" : "button")
            .AddClass(
                "nhsuk-button",
                string.IsNullOrEmpty(Variant) ? null : "nhsuk-button--" + OptionValidation.OneOf(Variant, "button variant", Variants),
                Small ? "nhsuk-button--small" : null)
            .SetAttribute("data-module", "nhsuk-button")
            .SetAttribute("data-prevent-double-click", PreventDoubleClick ? "true" : null);

        if (isLink)
        {
            button
                .SetAttribute("href", Href)
                .SetAttribute("role", "button")
                .SetAttribute("draggable", "false");
        }
        else
        {
            button
                .SetAttribute("type", string.IsNullOrEmpty(Type) ? "submit" : Type)
                .SetBooleanAttribute("disabled", Disabled)
                .SetAttribute("aria-disabled", Disabled ? "true" : null);
        }

        output.RenderInsteadOfTag(button.MergeAttributes(output.Attributes).AppendHtml(content));
    }
}

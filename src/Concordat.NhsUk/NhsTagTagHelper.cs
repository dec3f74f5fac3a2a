using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK tag (<c>components/tag</c>): <c>&lt;nhs-tag colour="green"&gt;Active&lt;/nhs-tag&gt;</c>.
/// Child content is the (trusted) tag content.
/// </summary>
[HtmlTargetElement("nhs-tag")]
public sealed class NhsTagTagHelper : TagHelper
{
    private static readonly string[] Colours =
        ["white", "grey", "green", "aqua-green", "blue", "purple", "pink", "red", "orange", "yellow", "none"];

    /// <summary>
    /// <c>white</c>, <c>grey</c>, <c>green</c>, <c>aqua-green</c>, <c>blue</c>, <c>purple</c>, <c>pink</c>, <c>red</c>,
    /// <c>orange</c> or <c>yellow</c>; <c>none</c> for the uncoloured tag. Blue (the default style) when not set.
    /// </summary>
    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    /// <summary>Set to false for a tag without a border.</summary>
    [HtmlAttributeName("border")]
    public bool Border { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();
        var colour = string.IsNullOrEmpty(Colour) ? null : OptionValidation.OneOf(Colour, "tag colour", Colours);

        output.RenderInsteadOfTag(new HtmlElement("strong")
            .AddClass(
                "nhsuk-tag",
                colour is null ? null : colour == "none" ? "nhsuk-tag--no-colour" : "nhsuk-tag--" + colour,
                Border ? null : "nhsuk-tag--no-border")
            .MergeAttributes(output.Attributes)
            .AppendHtml(content));
    }
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Rendering;

internal static class TagHelperOutputExtensions
{
    /// <summary>
    /// Replaces the <c>&lt;nhs-…&gt;</c> element with the component markup. Callers merge the unbound
    /// attributes into their markup first; they are cleared here so they are not written twice.
    /// </summary>
    public static void RenderInsteadOfTag(this TagHelperOutput output, IHtmlContent markup)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(markup);
    }
}

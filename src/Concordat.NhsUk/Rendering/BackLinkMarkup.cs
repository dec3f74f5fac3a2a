using Microsoft.AspNetCore.Html;

namespace Concordat.NhsUk.Rendering;

/// <summary>The back link (<c>components/back-link</c>), shared by the back link and the breadcrumb's mobile link.</summary>
internal static class BackLinkMarkup
{
    /// <param name="href">Renders a link when set and <paramref name="type"/> is not.</param>
    /// <param name="type">Renders a <c>&lt;button&gt;</c> of this type (for "back" that posts a form).</param>
    /// <param name="variant"><c>reverse</c> for dark backgrounds.</param>
    /// <param name="visuallyHiddenText">Screen-reader-only text before the content, e.g. "Back to".</param>
    /// <param name="content">The visible text.</param>
    public static HtmlElement Create(string? href, string? type, string? variant, string? visuallyHiddenText, IHtmlContent content)
    {
        var isLink = !string.IsNullOrEmpty(href) && string.IsNullOrEmpty(type);
        var element = new HtmlElement(isLink ? "a" : "button")
            .AddClass("nhsuk-back-link", VariantClass(variant));

        if (isLink)
        {
            element.SetAttribute("href", href);
        }
        else
        {
            element.SetAttribute("type", string.IsNullOrEmpty(type) ? "submit" : type);
        }

        if (!string.IsNullOrEmpty(visuallyHiddenText))
        {
            element.AppendHtml(VisuallyHidden.Span(visuallyHiddenText + " "));
        }

        return element.AppendHtml(content);
    }

    private static string? VariantClass(string? variant) =>
        string.IsNullOrEmpty(variant) ? null : "nhsuk-back-link--" + OptionValidation.OneOf(variant, "back link variant", "reverse");
}

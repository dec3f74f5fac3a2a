namespace Concordat.NhsUk.Rendering;

/// <summary>Text for screen readers only (<c>nhsuk-u-visually-hidden</c>), e.g. the "Error: " before an error message.</summary>
internal static class VisuallyHidden
{
    /// <summary>The text is written as given: the leading or trailing space many templates include is significant.</summary>
    public static HtmlElement Span(string text) =>
        new HtmlElement("span").AddClass("nhsuk-u-visually-hidden").AppendText(text);
}

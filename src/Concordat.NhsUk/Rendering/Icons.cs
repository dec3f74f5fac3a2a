namespace Concordat.NhsUk.Rendering;

/// <summary>The inline SVG icons the components use, copied from nhsuk-frontend's <c>macros/icon.njk</c>.</summary>
internal static class Icons
{
    public static HtmlElement ArrowLeft() => Icon(
        "arrow-left",
        "M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z");

    public static HtmlElement ArrowRight() => Icon(
        "arrow-right",
        "m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z");

    // Decorative: hidden from assistive technology and never focusable.
    private static HtmlElement Icon(string name, string path) =>
        new HtmlElement("svg")
            .AddClass("nhsuk-icon", "nhsuk-icon--" + name)
            .SetAttribute("xmlns", "http://www.w3.org/2000/svg")
            .SetAttribute("viewBox", "0 0 24 24")
            .SetAttribute("width", "16")
            .SetAttribute("height", "16")
            .SetAttribute("focusable", "false")
            .SetAttribute("aria-hidden", "true")
            .AppendHtml(new HtmlElement("path").SetAttribute("d", path));
}

namespace Concordat.NhsUk.Rendering;

/// <summary>
/// The shared pieces of every form component: label, legend, hint and error message
/// (nhsuk-frontend's label, legend, hint and error-message templates).
/// </summary>
internal static class FormGroupParts
{
    /// <summary>
    /// <c>&lt;label class="nhsuk-label"&gt;</c>, wrapped in <c>&lt;h1 class="nhsuk-label-wrapper"&gt;</c> when the label is the page heading.
    /// </summary>
    public static HtmlElement Label(string text, string forId, string? size, bool isPageHeading)
    {
        var label = new HtmlElement("label")
            .AddClass("nhsuk-label", SizeModifier("nhsuk-label--", size))
            .SetAttribute("for", forId)
            .AppendText(text);

        return isPageHeading
            ? new HtmlElement("h1").AddClass("nhsuk-label-wrapper").AppendHtml(label)
            : label;
    }

    /// <summary>
    /// <c>&lt;legend class="nhsuk-fieldset__legend"&gt;</c>, with the text inside
    /// <c>&lt;h1 class="nhsuk-fieldset__heading"&gt;</c> when the legend is the page heading.
    /// </summary>
    public static HtmlElement Legend(string text, string? size, bool isPageHeading)
    {
        var legend = new HtmlElement("legend").AddClass("nhsuk-fieldset__legend", SizeModifier("nhsuk-fieldset__legend--", size));

        return isPageHeading
            ? legend.AppendHtml(new HtmlElement("h1").AddClass("nhsuk-fieldset__heading").AppendText(text))
            : legend.AppendText(text);
    }

    public static HtmlElement Hint(string id, string text) =>
        new HtmlElement("div").AddClass("nhsuk-hint").SetAttribute("id", id).AppendText(text);

    /// <summary>The error message, prefixed with visually hidden "Error: " so screen readers announce it as an error.</summary>
    public static HtmlElement ErrorMessage(string id, string text) =>
        new HtmlElement("span")
            .AddClass("nhsuk-error-message")
            .SetAttribute("id", id)
            .AppendHtml(VisuallyHidden.Span("Error: "))
            .AppendText(text);

    public static HtmlElement FormGroup(bool hasError) =>
        new HtmlElement("div").AddClass("nhsuk-form-group", hasError ? "nhsuk-form-group--error" : null);

    /// <summary>Joins the ids of the hint and error message for <c>aria-describedby</c>, or null when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(id => !string.IsNullOrEmpty(id)));
        return joined.Length == 0 ? null : joined;
    }

    private static string? SizeModifier(string prefix, string? size) =>
        string.IsNullOrEmpty(size) ? null : prefix + OptionValidation.OneOf(size, "size", "s", "m", "l", "xl");
}

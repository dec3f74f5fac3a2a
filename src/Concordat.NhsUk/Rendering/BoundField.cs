using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Concordat.NhsUk.Rendering;

/// <summary>
/// What a form component needs to know about the field it is bound to: its name and id, the value(s) to show
/// and the error to display. Values come from ModelState first (what the user typed, even if it failed to bind)
/// and then from the model, the same precedence as MVC's own input tag helpers.
/// </summary>
internal sealed class BoundField
{
    /// <summary>Shown when a ModelState error has no message (an exception-only error whose text must not leak to users).</summary>
    internal const string FallbackErrorMessage = "Enter a valid value";

    private BoundField(string name, string id, IReadOnlyList<string> values, bool hasCurrentValue, string? errorMessage)
    {
        Name = name;
        Id = id;
        Values = values;
        HasCurrentValue = hasCurrentValue;
        ErrorMessage = errorMessage;
    }

    public string Name { get; }

    public string Id { get; }

    /// <summary>All current values; several for a collection bound to checkboxes.</summary>
    public IReadOnlyList<string> Values { get; }

    public string? Value => Values.Count > 0 ? Values[0] : null;

    /// <summary>
    /// True when ModelState or the model supplied a value (even an empty collection). Choice components then
    /// ignore <c>SelectListItem.Selected</c>, as MVC's select helper does, so a post-back shows what the user chose.
    /// </summary>
    public bool HasCurrentValue { get; }

    public string? ErrorMessage { get; }

    public bool HasError => ErrorMessage is not null;

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";

    /// <param name="viewContext">The current view, for ModelState and the html field prefix.</param>
    /// <param name="expression">The <c>for</c> expression; optional when <paramref name="name"/> is given.</param>
    /// <param name="name">Overrides the name generated from the expression (and so the ModelState key).</param>
    /// <param name="id">Overrides the id generated from the name.</param>
    /// <param name="tagName">The tag helper's element name, for error messages.</param>
    public static BoundField Resolve(ViewContext viewContext, ModelExpression? expression, string? name, string? id, string tagName)
    {
        ArgumentNullException.ThrowIfNull(viewContext);

        var fieldName = name;
        if (string.IsNullOrEmpty(fieldName))
        {
            if (expression is null)
            {
                throw new InvalidOperationException($"<{tagName}> needs a 'for' or a 'name' attribute.");
            }

            fieldName = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        }

        viewContext.ViewData.ModelState.TryGetValue(fieldName, out var entry);

        var attempted = entry?.RawValue;
        var model = expression?.Model;
        var values = attempted is not null
            ? ToStrings(attempted, format: null)
            : ToStrings(model, expression?.Metadata.EditFormatString);

        return new BoundField(
            fieldName,
            string.IsNullOrEmpty(id) ? FieldIds.FromName(fieldName) : id,
            values,
            hasCurrentValue: attempted is not null || model is not null,
            FirstErrorMessage(entry));
    }

    internal static string? FirstErrorMessage(ModelStateEntry? entry)
    {
        if (entry is null || entry.Errors.Count == 0)
        {
            return null;
        }

        var message = entry.Errors[0].ErrorMessage;
        return string.IsNullOrEmpty(message) ? FallbackErrorMessage : message;
    }

    private static string[] ToStrings(object? value, string? format) => value switch
    {
        null => [],
        string text => [text],
        IEnumerable sequence => sequence.Cast<object?>()
            .Select(item => Format(item, format))
            .OfType<string>()
            .ToArray(),
        _ => Format(value, format) is { } formatted ? [formatted] : [],
    };

    // Booleans are written as HTML forms post them ("true"), not as .NET prints them ("True"), so a checkbox
    // whose value is "true" is checked when its model is.
    private static string? Format(object? value, string? format) =>
        value is bool flag ? (flag ? "true" : "false")
        : string.IsNullOrEmpty(format)
            ? Convert.ToString(value, CultureInfo.CurrentCulture)
            : string.Format(CultureInfo.CurrentCulture, format, value);
}

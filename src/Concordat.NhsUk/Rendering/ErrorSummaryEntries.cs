using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.NhsUk.Rendering;

/// <summary>One line of the error summary: a link to the field, or plain text for a model-level error.</summary>
internal sealed record ErrorSummaryEntry(string? Href, string Message);

/// <summary>
/// Turns ModelState errors into error summary entries, in the order of the fields on the form.
/// </summary>
/// <remarks>
/// <see cref="ModelStateDictionary"/> does not remember insertion order: it enumerates each level of its key tree
/// sorted by key length and then name, so "Input.Email" would come before "Input.Organisation" whatever the page
/// order. Model binding and validation add entries in the model's property order, so that order is recovered from
/// the model metadata: model-level errors first, then fields in property order (collection items by index), then
/// any keys the model does not describe, in ModelState order.
/// </remarks>
internal static partial class ErrorSummaryEntries
{
    public static IReadOnlyList<ErrorSummaryEntry> From(ModelStateDictionary modelState, ModelMetadata? model, bool everyError = false)
    {
        var withErrors = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (entry.Key, Value: entry.Value!, Position: model is null ? null : PositionInModel(model, entry.Key)))
            .ToList();

        // OrderBy is stable, so ties and unknown keys keep their ModelState order.
        var ordered = withErrors
            .OrderBy(e => e.Key.Length == 0 ? 0 : e.Position is null ? 2 : 1)
            .ThenBy(e => e.Position, PositionComparer.Instance);

        var entries = new List<ErrorSummaryEntry>();
        foreach (var (key, entry, _) in ordered)
        {
            if (key.Length == 0)
            {
                entries.AddRange(entry.Errors.Select(error =>
                    new ErrorSummaryEntry(null, string.IsNullOrEmpty(error.ErrorMessage) ? BoundField.FallbackErrorMessage : error.ErrorMessage)));
            }
            else if (everyError)
            {
                var href = Href(key, entry);
                entries.AddRange(entry.Errors.Select(error =>
                    new ErrorSummaryEntry(href, string.IsNullOrEmpty(error.ErrorMessage) ? BoundField.FallbackErrorMessage : error.ErrorMessage)));
            }
            else
            {
                // One entry per field, with the same (first) message the field shows inline.
                entries.Add(new ErrorSummaryEntry(Href(key, entry), BoundField.FirstErrorMessage(entry)!));
            }
        }

        return entries;
    }

    /// <summary>
    /// The link to the field's control: its id, or for a date input the id of its first wrong box (the date input
    /// binder records which, in the entry's raw value).
    /// </summary>
    private static string Href(string key, ModelStateEntry entry) =>
        "#" + (entry.RawValue is DateInputValue date
            ? DateInputValue.PartId(FieldIds.FromName(key), date.FirstWrong)
            : FieldIds.FromName(key));

    /// <summary>
    /// The field's position as a path of property indexes (and collection indexes), e.g. "Input.Phones[1].Number"
    /// becomes [0, 3, 1, 0]; null when the key does not name a property of the model.
    /// </summary>
    private static int[]? PositionInModel(ModelMetadata model, string key)
    {
        var position = new List<int>();
        var current = model;

        foreach (Match segment in KeySegments().Matches(key))
        {
            if (segment.Groups["index"].Success)
            {
                if (current.ElementMetadata is null)
                {
                    return null;
                }

                current = current.ElementMetadata;
                position.Add(int.TryParse(segment.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0);
                continue;
            }

            var name = segment.Groups["name"].Value;
            var properties = current.Properties;
            var propertyIndex = -1;
            for (var i = 0; i < properties.Count; i++)
            {
                // A property bound under another name ([BindProperty(Name = "…")]) has that name as its ModelState key.
                var boundName = properties[i].BinderModelName ?? properties[i].PropertyName;
                if (string.Equals(boundName, name, StringComparison.OrdinalIgnoreCase))
                {
                    propertyIndex = i;
                    break;
                }
            }

            if (propertyIndex < 0)
            {
                return null;
            }

            position.Add(propertyIndex);
            current = properties[propertyIndex];
        }

        return position.Count == 0 ? null : [.. position];
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[^\]]*)\]")]
    private static partial Regex KeySegments();

    private sealed class PositionComparer : IComparer<int[]?>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            if (x is null || y is null)
            {
                return 0;
            }

            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var compared = x[i].CompareTo(y[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}

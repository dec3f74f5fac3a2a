using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.NhsUk;

/// <summary>
/// Binds <c>&lt;nhs-date-input&gt;</c>'s three boxes (<c>Input.Horizon.Day</c>, <c>.Month</c>, <c>.Year</c>) to a
/// <see cref="DateOnly"/> or <c>DateOnly?</c>, with the error messages the design system recommends, naming the field
/// by its display name (<c>[Display(Name = "Closing date")]</c>, else the property's name): "Enter the closing date",
/// "Closing date must include a month", "Closing date must be a real date", "Closing date must have a year with 4
/// numbers". What was typed is kept in ModelState (as a <see cref="DateInputValue"/>) so the boxes show it again.
/// A link may carry the date whole instead (<c>?from=2026-11-01</c>); it is read as if typed in the boxes.
/// Register it with <c>options.ModelBinderProviders.Insert(0, new DateInputModelBinderProvider())</c>.
/// </summary>
public sealed partial class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);

        var name = bindingContext.ModelName;
        var typed = Typed(bindingContext.ValueProvider, name);
        if (typed is null)
        {
            // Nothing was posted for this date (the form does not show it): leave the model as it is.
            return Task.CompletedTask;
        }

        var metadata = bindingContext.ModelMetadata;
        var field = metadata.DisplayName ?? metadata.Name ?? "Date";
        var attempted = string.Join(' ', typed.Day, typed.Month, typed.Year).Trim();

        var (date, wrong, error) = Read(typed, field, metadata.IsRequired);
        bindingContext.ModelState.SetModelValue(name, typed with { Wrong = wrong }, attempted);
        if (error is not null)
        {
            bindingContext.ModelState.TryAddModelError(name, error);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }

        return Task.CompletedTask;
    }

    /// <summary>What was typed in the boxes, or the whole date of a link split into them; null when neither was sent.</summary>
    private static DateInputValue? Typed(IValueProvider values, string name)
    {
        var day = values.GetValue(DateInputValue.PartName(name, DateInputParts.Day));
        var month = values.GetValue(DateInputValue.PartName(name, DateInputParts.Month));
        var year = values.GetValue(DateInputValue.PartName(name, DateInputParts.Year));
        if (day != ValueProviderResult.None || month != ValueProviderResult.None || year != ValueProviderResult.None)
        {
            return new DateInputValue(day.FirstValue?.Trim(), month.FirstValue?.Trim(), year.FirstValue?.Trim());
        }

        if (string.IsNullOrEmpty(name) || values.GetValue(name) is not { FirstValue: { } whole })
        {
            return null;
        }

        var parts = IsoDate().Match(whole.Trim());
        return parts.Success
            ? new DateInputValue(parts.Groups["day"].Value, parts.Groups["month"].Value, parts.Groups["year"].Value)
            // Not a date at all: nothing to put back in the boxes, and a day that cannot be read.
            : string.IsNullOrWhiteSpace(whole) ? new DateInputValue(null, null, null) : new DateInputValue(null, null, null, DateInputParts.All);
    }

    private static (DateOnly? Date, DateInputParts Wrong, string? Error) Read(DateInputValue typed, string field, bool required)
    {
        if (typed.Wrong != DateInputParts.None)
        {
            return (null, typed.Wrong, $"{field} must be a real date");
        }

        var missing = Missing(typed);
        if (missing == DateInputParts.All)
        {
            return required ? (null, DateInputParts.All, $"Enter the {LowerFirst(field)}") : (null, DateInputParts.None, null);
        }

        if (missing != DateInputParts.None)
        {
            return (null, missing, $"{field} must include a {MissingWords(missing)}");
        }

        var day = Number(typed.Day!, 1, 31);
        var month = Number(typed.Month!, 1, 12) ?? MonthByName(typed.Month!);
        var year = Number(typed.Year!, 1, 9999);
        var unreadable = (day is null ? DateInputParts.Day : 0) | (month is null ? DateInputParts.Month : 0) | (year is null ? DateInputParts.Year : 0);
        if (unreadable != DateInputParts.None)
        {
            return (null, unreadable, $"{field} must be a real date");
        }

        if (typed.Year!.Length != 4)
        {
            return (null, DateInputParts.Year, $"{field} must have a year with 4 numbers");
        }

        // Each box is possible on its own, but not together (31 February, or 29 February outside a leap year).
        return day > DateTime.DaysInMonth(year!.Value, month!.Value)
            ? (null, DateInputParts.All, $"{field} must be a real date")
            : (new DateOnly(year!.Value, month!.Value, day!.Value), DateInputParts.None, null);
    }

    private static DateInputParts Missing(DateInputValue typed) =>
        (string.IsNullOrEmpty(typed.Day) ? DateInputParts.Day : 0)
        | (string.IsNullOrEmpty(typed.Month) ? DateInputParts.Month : 0)
        | (string.IsNullOrEmpty(typed.Year) ? DateInputParts.Year : 0);

    private static string MissingWords(DateInputParts missing) =>
        string.Join(" and ", new[] { DateInputParts.Day, DateInputParts.Month, DateInputParts.Year }
            .Where(part => missing.HasFlag(part))
            .Select(part => part.ToString().ToLowerInvariant()));

    // Digits only: a sign, spaces inside or decimals are not a day, month or year anyone means.
    private static int? Number(string text, int min, int max) =>
        text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : null;

    // People also write the month as a word ("March", "mar"), which the design system asks services to accept.
    private static int? MonthByName(string text)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var month = 1; month <= 12; month++)
        {
            if (string.Equals(text, names.GetMonthName(month), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, names.GetAbbreviatedMonthName(month), StringComparison.OrdinalIgnoreCase))
            {
                return month;
            }
        }

        return null;
    }

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})$")]
    private static partial Regex IsoDate();
}

/// <summary>Gives <see cref="DateOnly"/> and <c>DateOnly?</c> model properties the <see cref="DateInputModelBinder"/>.</summary>
public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    private static readonly DateInputModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? Binder : null;
    }
}

namespace Concordat.NhsUk;

/// <summary>The boxes of a date input.</summary>
[Flags]
public enum DateInputParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// What was typed in a date input's three boxes, and which of them the error is about. The date input binder keeps
/// it as the ModelState entry's raw value, so that <c>&lt;nhs-date-input&gt;</c> shows the boxes as they were typed
/// and highlights the wrong ones, and the error summary links to the first wrong box.
/// </summary>
/// <param name="Day">The day box as typed.</param>
/// <param name="Month">The month box as typed.</param>
/// <param name="Year">The year box as typed.</param>
/// <param name="Wrong">The boxes the field's error is about; none when the date was read.</param>
public sealed record DateInputValue(string? Day, string? Month, string? Year, DateInputParts Wrong = DateInputParts.None)
{
    internal static DateInputValue From(DateOnly date) => new(
        date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The box to link to from the error summary: the first wrong one, or the day when the error is about the date
    /// as a whole (an error added after binding, such as "must be in the future").
    /// </summary>
    internal DateInputParts FirstWrong =>
        Wrong.HasFlag(DateInputParts.Day) || Wrong == DateInputParts.None ? DateInputParts.Day
        : Wrong.HasFlag(DateInputParts.Month) ? DateInputParts.Month
        : DateInputParts.Year;

    /// <summary>The id of one box: the date input's id and the part, as the template writes it (<c>Input_Horizon-day</c>).</summary>
    internal static string PartId(string fieldId, DateInputParts part) => fieldId + "-" + part.ToString().ToLowerInvariant();

    /// <summary>The name of one box: the field's name and the part (<c>Input.Horizon.Day</c>), which the binder reads.</summary>
    internal static string PartName(string fieldName, DateInputParts part) =>
        string.IsNullOrEmpty(fieldName) ? part.ToString() : fieldName + "." + part;
}

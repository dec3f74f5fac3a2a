using System.Collections.Immutable;
using System.Globalization;

namespace Concordat.Spc;

/// <summary>
/// What to call a measure, its unit and its periods in summaries and charts. All optional: without period labels
/// points are called "point 1", "point 2"…
/// </summary>
public sealed record SpcLabels
{
    /// <summary>No names at all.</summary>
    public static SpcLabels None { get; } = new();

    /// <summary>The measure's name, e.g. "Four-hour performance".</summary>
    public string? MeasureName { get; init; }

    /// <summary>The unit of the values, e.g. "%" or "attendances". "%" is written straight after a number, any other unit after a space.</summary>
    public string? Unit { get; init; }

    /// <summary>One label per point, in order (e.g. "Apr 2018"), or empty for none.</summary>
    public ImmutableArray<string> PeriodLabels
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>
    /// Labels for dated periods: "Apr 2018" when every date is the first of its month (monthly data, the usual
    /// case), otherwise "3 Apr 2018".
    /// </summary>
    public static ImmutableArray<string> FormatPeriods(IReadOnlyCollection<DateOnly> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var format = periods.All(p => p.Day == 1) ? "MMM yyyy" : "d MMM yyyy";
        return [.. periods.Select(p => p.ToString(format, CultureInfo.InvariantCulture))];
    }

    /// <summary>The label of point <paramref name="index"/>.</summary>
    public string Period(int index) =>
        index >= 0 && index < PeriodLabels.Length ? PeriodLabels[index] : $"point {index + 1}";

    /// <summary>A value with its unit, e.g. "95.12%" or "21,289 attendances".</summary>
    public string Value(double value)
    {
        var number = SpcFormat.Number(value);
        return string.IsNullOrEmpty(Unit) ? number
            : Unit == "%" ? number + "%"
            : $"{number} {Unit}";
    }

    internal void CheckFits(XmrAnalysis analysis)
    {
        if (!PeriodLabels.IsEmpty && PeriodLabels.Length != analysis.Count)
        {
            throw new ArgumentException(
                $"There are {PeriodLabels.Length} period labels for {analysis.Count} points; give one label per point.",
                nameof(analysis));
        }
    }
}

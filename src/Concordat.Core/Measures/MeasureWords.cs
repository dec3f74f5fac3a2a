using Concordat.Core.Words;
using Concordat.Spc;

namespace Concordat.Core.Measures;

/// <summary>The words people read for a measure's frequency, format, source, population and direction of improvement.</summary>
public static class MeasureWords
{
    public static string InWords(this MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Weekly => "Weekly",
        MeasureFrequency.Monthly => "Monthly",
        MeasureFrequency.Quarterly => "Calendar quarters",
        MeasureFrequency.Annual => "Calendar years",
        MeasureFrequency.FinancialQuarter => "Financial quarters",
        MeasureFrequency.FinancialYear => "Financial years",
        MeasureFrequency.AcademicYear => "Academic years",
        MeasureFrequency.PooledYears => "Pooled years, rolling",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The measure's periods with their pool: "Monthly", "Pooled years, rolling: 3 years in each period".</summary>
    public static string PeriodsInWords(this Measure m) => m.Frequency == MeasureFrequency.PooledYears && m.PoolYears is { } years
        ? $"{m.Frequency.InWords()}: {Prose.Count(years, "year")} in each period" : m.Frequency.InWords();

    /// <summary>
    /// Why a chart of pooled periods must be read with care, or null for any other type: consecutive pools share all
    /// but one year, so a run of points on one side of the mean or a trend is partly the same data counted again.
    /// </summary>
    public static string? OverlapInWords(this Measure m) => m.Frequency == MeasureFrequency.PooledYears && m.PoolYears is { } years
        ? $"Each point pools {Prose.Count(years, "year")} and shares {Prose.Count(years - 1, "year")} with the point before, so the points overlap: "
          + "read runs, shifts and trends with care, as they count the same years more than once."
        : null;

    public static string InWords(this ReleaseCadence cadence) => cadence switch
    {
        ReleaseCadence.Weekly => "Weekly",
        ReleaseCadence.Monthly => "Monthly",
        ReleaseCadence.Quarterly => "Quarterly",
        ReleaseCadence.Annual => "Annually",
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, null),
    };

    public static string InWords(this LagUnit unit) => unit switch
    {
        LagUnit.Days => "Days",
        LagUnit.Weeks => "Weeks",
        LagUnit.Months => "Months",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>A lag in words: "18 months", "10 days".</summary>
    public static string LagInWords(int amount, LagUnit unit) => Prose.Count(amount, unit.InWords().ToLowerInvariant().TrimEnd('s'));

    /// <summary>The publication schedule in force: "Annually, 18 months after the period ends".</summary>
    public static string ScheduleInWords(this Measure m)
    {
        var (amount, unit) = m.EffectiveLag;
        return $"{m.EffectiveCadence.InWords()}, {LagInWords(amount, unit)} after the period ends";
    }

    public static string InWords(this MeasureFormat format) => format switch
    {
        MeasureFormat.Percentage => "Percentage",
        MeasureFormat.Rate => "Rate per population",
        MeasureFormat.Count => "Count",
        MeasureFormat.Days => "Days",
        MeasureFormat.Number => "Number",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format inside a sentence: "Four-hour performance is a percentage", "cannot be negative for a count".</summary>
    public static string WithArticle(this MeasureFormat format) => format switch
    {
        MeasureFormat.Percentage => "a percentage",
        MeasureFormat.Rate => "a rate per population",
        MeasureFormat.Count => "a count",
        MeasureFormat.Days => "a number of days",
        MeasureFormat.Number => "a number",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string InWords(this MeasureSourceKind kind) => kind switch
    {
        MeasureSourceKind.Local => "Local data",
        MeasureSourceKind.Fingertips => "OHID Fingertips indicator",
        MeasureSourceKind.NhsEngland => "NHS England statistic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string InWords(this MeasureGeography geography) => geography switch
    {
        MeasureGeography.System => "The whole system",
        MeasureGeography.Place => "A place",
        MeasureGeography.Organisation => "An organisation's population or service",
        MeasureGeography.Area => "An ONS or ODS area code",
        _ => throw new ArgumentOutOfRangeException(nameof(geography), geography, null),
    };

    public static string InWords(this ImprovementDirection direction) => direction switch
    {
        ImprovementDirection.Increase => "Higher is better",
        ImprovementDirection.Decrease => "Lower is better",
        ImprovementDirection.Neither => "Neither direction is better",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>What a point means for the measure, as a board report names it.</summary>
    public static string InWords(this PointType type) => type switch
    {
        PointType.CommonCause => "Common cause",
        PointType.SpecialCauseImprovement => "Special cause improvement",
        PointType.SpecialCauseConcern => "Special cause concern",
        PointType.SpecialCauseNeither => "Special cause, neither improvement nor concern",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The special cause rule that flags a point.</summary>
    public static string InWords(this SpecialCauseRule rule) => rule switch
    {
        SpecialCauseRule.OutsideLimits => "Outside the process limits",
        SpecialCauseRule.Trend => "Trend of 7 points rising or falling",
        SpecialCauseRule.TwoInThree => "Two of three points close to a process limit",
        SpecialCauseRule.Shift => "Shift of 7 points on one side of the mean",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static string InWords(this SignalDirection direction) => direction switch
    {
        SignalDirection.High => "High",
        SignalDirection.Low => "Low",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>Where the data comes from, with its reference: "OHID Fingertips indicator 93085", "NHS England: A&amp;E attendances".</summary>
    public static string SourceInWords(this Measure m) => SourceInWords(m.SourceKind, m.Source);

    public static string SourceInWords(MeasureSourceKind kind, string? source) => kind switch
    {
        MeasureSourceKind.Fingertips => $"OHID Fingertips indicator {source}".TrimEnd(),
        MeasureSourceKind.NhsEngland => "NHS England" + (source is null ? "" : ": " + source),
        _ => source is null ? "Local data" : "Local: " + source,
    };

    /// <summary>A count and its denominator: "11,376 of 15,994".</summary>
    public static string CountOf(double? count, double? denominator) => (count, denominator) switch
    {
        ({ } c, { } d) => $"{Prose.Number(c)} of {Prose.Number(d)}",
        ({ } c, null) => Prose.Number(c),
        (null, { } d) => $"of {Prose.Number(d)}",
        _ => "",
    };

    /// <summary>A confidence interval in the measure's unit: "70.2% to 72.1%".</summary>
    public static string Interval(double? lower, double? upper, string unit) =>
        lower is { } l && upper is { } u ? $"{Prose.Amount(l, unit)} to {Prose.Amount(u, unit)}" : "";
}

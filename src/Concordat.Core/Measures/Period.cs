using System.Globalization;
using System.Text.RegularExpressions;

namespace Concordat.Core.Measures;

/// <summary>
/// One period of a measure's data, of the measure's type, named as the data is published: "Week of 6 April 2026",
/// "April 2026", "2024 Q1", "2024/25 Q1", "2024", "2024/25" (a financial year from 1 April, or an academic year from
/// 1 September) or "2019 - 21" (pooled years). Observations are keyed by <see cref="Start"/>; the type says how long
/// the period is and how to write it. <see cref="PoolYears"/> is the pool's length for pooled periods and 1 otherwise.
/// </summary>
public readonly partial record struct Period(MeasureFrequency Type, DateOnly Start, int PoolYears = 1) : IComparable<Period>
{
    public const int MinPoolYears = 2;
    public const int MaxPoolYears = 10;

    /// <summary>The period of <paramref name="measure"/>'s type that starts on <paramref name="start"/>.</summary>
    public static Period Of(Measure measure, DateOnly start) => new(measure.Frequency, start, measure.PoolYears ?? 1);

    public DateOnly End => Type switch
    {
        MeasureFrequency.Weekly => Start.AddDays(6),
        MeasureFrequency.Monthly => Start.AddMonths(1).AddDays(-1),
        MeasureFrequency.Quarterly or MeasureFrequency.FinancialQuarter => Start.AddMonths(3).AddDays(-1),
        MeasureFrequency.PooledYears => Start.AddYears(PoolYears).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    /// <summary>The period after this one. Rolling pools move on a year at a time, so consecutive pools share years.</summary>
    public Period Next => this with
    {
        Start = Type switch
        {
            MeasureFrequency.Weekly => Start.AddDays(7),
            MeasureFrequency.Monthly => Start.AddMonths(1),
            MeasureFrequency.Quarterly or MeasureFrequency.FinancialQuarter => Start.AddMonths(3),
            _ => Start.AddYears(1),
        },
    };

    public int CompareTo(Period other) => Start.CompareTo(other.Start);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>The period as published; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => Type switch
    {
        MeasureFrequency.Weekly => "Week of " + Start.ToString("d MMMM yyyy", Invariant),
        MeasureFrequency.Monthly => Start.ToString("MMMM yyyy", Invariant),
        MeasureFrequency.Quarterly => $"{Start.Year} Q{((Start.Month - 1) / 3) + 1}",
        MeasureFrequency.FinancialQuarter => $"{YearPair(FinancialYearOf(Start))} Q{((Start.Month + 8) % 12 / 3) + 1}",
        MeasureFrequency.Annual => Start.Year.ToString(Invariant),
        MeasureFrequency.FinancialYear or MeasureFrequency.AcademicYear => YearPair(Start.Year),
        MeasureFrequency.PooledYears => $"{Start.Year} - {(Start.Year + PoolYears - 1) % 100:00}",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };

    /// <summary>A short label for a chart's axis: "Apr 2026", "6 Apr 2026"; other types as published.</summary>
    public string Label => Type switch
    {
        MeasureFrequency.Weekly => Start.ToString("d MMM yyyy", Invariant),
        MeasureFrequency.Monthly => Start.ToString("MMM yyyy", Invariant),
        _ => ToString(),
    };

    /// <summary>Why a date cannot start a period of this type, or null when it can.</summary>
    public static string? StartProblem(MeasureFrequency type, DateOnly start) => type switch
    {
        MeasureFrequency.Weekly => start.DayOfWeek == DayOfWeek.Monday ? null : "A weekly period starts on a Monday",
        MeasureFrequency.Monthly => start.Day == 1 ? null : "A month starts on its first day, like 1 April 2026",
        MeasureFrequency.Quarterly or MeasureFrequency.FinancialQuarter => start.Day == 1 && start.Month % 3 == 1 ? null
            : "A quarter starts on 1 January, 1 April, 1 July or 1 October",
        MeasureFrequency.Annual or MeasureFrequency.PooledYears => start is { Day: 1, Month: 1 } ? null : "A calendar year starts on 1 January",
        MeasureFrequency.FinancialYear => start is { Day: 1, Month: 4 } ? null : "A financial year starts on 1 April",
        MeasureFrequency.AcademicYear => start is { Day: 1, Month: 9 } ? null : "An academic year starts on 1 September",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A period of the type in 2026, to show how one is written.</summary>
    public static Period Example(MeasureFrequency type, int poolYears = 3) => new(type, type switch
    {
        MeasureFrequency.Weekly => new DateOnly(2026, 4, 6),
        MeasureFrequency.Annual or MeasureFrequency.PooledYears => new DateOnly(2026, 1, 1),
        MeasureFrequency.AcademicYear => new DateOnly(2026, 9, 1),
        _ => new DateOnly(2026, 4, 1),
    }, type == MeasureFrequency.PooledYears ? poolYears : 1);

    /// <summary>How periods of a type are written, for hints and error messages.</summary>
    public static string Examples(MeasureFrequency type, int poolYears = 3) => type switch
    {
        MeasureFrequency.Weekly => "Week of 6 April 2026, or the Monday it starts, like 2026-04-06",
        MeasureFrequency.Monthly => "April 2026, Apr 2026 or 2026-04",
        MeasureFrequency.Quarterly => "2026 Q2 (April to June), or the day it starts, like 2026-04-01",
        MeasureFrequency.FinancialQuarter => "2026/27 Q1 (April to June 2026), or the day it starts, like 2026-04-01",
        MeasureFrequency.Annual => "2026, or 2026-01-01",
        MeasureFrequency.FinancialYear => "2026/27 (from 1 April 2026), or 2026-04-01",
        MeasureFrequency.AcademicYear => "2026/27 (from 1 September 2026), or 2026-09-01",
        MeasureFrequency.PooledYears => $"{new Period(type, new DateOnly(2019, 1, 1), poolYears)} (the {Words.Prose.Number(poolYears)} years from 2019), or 2019-01-01",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <exception cref="FormatException">The text is not a period of the type; the message names the forms expected.</exception>
    public static Period Parse(string? text, MeasureFrequency type, int poolYears = 1) =>
        TryParse(text, type, poolYears, out var period, out var problem) ? period : throw new FormatException(problem);

    /// <summary>
    /// Reads a period of the type as published (see <see cref="ToString"/>), or in the other forms files use: the
    /// date it starts (2024-04-01, 01/04/2024), months as 2024-04 or Apr-24, and Fingertips' en dash in 2019–21.
    /// </summary>
    public static bool TryParse(string? text, MeasureFrequency type, int poolYears, out Period period, out string? problem)
    {
        period = default;
        problem = null;
        var pool = type == MeasureFrequency.PooledYears ? poolYears : 1;
        var value = (text ?? "").Trim().Replace('\u2013', '-').Replace('\u2014', '-');
        if (value.Length == 0)
        {
            problem = "is empty; give the period, like " + Examples(type, pool);
            return false;
        }
        var start = Read(value, type, pool);
        if (start is { Year: >= 1800 and <= 2999 } s)
        {
            if (StartProblem(type, s) is { } wrongDay)
            {
                problem = $"{Words.Prose.Date(s)} does not start {Described(type, pool)}: {Words.Prose.Clause(wrongDay)}";
                return false;
            }
            period = new Period(type, s, pool);
            return true;
        }
        problem = $"\"{(value.Length <= 40 ? value : value[..40] + "…")}\" is not {Described(type, pool)}; write it like {Examples(type, pool)}";
        return false;
    }

    /// <summary>The type in a sentence: "a month", "an academic year", "a three-year pooled period".</summary>
    public static string Described(MeasureFrequency type, int poolYears = 3) => type switch
    {
        MeasureFrequency.Weekly => "a week",
        MeasureFrequency.Monthly => "a month",
        MeasureFrequency.Quarterly => "a calendar quarter",
        MeasureFrequency.FinancialQuarter => "a financial quarter",
        MeasureFrequency.Annual => "a calendar year",
        MeasureFrequency.FinancialYear => "a financial year",
        MeasureFrequency.AcademicYear => "an academic year",
        MeasureFrequency.PooledYears => $"a period of {Words.Prose.Number(poolYears)} pooled years",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string YearPair(int year) => $"{year}/{(year + 1) % 100:00}";

    private static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    private static DateOnly? Read(string value, MeasureFrequency type, int pool)
    {
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], Invariant, DateTimeStyles.None, out var date))
        {
            return date;
        }
        switch (type)
        {
            case MeasureFrequency.Weekly:
                const string WeekOf = "Week of ";
                return value.StartsWith(WeekOf, StringComparison.OrdinalIgnoreCase)
                    && DateOnly.TryParseExact(value[WeekOf.Length..].Trim(), ["d MMMM yyyy", "d MMM yyyy"], Invariant, DateTimeStyles.None, out var monday)
                    ? monday : null;
            case MeasureFrequency.Monthly:
                return DateOnly.TryParseExact(value, ["yyyy-MM", "MMM yyyy", "MMMM yyyy", "MMM-yy", "MMM yy"], Invariant, DateTimeStyles.None, out var month) ? month : null;
        }
        var match = Published().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, Invariant);
        var pair = match.Groups["pair"].Success ? int.Parse(match.Groups["pair"].Value, Invariant) : (int?)null;
        var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, Invariant) : (int?)null;
        int? quarter = match.Groups["quarter"].Success ? int.Parse(match.Groups["quarter"].Value, Invariant) : null;
        if (pair is { } p && p != (year + 1) % 100)
        {
            return null;
        }
        // "2019 - 21" ends in 2021; "2019 - 2021" too.
        var lastYear = to is { } t ? (t >= 100 ? t : (year / 100 * 100) + t + (t < year % 100 ? 100 : 0)) : (int?)null;
        return (type, pair, lastYear, quarter) switch
        {
            (MeasureFrequency.Quarterly, null, null, { } q) => new DateOnly(year, ((q - 1) * 3) + 1, 1),
            (MeasureFrequency.FinancialQuarter, not null, null, { } q) => new DateOnly(year, 4, 1).AddMonths((q - 1) * 3),
            (MeasureFrequency.Annual, null, null, null) => new DateOnly(year, 1, 1),
            (MeasureFrequency.FinancialYear, not null, null, null) => new DateOnly(year, 4, 1),
            (MeasureFrequency.AcademicYear, not null, null, null) => new DateOnly(year, 9, 1),
            (MeasureFrequency.PooledYears, null, { } last, null) when last - year + 1 == pool => new DateOnly(year, 1, 1),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:\s*/\s*(?<pair>\d{2})|\s*-\s*(?<to>\d{2}|\d{4}))?(?:\s+Q(?<quarter>[1-4]))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Published();
}

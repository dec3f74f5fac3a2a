using Concordat.Core.Measures;
using CsCheck;

namespace Concordat.Core.Tests.Measures;

/// <summary>
/// Periods as public data names them. Over generated periods of every type (CsCheck shrinks a counter-example to the
/// simplest), writing a period and reading it back gives the same period, and periods sort as time runs.
/// </summary>
public sealed class PeriodTests
{
    private static readonly Gen<Period> AnyPeriod =
        from type in Gen.Enum<MeasureFrequency>()
        from days in Gen.Int[0, 365 * 300]
        from pool in Gen.Int[Period.MinPoolYears, Period.MaxPoolYears]
        select FirstOnOrAfter(type, new DateOnly(1800, 1, 1).AddDays(days), type == MeasureFrequency.PooledYears ? pool : 1);

    /// <summary>The first period of the type that starts on or after the date.</summary>
    private static Period FirstOnOrAfter(MeasureFrequency type, DateOnly date, int pool)
    {
        while (Period.StartProblem(type, date) is not null)
        {
            date = date.AddDays(1);
        }
        return new Period(type, date, pool);
    }

    [Fact]
    public void ParseOfFormat_IsTheIdentity_ForEveryType() =>
        AnyPeriod.Sample(p => Period.Parse(p.ToString(), p.Type, p.PoolYears) == p, iter: 20_000, print: p => $"{p.Type} {p.Start:yyyy-MM-dd} ({p.PoolYears}): {p}");

    [Fact]
    public void NextStartsAfterThisOne_AndSortsAfterIt_AndPeriodsOfATypeDoNotGapOrOverlap_ExceptRollingPools() =>
        AnyPeriod.Sample(p =>
        {
            var next = p.Next;
            var contiguous = p.Type == MeasureFrequency.PooledYears ? next.Start == p.Start.AddYears(1) : next.Start == p.End.AddDays(1);
            return next > p && p.CompareTo(next) < 0 && contiguous && Period.StartProblem(p.Type, next.Start) is null && p.End >= p.Start;
        }, iter: 20_000);

    [Fact]
    public void SortingByPeriod_IsChronological_AcrossTheYearBoundariesOfEachType()
    {
        string[] academicYears = ["2021/22", "2019/20", "2020/21"];
        string[] pooledYears = ["2020 - 22", "1999 - 01", "2019 - 21"];
        string[] financialQuarters = ["2024/25 Q4", "2024/25 Q1", "2025/26 Q1"];

        var academic = academicYears.Select(t => Period.Parse(t, MeasureFrequency.AcademicYear)).Order().Select(p => p.ToString());
        var pools = pooledYears.Select(t => Period.Parse(t, MeasureFrequency.PooledYears, 3)).Order().Select(p => p.ToString());
        var quarters = financialQuarters.Select(t => Period.Parse(t, MeasureFrequency.FinancialQuarter)).Order().ToList();

        Assert.Equal(["2019/20", "2020/21", "2021/22"], academic);
        Assert.Equal(["1999 - 01", "2019 - 21", "2020 - 22"], pools);
        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1)], quarters.Select(q => q.Start));
    }

    [Theory]
    [InlineData("2019 - 21", MeasureFrequency.PooledYears, 3, "2019-01-01", "2021-12-31")]
    [InlineData("2019–21", MeasureFrequency.PooledYears, 3, "2019-01-01", "2021-12-31")]
    [InlineData("2017 - 2021", MeasureFrequency.PooledYears, 5, "2017-01-01", "2021-12-31")]
    [InlineData("2024/25", MeasureFrequency.AcademicYear, 1, "2024-09-01", "2025-08-31")]
    [InlineData("2024/25", MeasureFrequency.FinancialYear, 1, "2024-04-01", "2025-03-31")]
    [InlineData("2024/25 Q4", MeasureFrequency.FinancialQuarter, 1, "2025-01-01", "2025-03-31")]
    [InlineData("2024 Q2", MeasureFrequency.Quarterly, 1, "2024-04-01", "2024-06-30")]
    [InlineData("2024", MeasureFrequency.Annual, 1, "2024-01-01", "2024-12-31")]
    [InlineData("Apr-24", MeasureFrequency.Monthly, 1, "2024-04-01", "2024-04-30")]
    [InlineData("Week of 6 Apr 2026", MeasureFrequency.Weekly, 1, "2026-04-06", "2026-04-12")]
    [InlineData("2024-09-01", MeasureFrequency.AcademicYear, 1, "2024-09-01", "2025-08-31")]
    public void PublishedForms_ReadAsTheSourceMeansThem(string text, MeasureFrequency type, int pool, string start, string end)
    {
        var period = Period.Parse(text, type, pool);

        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            (period.Start, period.End));
    }

    [Theory]
    [InlineData("2019 - 22", MeasureFrequency.PooledYears, 3, "\"2019 - 22\" is not a period of 3 pooled years; write it like 2019 - 21 (the 3 years from 2019), or 2019-01-01")]
    [InlineData("2019", MeasureFrequency.PooledYears, 3, "\"2019\" is not a period of 3 pooled years; write it like 2019 - 21 (the 3 years from 2019), or 2019-01-01")]
    [InlineData("2019 - 21", MeasureFrequency.Annual, 1, "\"2019 - 21\" is not a calendar year; write it like 2026, or 2026-01-01")]
    [InlineData("2024/26", MeasureFrequency.AcademicYear, 1, "\"2024/26\" is not an academic year; write it like 2026/27 (from 1 September 2026), or 2026-09-01")]
    [InlineData("2024", MeasureFrequency.AcademicYear, 1, "\"2024\" is not an academic year; write it like 2026/27 (from 1 September 2026), or 2026-09-01")]
    [InlineData("2024-04-01", MeasureFrequency.AcademicYear, 1, "1 April 2024 does not start an academic year: an academic year starts on 1 September")]
    [InlineData("2024 Q1", MeasureFrequency.FinancialQuarter, 1, "\"2024 Q1\" is not a financial quarter; write it like 2026/27 Q1 (April to June 2026), or the day it starts, like 2026-04-01")]
    [InlineData("", MeasureFrequency.Monthly, 1, "is empty; give the period, like April 2026, Apr 2026 or 2026-04")]
    public void WrongText_SaysWhichFormsAreExpected(string text, MeasureFrequency type, int pool, string message)
    {
        var error = Assert.Throws<FormatException>(() => Period.Parse(text, type, pool));

        Assert.Equal(message, error.Message);
    }
}

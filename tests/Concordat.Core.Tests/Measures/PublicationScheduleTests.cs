using Concordat.Core.Access;
using Concordat.Core.Measures;
using Microsoft.Extensions.Time.Testing;

namespace Concordat.Core.Tests.Measures;

/// <summary>
/// A measure is out of date when the release that should carry its next period is overdue, by its publication
/// schedule: the clock is moved to the day the release is expected by, and to the day after.
/// </summary>
public sealed class PublicationScheduleTests
{
    private static Measure Measure(MeasureFrequency type, ReleaseCadence? every = null, int? lag = null, LagUnit unit = LagUnit.Months, int? pool = null) => new()
    {
        Name = "Measure", Definition = "x", Unit = "%", Frequency = type, PoolYears = pool, ReleasedEvery = every, ReleaseLag = lag, ReleaseLagUnit = unit,
    };

    public static TheoryData<string, Measure, DateOnly, DateOnly> Schedules() => new()
    {
        // Annual public health data, 18 months after the year: 2022's successor, 2023, is expected by 30 June 2025.
        { "calendar years, annually, 18 months", Measure(MeasureFrequency.Annual, ReleaseCadence.Annual, 18), new DateOnly(2022, 1, 1), new DateOnly(2025, 6, 30) },
        // Pooled years move on a year at a time: after 2019 - 21 comes 2020 - 22, ending 31 December 2022.
        { "pooled years, the usual 18 months", Measure(MeasureFrequency.PooledYears, pool: 3), new DateOnly(2019, 1, 1), new DateOnly(2024, 6, 30) },
        // Academic years end on 31 August; published in the November after.
        { "academic years, 3 months", Measure(MeasureFrequency.AcademicYear, lag: 3), new DateOnly(2023, 9, 1), new DateOnly(2025, 11, 30) },
        { "financial years, the usual 12 months", Measure(MeasureFrequency.FinancialYear), new DateOnly(2023, 4, 1), new DateOnly(2026, 3, 31) },
        // Monthly data published quarterly, 2 months after each quarter: May is in April to June, so out by 31 August.
        { "months, quarterly, 2 months", Measure(MeasureFrequency.Monthly, ReleaseCadence.Quarterly, 2), new DateOnly(2025, 4, 1), new DateOnly(2025, 8, 31) },
        { "months, the usual 2 months", Measure(MeasureFrequency.Monthly), new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 31) },
        // Monthly data published in one annual release: every month of 2025 waits for the end of 2025.
        { "months, annually, 6 weeks", Measure(MeasureFrequency.Monthly, ReleaseCadence.Annual, 6, LagUnit.Weeks), new DateOnly(2025, 1, 1), new DateOnly(2026, 2, 11) },
        { "weeks, weekly, 10 days", Measure(MeasureFrequency.Weekly, ReleaseCadence.Weekly, 10, LagUnit.Days), new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 29) },
        // Annual data released weekly comes out in the week after the year ends: 2026 ends on a Thursday, its week on Sunday 3 January 2027.
        { "calendar years, weekly, 0 days", Measure(MeasureFrequency.Annual, ReleaseCadence.Weekly, 0, LagUnit.Days), new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 3) },
        { "financial quarters, the usual 3 months", Measure(MeasureFrequency.FinancialQuarter), new DateOnly(2025, 1, 1), new DateOnly(2025, 9, 30) },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void OutOfDate_OnlyOnceTheNextReleaseIsOverdue(string schedule, Measure measure, DateOnly newest, DateOnly expectedBy)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(expectedBy.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var onTheDay = measure.IsStale(newest, UkCalendar.Today(clock));
        clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = measure.IsStale(newest, UkCalendar.Today(clock));

        Assert.Equal(expectedBy, measure.NextReleaseExpectedBy(newest));
        Assert.False(onTheDay, schedule);
        Assert.True(dayAfter, schedule);
    }

    [Fact]
    public void TheUsualSchedule_IsOnceAPeriod_WithALagByPeriodType()
    {
        Assert.Equal("Annually, 18 months after the period ends", Measure(MeasureFrequency.PooledYears, pool: 3).ScheduleInWords());
        Assert.Equal("Monthly, 2 months after the period ends", Measure(MeasureFrequency.Monthly).ScheduleInWords());
        Assert.Equal("Quarterly, 10 days after the period ends", Measure(MeasureFrequency.Monthly, ReleaseCadence.Quarterly, 10, LagUnit.Days).ScheduleInWords());
    }
}

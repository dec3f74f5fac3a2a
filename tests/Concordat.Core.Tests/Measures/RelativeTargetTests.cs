using Concordat.Core.Measures;

namespace Concordat.Core.Tests.Measures;

/// <summary>Targets agreed relative to a baseline become a straight line from the baseline's value, and read as they were agreed.</summary>
public sealed class RelativeTargetTests
{
    private static readonly Measure LifeExpectancy = new()
    {
        Name = "Life expectancy at birth", Definition = "x", Unit = "years", Frequency = MeasureFrequency.PooledYears, PoolYears = 3,
    };

    private static readonly Measure Gap = new() { Name = "Gap in readiness for school", Definition = "x", Unit = "percentage points", Frequency = MeasureFrequency.AcademicYear };

    [Fact]
    public void ChangeByAnAmount_RisesEvenlyFromTheBaselineValue_ToTheTargetPeriod()
    {
        var target = new RelativeTarget(RelativeTargetKind.ChangeBy, 2, null, new DateOnly(2018, 1, 1), new DateOnly(2028, 1, 1));

        var line = target.Trajectory(LifeExpectancy, 79.1);

        Assert.Equal(Enumerable.Range(2019, 10).Select(y => new DateOnly(y, 1, 1)), line.Select(p => p.PeriodStart));
        Assert.Equal(79.3, line[0].Value, 9);
        Assert.Equal(81.1, line[^1].Value, 9);
        Assert.Equal("Increase by 2 years from the 2018 - 20 value (79.1 years) by 2028 - 30", target.InWords(LifeExpectancy, 79.1));
    }

    [Fact]
    public void Halving_EndsAtHalfTheBaseline_AndSaysHalve()
    {
        var target = new RelativeTarget(RelativeTargetKind.ChangeByPercent, -50, null, new DateOnly(2022, 9, 1), new DateOnly(2029, 9, 1));

        var line = target.Trajectory(Gap, 12);

        Assert.Equal(7, line.Count);
        Assert.Equal(new DateOnly(2023, 9, 1), line[0].PeriodStart);
        Assert.Equal(6, line[^1].Value, 9);
        Assert.Equal("Halve the 2022/23 value (12 percentage points) by 2029/30", target.InWords(Gap, 12));
        Assert.Equal("Reduce by 10% from the 2022/23 value (12 percentage points) by 2029/30", (target with { Amount = -10 }).InWords(Gap, 12));
        Assert.Equal(10.8, (target with { Amount = -10 }).Trajectory(Gap, 12)[^1].Value, 9);
    }

    [Fact]
    public void ReachingAReference_EndsAtTheReferenceValue_AndNamesIt()
    {
        var target = new RelativeTarget(RelativeTargetKind.Reach, 80.2, "the England average", new DateOnly(2018, 1, 1), new DateOnly(2020, 1, 1));

        var line = target.Trajectory(LifeExpectancy, 79.2);

        Assert.Equal([79.7, 80.2], line.Select(p => Math.Round(p.Value, 9)));
        Assert.Equal("Reach the England average (80.2 years) from the 2018 - 20 value (79.2 years) by 2020 - 22", target.InWords(LifeExpectancy, 79.2));
        Assert.Equal("Reach the England average (80.2 years) from the 2018 - 20 value by 2020 - 22", target.InWords(LifeExpectancy, null));
    }
}

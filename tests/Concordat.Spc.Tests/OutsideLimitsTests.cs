namespace Concordat.Spc.Tests;

/// <summary>Rule 1: a point strictly outside the process limits.</summary>
public sealed class OutsideLimitsTests
{
    // A baseline of ±1 around 0 has mean 0 and mean moving range 2, so the limits are exactly ±5.32 (2.66 × 2 is
    // an exact doubling) and later points can sit exactly on them.
    private static readonly SpcOptions Baseline = new() { BaselinePointCount = 12 };

    [Fact]
    public void Outside_AboveUpperLimit_FlagsHigh()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [6, -1]));

        var point = analysis.Points[12];
        Assert.Equal(SpecialCauseRule.OutsideLimits, point.Rule);
        Assert.Equal(SignalDirection.High, point.Signal);
        Assert.Equal(PointType.SpecialCauseImprovement, point.PointType);
    }

    [Fact]
    public void Outside_BelowLowerLimit_FlagsLow()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [-6, 1]));

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[12].Rule);
        Assert.Equal(SignalDirection.Low, analysis.Points[12].Signal);
        Assert.Equal(PointType.SpecialCauseConcern, analysis.Points[12].PointType);
    }

    [Fact]
    public void Outside_PointExactlyOnLimit_IsInside()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [5.32, -1, -5.32, 1]));

        Assert.Equal(5.32, analysis.Segments[0].UpperProcessLimit);
        Assert.Null(analysis.Points[12].Rule);
        Assert.Null(analysis.Points[14].Rule);
    }

    [Fact]
    public void Outside_PointOneUlpBeyondLimit_IsOutside()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [Math.BitIncrement(5.32), -1]));

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[12].Rule);
    }

    [Fact]
    public void Outside_UndefinedLimits_NeverFires()
    {
        // One value per segment: no moving range, no limits, nothing can be outside.
        var analysis = Series.Analyse(1, null, 1000, null, -1000);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.OutsideLimits));
    }
}

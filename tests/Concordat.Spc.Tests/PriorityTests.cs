namespace Concordat.Spc.Tests;

/// <summary>One rule per point: outside &gt; trend &gt; two of three &gt; shift, with the winner's direction.</summary>
public sealed class PriorityTests
{
    private static readonly SpcOptions Baseline = new() { BaselinePointCount = 12 };

    [Fact]
    public void Priority_OutsideBeatsShift()
    {
        // Seven points above the mean, the fourth far outside the limits.
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [1, 2, 1, 9, 1, 2, 1], [-1]));

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[15].Rule);
        Assert.Equal([12, 13, 14, 16, 17, 18], analysis.Flagged(SpecialCauseRule.Shift));
    }

    [Fact]
    public void Priority_TrendBeatsShift_AndSignalComesFromTheTrend()
    {
        // Seven points rising but all below the mean: a shift says low, the trend says high; the trend wins.
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [-3.4, -3, -2.5, -2, -1.5, -1, -0.5], [-2]));

        Assert.Equal(Series.Range(12, 7), analysis.Flagged(SpecialCauseRule.Trend));
        Assert.All(Series.Range(12, 7), i => Assert.Equal(SignalDirection.High, analysis.Points[i].Signal));
        Assert.All(Series.Range(12, 7), i => Assert.Equal(PointType.SpecialCauseImprovement, analysis.Points[i].PointType));
    }

    [Fact]
    public void Priority_TrendBeatsTwoInThree()
    {
        // A rising trend whose last two points are close (beyond +3.547).
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [-2, -1, 0, 1, 2, 4, 5], [-1]));

        Assert.Equal(Series.Range(12, 7), analysis.Flagged(SpecialCauseRule.Trend));
        Assert.Empty(analysis.Flagged(SpecialCauseRule.TwoInThree));
    }

    [Fact]
    public void Priority_TwoInThreeBeatsShift()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Series.Alternating(12), [1, 2, 4, 1, 4, 2, 1], [-1]));

        Assert.Equal([14, 16], analysis.Flagged(SpecialCauseRule.TwoInThree));
        Assert.Equal([12, 13, 15, 17, 18], analysis.Flagged(SpecialCauseRule.Shift));
    }
}

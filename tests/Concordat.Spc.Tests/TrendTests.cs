namespace Concordat.Spc.Tests;

/// <summary>Rule 2: seven points each strictly higher (or lower) than the one before.</summary>
public sealed class TrendTests
{
    // Wide ±10 alternation around the runs under test keeps the limits far away, so no other rule interferes,
    // and the step into and out of a run goes the other way, so the run is exactly as long as written.
    private static readonly double?[] EndsHigh = [10, -10, 10, -10, 10];
    private static readonly double?[] EndsLow = [-10, 10, -10, 10, -10];
    private static readonly double?[] StartsHigh = [10, -10, 10, -10, 10];
    private static readonly double?[] StartsLow = [-10, 10, -10, 10, -10];

    private static XmrAnalysis Rising(params double?[] run) => Series.Analyse(Series.Concat(EndsHigh, run, StartsLow));

    private static XmrAnalysis Falling(params double?[] run) => Series.Analyse(Series.Concat(EndsLow, run, StartsHigh));

    [Fact]
    public void Trend_SevenRisingPoints_FlagsAllSevenHigh()
    {
        var analysis = Rising(-6, -4, -2, 0, 2, 4, 6);

        Assert.Equal(Series.Range(5, 7), analysis.Flagged(SpecialCauseRule.Trend));
        Assert.All(Series.Range(5, 7), i => Assert.Equal(SignalDirection.High, analysis.Points[i].Signal));
    }

    [Fact]
    public void Trend_SevenFallingPoints_FlagsAllSevenLow()
    {
        var analysis = Falling(6, 4, 2, 0, -2, -4, -6);

        Assert.Equal(Series.Range(5, 7), analysis.Flagged(SpecialCauseRule.Trend));
        Assert.All(Series.Range(5, 7), i => Assert.Equal(SignalDirection.Low, analysis.Points[i].Signal));
    }

    [Fact]
    public void Trend_SixRisingPoints_DoesNotFire()
    {
        var analysis = Rising(-5, -3, -1, 1, 3, 5);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Trend_EighthPoint_ExtendsTheFlag()
    {
        var analysis = Rising(-7, -5, -3, -1, 1, 3, 5, 7);

        Assert.Equal(Series.Range(5, 8), analysis.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Trend_TieBreaksRun()
    {
        var analysis = Rising(-6, -4, -2, -2, 0, 2, 4);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Trend_CrossingTheMean_StillFires()
    {
        // The mean plays no part: the run starts below the mean and ends above it.
        var analysis = Rising(-3, -2, -1, 0.5, 1, 2, 3);

        Assert.Equal(Series.Range(5, 7), analysis.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Trend_WindowWithMissingValue_DoesNotFire()
    {
        var analysis = Rising(-6, -4, -2, null, 0, 2, 4, 6);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Trend_PointSharedByRisingAndFallingTrend_TakesDirectionOfStepToNext()
    {
        // The peak (index 11) ends a rising trend and starts a falling one. Its next point is a trend point too, so
        // the package takes the step to it: the peak counts as falling.
        var analysis = Series.Analyse(Series.Concat(EndsHigh, [-6, -4, -2, 0, 2, 4, 6, 4, 2, 0, -2, -4, -6], StartsHigh));

        Assert.Equal(SignalDirection.High, analysis.Points[10].Signal);
        Assert.Equal(SpecialCauseRule.Trend, analysis.Points[11].Rule);
        Assert.Equal(SignalDirection.Low, analysis.Points[11].Signal);
        Assert.Equal(SignalDirection.Low, analysis.Points[12].Signal);
    }

    [Fact]
    public void Trend_ZeroStepToNextTrendPoint_CountsAsDecreasing()
    {
        // Two rising trends joined by a tie (6, 6). The first trend's last point looks ahead to a zero step, and
        // the package labels anything but a rising step "Decreasing": a concern under "increase".
        var analysis = Rising(-6, -4, -2, 0, 2, 4, 6, 6, 7, 8, 9, 10, 11, 12);

        var tied = analysis.Points[11];
        Assert.Equal(SpecialCauseRule.Trend, tied.Rule);
        Assert.Equal(SignalDirection.Low, tied.Signal);
        Assert.Equal(PointType.SpecialCauseConcern, tied.PointType);
        Assert.Equal(SignalDirection.High, analysis.Points[10].Signal);
        Assert.Equal(SignalDirection.High, analysis.Points[12].Signal);
    }

    [Fact]
    public void Trend_LastPointOfTrend_TakesDirectionOfStepFromPrevious()
    {
        var analysis = Series.Analyse(Series.Concat(EndsHigh, [-6, -4, -2, 0, 2, 4, 6, 5]));

        Assert.Equal(SignalDirection.High, analysis.Points[11].Signal);
        Assert.Null(analysis.Points[12].Rule);
    }

    [Fact]
    public void Trend_TiedTrendsAnywhereInALongSeries_AgreeWithNaiveRules()
    {
        // The tie between a rising and a falling trend, placed at every offset of a 130-point segment, so that it
        // also straddles the boundaries of the 64-point blocks the implementation works in.
        double?[] pattern = [-6, -4, -2, 0, 2, 4, 6, 6, 4, 2, 0, -2, -4, -6];
        for (var offset = 0; offset + pattern.Length <= 130; offset++)
        {
            var values = Series.Alternating(130, amplitude: 10);
            pattern.CopyTo(values, offset);

            var analysis = Series.Analyse(values);

            var expected = NaiveRules.Of(analysis, values);
            Assert.Equal(expected.Select(e => e.Rule), analysis.Rules());
            Assert.Equal(expected.Select(e => e.Signal), analysis.Signals());
        }
    }
}

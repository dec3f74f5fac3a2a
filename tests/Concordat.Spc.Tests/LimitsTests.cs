namespace Concordat.Spc.Tests;

/// <summary>Mean, moving ranges, screening, limits and 2-sigma lines (docs/spc-method.md, "Mean and limits").</summary>
public sealed class LimitsTests
{
    [Fact]
    public void Analyse_MeanAndLimits_AreMeanPlusMinus266MeanMovingRanges()
    {
        var analysis = Series.Analyse(10, 12, 11, 13, 12);

        var segment = Assert.Single(analysis.Segments);
        Assert.Equal(11.6, segment.Mean!.Value, 12);
        Assert.Equal(1.5, segment.MeanMovingRange!.Value, 12);
        Assert.Equal(11.6 - (2.66 * 1.5), segment.LowerProcessLimit!.Value, 12);
        Assert.Equal(11.6 + (2.66 * 1.5), segment.UpperProcessLimit!.Value, 12);
    }

    [Fact]
    public void Analyse_TwoSigmaLines_AreTwoThirdsOfTheLimitDistance()
    {
        var segment = Series.Analyse(10, 12, 11, 13, 12).Segments[0];

        Assert.Equal(11.6 - (2 * (2.66 / 3) * 1.5), segment.LowerTwoSigmaLine!.Value, 12);
        Assert.Equal(11.6 + (2 * (2.66 / 3) * 1.5), segment.UpperTwoSigmaLine!.Value, 12);
    }

    [Fact]
    public void Screening_MovingRangeAtOrAboveScreen_IsDroppedOnce()
    {
        // Moving ranges: 1 eight times, then 40 → mean 48 / 9 = 5.33, screen 17.4: 40 is dropped and the mean
        // recomputed once, to 1.
        double?[] values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 40];

        var screened = Series.Analyse(values).Segments[0];
        var unscreened = Series.Analyse(new SpcOptions { ScreenOutliers = false }, values).Segments[0];

        Assert.Equal(1, screened.MeanMovingRange!.Value, 12);
        Assert.Equal(48.0 / 9, unscreened.MeanMovingRange!.Value, 12);
    }

    [Fact]
    public void Screening_ChangesLimitsButNeverTheMean()
    {
        double?[] values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 40];

        var screened = Series.Analyse(values).Segments[0];
        var unscreened = Series.Analyse(new SpcOptions { ScreenOutliers = false }, values).Segments[0];

        Assert.Equal(unscreened.Mean, screened.Mean);
        Assert.NotEqual(unscreened.UpperProcessLimit, screened.UpperProcessLimit);
    }

    [Fact]
    public void Screening_ConstantSeries_LimitsUndefined()
    {
        // Every moving range is 0 and the screen is 3.267 × 0 = 0; "mr < 0" is false, so all are dropped.
        var segment = Series.Analyse(5, 5, 5, 5, 5).Segments[0];

        Assert.Equal(5, segment.Mean);
        Assert.Null(segment.MeanMovingRange);
        Assert.Null(segment.LowerProcessLimit);
        Assert.Null(segment.UpperProcessLimit);
        Assert.False(segment.HasLimits);
    }

    [Fact]
    public void NoScreening_ConstantSeries_LimitsEqualTheMean()
    {
        var segment = Series.Analyse(new SpcOptions { ScreenOutliers = false }, 5, 5, 5, 5, 5).Segments[0];

        Assert.Equal(5, segment.LowerProcessLimit);
        Assert.Equal(5, segment.UpperProcessLimit);
    }

    [Fact]
    public void MovingRange_NextToMissingValue_IsNeverBridged()
    {
        // Only 5 → 6 is a moving range; 1 → 5 across the gap is not.
        var segment = Series.Analyse(1, null, 5, 6).Segments[0];

        Assert.Equal(1, segment.MeanMovingRange);
        Assert.Equal(4, segment.Mean);
    }

    [Fact]
    public void OnePoint_LimitsUndefined()
    {
        var segment = Series.Analyse(7).Segments[0];

        Assert.Equal(7, segment.Mean);
        Assert.False(segment.HasLimits);
        Assert.Null(segment.UpperTwoSigmaLine);
    }

    [Fact]
    public void AlternatingGaps_NoMovingRange_LimitsUndefined()
    {
        var segment = Series.Analyse(5, null, 6, null, 5, null).Segments[0];

        Assert.Equal(16.0 / 3, segment.Mean!.Value, 12);
        Assert.False(segment.HasLimits);
    }

    [Fact]
    public void AllMissing_MeanAndLimitsUndefined_EveryPointCommonCause()
    {
        var analysis = Series.Analyse(SpcOptions.Default, null, null, null);

        Assert.Null(analysis.Segments[0].Mean);
        Assert.False(analysis.Segments[0].HasLimits);
        Assert.All(analysis.Points, p => Assert.Equal(PointType.CommonCause, p.PointType));
    }

    [Fact]
    public void Mean_IsCorrectlyRounded_LikeRsLongDoubleMean()
    {
        // A naive left-to-right double sum of these is 0 (1e16 + 1 rounds away); the exact mean is 2 / 4.
        var segment = Series.Analyse(new SpcOptions { ScreenOutliers = false }, 1e16, 1, 1, -1e16).Segments[0];

        Assert.Equal(0.5, segment.Mean);
    }

    [Fact]
    public void Baseline_MeanAndLimits_ComeFromFirstNRowsOnly()
    {
        var values = Series.Concat(Series.Alternating(12, centre: 10), [100, 100, 100]);

        var analysis = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, values);

        var segment = analysis.Segments[0];
        Assert.Equal(10, segment.Mean);
        Assert.Equal(2, segment.MeanMovingRange);
        Assert.Equal(12, segment.BaselinePointCount);
    }

    [Fact]
    public void Baseline_RulesStillRunOnEveryPoint()
    {
        var values = Series.Concat(Series.Alternating(12, centre: 10), [100, 100, 100]);

        var analysis = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, values);

        Assert.Equal(Series.Range(12, 3), analysis.Flagged(SpecialCauseRule.OutsideLimits));
    }

    [Fact]
    public void Baseline_MissingRowsCountTowardsN()
    {
        // 12 rows of which one is missing: the 13th row (100) is still outside the baseline.
        var values = Series.Concat(Series.Alternating(11, centre: 10), [null, 100]);

        var segment = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, values).Segments[0];

        Assert.Equal(111.0 / 11, segment.Mean!.Value, 12);
    }

    [Fact]
    public void Baseline_LongerThanSegment_UsesWholeSegment()
    {
        var segment = Series.Analyse(new SpcOptions { BaselinePointCount = 20 }, Series.Alternating(14, centre: 3)).Segments[0];

        Assert.Equal(14, segment.BaselinePointCount);
        Assert.Equal(3, segment.Mean);
    }
}

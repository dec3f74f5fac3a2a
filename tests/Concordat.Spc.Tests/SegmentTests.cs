namespace Concordat.Spc.Tests;

/// <summary>Rebases split a series into segments; everything is computed within one; short segments carry a warning.</summary>
public sealed class SegmentTests
{
    [Fact]
    public void Rebase_StartsANewSegmentAtTheIndex()
    {
        var values = Series.Concat(Series.Alternating(14), Series.Alternating(14, centre: 100));

        var analysis = Series.Analyse(new SpcOptions { RebaseIndices = [14] }, values);

        Assert.Equal(2, analysis.Segments.Length);
        Assert.Equal((0, 13, 0.0), (analysis.Segments[0].Start, analysis.Segments[0].End, analysis.Segments[0].Mean!.Value));
        Assert.Equal((14, 27, 100.0), (analysis.Segments[1].Start, analysis.Segments[1].End, analysis.Segments[1].Mean!.Value));
        Assert.Equal(0, analysis.Points[13].Segment);
        Assert.Equal(1, analysis.Points[14].Segment);
        Assert.Equal(100, analysis.Points[14].Mean);
    }

    [Fact]
    public void Rebase_MovingRangeAcrossTheBoundary_IsNotUsed()
    {
        // Both segments alternate ±1 (moving range 2); the jump of ~100 between them must not enter either mean.
        var values = Series.Concat(Series.Alternating(13), Series.Alternating(14, centre: 100));

        var analysis = Series.Analyse(new SpcOptions { RebaseIndices = [13], ScreenOutliers = false }, values);

        Assert.All(analysis.Segments, s => Assert.Equal(2, s.MeanMovingRange));
    }

    [Fact]
    public void Rebase_AtIndexZero_HasNoEffect()
    {
        var values = Series.Alternating(20);

        var withZero = Series.Analyse(new SpcOptions { RebaseIndices = [0] }, values);

        Assert.Single(withZero.Segments);
        Assert.Equal(Series.Analyse(values).Segments[0], withZero.Segments[0]);
    }

    [Fact]
    public void Rebase_RunNeverCrossesTheBoundary()
    {
        // Eight rising points (indices 5–12) split 5 + 3 by a rebase: no trend.
        double?[] values = [5, -5, 5, -5, 5, -5, -3, -2, -1, 0, 1, 2, 3, -5, 5, -5];

        var split = Series.Analyse(new SpcOptions { RebaseIndices = [10] }, values);

        Assert.NotEmpty(Series.Analyse(values).Flagged(SpecialCauseRule.Trend));
        Assert.Empty(split.Flagged(SpecialCauseRule.Trend));
    }

    [Fact]
    public void Rebase_IndicesInAnyOrder_AreSorted()
    {
        var options = new SpcOptions { RebaseIndices = [20, 5, 12] };

        Assert.Equal([5, 12, 20], options.RebaseIndices);
    }

    [Fact]
    public void ShortSegment_TwelvePointsIsShort_ThirteenIsNot()
    {
        var analysis = Series.Analyse(new SpcOptions { RebaseIndices = [13] }, Series.Concat(Series.Alternating(13), Series.Alternating(12)));

        Assert.False(analysis.Segments[0].IsShort);
        Assert.True(analysis.Segments[1].IsShort);
        Assert.True(analysis.HasShortSegment);
        Assert.Contains("Segment 1 (points 13–24) has only 12 points", Assert.Single(analysis.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void ShortSegment_IsStillAnalysed()
    {
        var analysis = Series.Analyse(1, 2, 1, 2, 9);

        Assert.True(analysis.Segments[0].IsShort);
        Assert.True(analysis.Segments[0].HasLimits);
    }

    [Fact]
    public void LongSeries_HasNoWarnings()
    {
        var analysis = Series.Analyse(Series.Alternating(13));

        Assert.False(analysis.HasShortSegment);
        Assert.Empty(analysis.Warnings);
    }
}

namespace Concordat.Spc.Tests;

/// <summary>Rule 3: two of three points close to a limit, all three on one side of the mean.</summary>
public sealed class TwoInThreeTests
{
    // Baseline of ±1 around 0: mean 0, mean moving range 2, limits ±5.32, 2-sigma lines ±3.547 — exact values, so
    // the points after it can sit exactly on a line.
    private static readonly SpcOptions Baseline = new() { BaselinePointCount = 12 };
    private static readonly double TwoSigma = 2 * (2.66 / 3) * 2;

    private static XmrAnalysis After(params double?[] points) => After(Baseline, points);

    private static XmrAnalysis After(SpcOptions options, params double?[] points) =>
        Series.Analyse(options, Series.Concat(Series.Alternating(12), points));

    [Fact]
    public void TwoOfThree_TwoClosePointsAndAThirdOnTheSameSide_FlagsTheCloseOnes()
    {
        var analysis = After(4, 4, 1, -1, 1);

        Assert.Equal([12, 13], analysis.Flagged(SpecialCauseRule.TwoInThree));
        Assert.Equal(SignalDirection.High, analysis.Points[12].Signal);
    }

    [Fact]
    public void TwoOfThree_ThirdPointNotFlagged()
    {
        var analysis = After(4, 1, 4, -1, 1);

        Assert.Equal([12, 14], analysis.Flagged(SpecialCauseRule.TwoInThree));
        Assert.Null(analysis.Points[13].Rule);
    }

    [Fact]
    public void TwoOfThree_BelowTheMean_FlagsLow()
    {
        var analysis = After(-4, -1, -4, 1, -1);

        Assert.Equal([12, 14], analysis.Flagged(SpecialCauseRule.TwoInThree));
        Assert.Equal(SignalDirection.Low, analysis.Points[14].Signal);
        Assert.Equal(PointType.SpecialCauseConcern, analysis.Points[14].PointType);
    }

    [Fact]
    public void TwoOfThree_ClosePointsOnOppositeSides_DoNotFire()
    {
        var analysis = After(4, -4, 1, -1, 1);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.TwoInThree));
    }

    [Fact]
    public void TwoOfThree_PointsOnTheTwoSigmaLine_AreNotClose()
    {
        var onTheLine = After(TwoSigma, TwoSigma, 1, -1, 1);
        var justBeyond = After(Math.BitIncrement(TwoSigma), Math.BitIncrement(TwoSigma), 1, -1, 1);

        Assert.Equal(TwoSigma, onTheLine.Segments[0].UpperTwoSigmaLine);
        Assert.Empty(onTheLine.Flagged(SpecialCauseRule.TwoInThree));
        Assert.Equal([12, 13], justBeyond.Flagged(SpecialCauseRule.TwoInThree));
    }

    [Fact]
    public void TwoOfThree_PointOutsideTheLimits_IsNotClose()
    {
        // One point beyond 3 sigma plus one between 2 and 3 sigma is not a two-of-three signal in the package.
        var analysis = After(6, 4, 1, -1, 1);

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[12].Rule);
        Assert.Null(analysis.Points[13].Rule);
    }

    [Fact]
    public void TwoOfThree_Mdc2023_CountsPointsOutsideTheLimits()
    {
        var analysis = After(Baseline with { TwoInThreeRule = TwoInThreeRule.Mdc2023 }, 6, 4, 1, -1, 1);

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[12].Rule);
        Assert.Equal(SpecialCauseRule.TwoInThree, analysis.Points[13].Rule);
        Assert.Null(analysis.Points[14].Rule);
    }

    [Fact]
    public void TwoOfThree_WindowNeverCrossesSegmentEnd()
    {
        // 4, 4 close at the end of segment 0, and the next point (segment 1) is also above 0. Across the boundary
        // that would be a qualifying window; within segment 0 the only window is (-1, 4, 4).
        var analysis = After(Baseline with { RebaseIndices = [14] }, 4, 4, 1, 2, 1, 2);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.TwoInThree));
    }

    [Fact]
    public void TwoOfThree_WindowWithMissingValue_DoesNotFire()
    {
        var analysis = After(4, null, 4, -1, 1);

        Assert.Empty(analysis.Flagged(SpecialCauseRule.TwoInThree));
    }
}

namespace Concordat.Spc.Tests;

/// <summary>Point types, the variation icon (last point only) and the assurance icon (target against the last segment's limits).</summary>
public sealed class IconTests
{
    // Ends with a point far above the limits.
    private static readonly double?[] EndsHigh = Series.Concat(Series.Alternating(12), [9]);
    private static readonly double?[] EndsLow = Series.Concat(Series.Alternating(12), [-9]);

    [Theory]
    [InlineData(ImprovementDirection.Increase, PointType.SpecialCauseImprovement, VariationIcon.ImprovementHigh)]
    [InlineData(ImprovementDirection.Decrease, PointType.SpecialCauseConcern, VariationIcon.ConcernHigh)]
    [InlineData(ImprovementDirection.Neither, PointType.SpecialCauseNeither, VariationIcon.NeitherHigh)]
    public void HighSignal_ReadAgainstImprovementDirection(ImprovementDirection improvement, PointType type, VariationIcon icon)
    {
        var analysis = Series.Analyse(new SpcOptions { Improvement = improvement, BaselinePointCount = 12 }, EndsHigh);

        Assert.Equal(type, analysis.LastPoint.PointType);
        Assert.Equal(icon, analysis.VariationIcon);
    }

    [Theory]
    [InlineData(ImprovementDirection.Increase, PointType.SpecialCauseConcern, VariationIcon.ConcernLow)]
    [InlineData(ImprovementDirection.Decrease, PointType.SpecialCauseImprovement, VariationIcon.ImprovementLow)]
    [InlineData(ImprovementDirection.Neither, PointType.SpecialCauseNeither, VariationIcon.NeitherLow)]
    public void LowSignal_ReadAgainstImprovementDirection(ImprovementDirection improvement, PointType type, VariationIcon icon)
    {
        var analysis = Series.Analyse(new SpcOptions { Improvement = improvement, BaselinePointCount = 12 }, EndsLow);

        Assert.Equal(type, analysis.LastPoint.PointType);
        Assert.Equal(icon, analysis.VariationIcon);
    }

    [Fact]
    public void VariationIcon_FromLastPointOnly_EarlierSignalIgnored()
    {
        var analysis = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, Series.Concat(EndsHigh, [1]));

        Assert.Equal(SpecialCauseRule.OutsideLimits, analysis.Points[12].Rule);
        Assert.Equal(VariationIcon.CommonCause, analysis.VariationIcon);
    }

    [Fact]
    public void VariationIcon_LastValueMissing_IsCommonCause()
    {
        var analysis = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, Series.Concat(EndsHigh, [null]));

        Assert.True(analysis.Points[12].IsSpecialCause);
        Assert.Null(analysis.LastPoint.Value);
        Assert.Equal(VariationIcon.CommonCause, analysis.VariationIcon);
    }

    [Fact]
    public void VariationIcon_RisingTrendUnderDecrease_IsConcernHigh()
    {
        double?[] values = [5, -5, 5, -5, 5, -5, 5, -3, -2, -1, 0, 1, 2, 3];

        var analysis = Series.Analyse(new SpcOptions { Improvement = ImprovementDirection.Decrease }, values);

        Assert.Equal(SpecialCauseRule.Trend, analysis.LastPoint.Rule);
        Assert.Equal(VariationIcon.ConcernHigh, analysis.VariationIcon);
    }

    [Fact]
    public void Assurance_NoTarget_IsNull() => Assert.Null(Series.Analyse(Series.Alternating(20)).AssuranceIcon);

    [Fact]
    public void Assurance_NeitherDirection_IsNull() =>
        Assert.Null(Series.Analyse(new SpcOptions { Improvement = ImprovementDirection.Neither, Target = 100 }, Series.Alternating(20)).AssuranceIcon);

    // Alternating ±1: limits ±5.32.
    [Theory]
    [InlineData(ImprovementDirection.Increase, -6, AssuranceIcon.ConsistentPass)]
    [InlineData(ImprovementDirection.Increase, 6, AssuranceIcon.ConsistentFail)]
    [InlineData(ImprovementDirection.Increase, 0, AssuranceIcon.Inconsistent)]
    [InlineData(ImprovementDirection.Decrease, 6, AssuranceIcon.ConsistentPass)]
    [InlineData(ImprovementDirection.Decrease, -6, AssuranceIcon.ConsistentFail)]
    [InlineData(ImprovementDirection.Decrease, 0, AssuranceIcon.Inconsistent)]
    public void Assurance_TargetAgainstLimits(ImprovementDirection improvement, double target, AssuranceIcon expected) =>
        Assert.Equal(expected, Series.Analyse(new SpcOptions { Improvement = improvement, Target = target }, Series.Alternating(20)).AssuranceIcon);

    [Theory]
    [InlineData(-5.32)]
    [InlineData(5.32)]
    public void Assurance_TargetOnLimit_IsInconsistent(double target)
    {
        var analysis = Series.Analyse(new SpcOptions { Target = target }, Series.Alternating(20));

        Assert.Equal(5.32, analysis.Segments[0].UpperProcessLimit);
        Assert.Equal(AssuranceIcon.Inconsistent, analysis.AssuranceIcon);
    }

    [Fact]
    public void Assurance_UndefinedLimits_IsInconsistent() =>
        Assert.Equal(AssuranceIcon.Inconsistent, Series.Analyse(new SpcOptions { Target = 1000 }, 5, 5, 5, 5).AssuranceIcon);

    [Fact]
    public void Assurance_UsesLastSegmentsLimits()
    {
        // Segment 0 is around 0 (the target 50 is above its limits: fail); segment 1 around 100 (50 is below: pass).
        var values = Series.Concat(Series.Alternating(13), Series.Alternating(13, centre: 100));

        var analysis = Series.Analyse(new SpcOptions { Target = 50, RebaseIndices = [13] }, values);

        Assert.Equal(AssuranceIcon.ConsistentPass, analysis.AssuranceIcon);
    }

    [Fact]
    public void Missing_PointIsCommonCause_EvenInsideASignal()
    {
        var analysis = Series.Analyse(new SpcOptions { BaselinePointCount = 12 }, Series.Concat(Series.Alternating(12), [9, null, 9]));

        Assert.Equal(PointType.CommonCause, analysis.Points[13].PointType);
        Assert.Null(analysis.Points[13].Value);
        Assert.Null(analysis.Points[13].Signal);
    }
}

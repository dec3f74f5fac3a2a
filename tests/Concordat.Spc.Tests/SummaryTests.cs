namespace Concordat.Spc.Tests;

/// <summary>The plain-English summary names the icon's meaning, the last rule, the target and short segments.</summary>
public sealed class SummaryTests
{
    private static readonly SpcOptions Baseline = new() { BaselinePointCount = 12 };
    private static readonly double?[] Quiet = Series.Alternating(12, centre: 10);

    [Fact]
    public void Variation_Shift_CountsThePointsOnTheSide()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Quiet, [11, 12, 11, 12, 11, 12, 11, 12]));

        Assert.Equal("Special cause improvement: the last 8 points are above the mean (10) (a shift).", XmrSummary.Describe(analysis).Variation);
    }

    [Fact]
    public void Variation_Trend_CountsTheSteps()
    {
        var analysis = Series.Analyse(Baseline with { Improvement = ImprovementDirection.Decrease }, Series.Concat(Quiet, [8.3, 8.5, 8.7, 9.0, 9.3, 9.6, 9.9, 10.2]));

        Assert.Equal("Special cause concern: the last 8 points have each risen (a trend).", XmrSummary.Describe(analysis).Variation);
    }

    [Fact]
    public void Variation_Outside_NamesTheLimit()
    {
        var labels = new SpcLabels { Unit = "beds", PeriodLabels = [.. Enumerable.Range(1, 13).Select(i => $"week {i}")] };
        var analysis = Series.Analyse(Baseline, Series.Concat(Quiet, [2]));

        Assert.Equal(
            "Special cause concern: the latest point (week 13, 2 beds) is below the lower process limit (4.68 beds).",
            XmrSummary.Describe(analysis, labels).Variation);
    }

    [Fact]
    public void Variation_TwoInThree_SaysHowManyAreClose()
    {
        var analysis = Series.Analyse(Baseline with { Improvement = ImprovementDirection.Neither }, Series.Concat(Quiet, [14, 11, 14]));

        Assert.Equal(
            "Special cause variation (neither direction is better): 2 of the last 3 points are above the upper 2-sigma line (13.55), close to the process limit.",
            XmrSummary.Describe(analysis).Variation);
    }

    [Fact]
    public void Variation_CommonCause_SaysNoSpecialCause()
    {
        var summary = XmrSummary.Describe(Series.Analyse(Quiet));

        Assert.Equal("Common cause variation: the latest point (point 12, 9) shows no special cause.", summary.Variation);
        Assert.Equal("No rule has fired: every point is common cause.", summary.LatestSignal);
    }

    [Fact]
    public void LatestSignal_EarlierSignal_NamesRuleAndPeriod()
    {
        var analysis = Series.Analyse(Baseline, Series.Concat(Quiet, [20, 10]));

        Assert.Equal(
            "The last rule to fire was a point outside the process limits, high, at point 13 (an improvement); every point since is common cause.",
            XmrSummary.Describe(analysis).LatestSignal);
    }

    [Theory]
    [InlineData(4, "The target (4) is below the lower process limit (4.68), so it will be met consistently if nothing changes.")]
    [InlineData(16, "The target (16) is above the upper process limit (15.32), so it will not be met without a change to the process.")]
    [InlineData(12, "The target (12) is within the process limits (4.68 to 15.32), so it will be hit and miss: it is not likely to be met consistently.")]
    public void Assurance_SaysWhetherTheTargetIsLikelyToBeMet(double target, string expected) =>
        Assert.Equal(expected, XmrSummary.Describe(Series.Analyse(new SpcOptions { Target = target }, Series.Alternating(14, centre: 10))).Assurance);

    [Fact]
    public void Assurance_NoTarget_IsNull() => Assert.Null(XmrSummary.Describe(Series.Analyse(Quiet)).Assurance);

    [Fact]
    public void ShortSegments_LatestSegmentShort_SaysProvisional()
    {
        var summary = XmrSummary.Describe(Series.Analyse(1, 2, 1, 2));

        Assert.Equal(
            "The latest limits rest on only 4 points, so they and the icons are provisional: Making Data Count shows them only from 13 points.",
            summary.ShortSegments);
    }

    [Fact]
    public void IsProvisional_OnlyWhileTheLatestSegmentIsShort_AndThenTheIconNameSaysSo()
    {
        var twelve = Series.Analyse(Series.Alternating(12, centre: 10));
        var thirteen = Series.Analyse(Series.Alternating(13, centre: 10));
        var shortAfterRebase = Series.Analyse(new SpcOptions { RebaseIndices = [14] }, Series.Alternating(20, centre: 10));
        var shortBeforeRebase = Series.Analyse(new SpcOptions { RebaseIndices = [5] }, Series.Alternating(20, centre: 10));

        Assert.Equal((true, false, true, false), (twelve.IsProvisional, thirteen.IsProvisional, shortAfterRebase.IsProvisional, shortBeforeRebase.IsProvisional));
        Assert.True(shortBeforeRebase.HasShortSegment);
        Assert.Contains("provisional", XmrSummary.Describe(shortAfterRebase).ShortSegments, StringComparison.Ordinal);
        Assert.Equal("Common cause variation (provisional: fewer than 13 points)", XmrSummary.Describe(VariationIcon.CommonCause, provisional: true));
        Assert.Equal("Common cause variation", XmrSummary.Describe(VariationIcon.CommonCause, provisional: false));
    }

    [Fact]
    public void Text_JoinsTheSentencesInOrder()
    {
        var summary = XmrSummary.Describe(Series.Analyse(new SpcOptions { Target = 16 }, Quiet));

        Assert.Equal($"{summary.Variation} {summary.LatestSignal} {summary.Assurance} {summary.ShortSegments}", summary.Text);
    }

    [Theory]
    [InlineData(241.45, "241.5")]
    [InlineData(0.951234, "0.9512")]
    [InlineData(21289.4, "21,289")]
    [InlineData(-1e-9, "0")]
    [InlineData(0, "0")]
    [InlineData(5.32, "5.32")]
    public void Format_FourSignificantFiguresNoExponent(double value, string expected) =>
        Assert.Equal(expected, SpcFormat.Number(value));
}

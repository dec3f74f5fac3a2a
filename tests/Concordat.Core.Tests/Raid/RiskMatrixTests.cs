using Concordat.Core.HealthChecks;
using Concordat.Core.Raid;

namespace Concordat.Core.Tests.Raid;

/// <summary>The NHS 5×5 matrix's bands at every boundary, and the extreme-risk rule passing and failing.</summary>
public sealed class RiskMatrixTests
{
    [Theory]
    [InlineData(1, RiskBand.Low)]
    [InlineData(3, RiskBand.Low)]
    [InlineData(4, RiskBand.Moderate)]
    [InlineData(6, RiskBand.Moderate)]
    [InlineData(8, RiskBand.High)]
    [InlineData(12, RiskBand.High)]
    [InlineData(15, RiskBand.Extreme)]
    [InlineData(25, RiskBand.Extreme)]
    public void EachScore_FallsInItsBand(int score, RiskBand band) => Assert.Equal(band, RiskMatrix.Band(score));

    [Fact]
    public void EveryProductOfTheMatrix_IsOneOfTheScoresTheBandsName()
    {
        var scores = Enumerable.Range(1, 5).SelectMany(l => Enumerable.Range(1, 5).Select(i => RiskMatrix.Score(l, i))).Distinct().Order().ToList();

        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25], scores);
    }

    private static RiskFacts Risk(int inherent, int residual, bool mitigated, bool overdue) =>
        new(Guid.NewGuid(), "Winter surge", "Trust", inherent, residual, mitigated, overdue);

    [Fact]
    public void AnExtremeRisk_MitigatedAndReviewedOnTime_Passes_AsDoesAHighOneWithNeither()
    {
        Assert.Empty(RiskCheck.Findings([Risk(20, 6, mitigated: true, overdue: false), Risk(12, 12, mitigated: false, overdue: true)]));
    }

    [Theory]
    [InlineData(15, 4, false, false, "has no mitigation recorded")]
    [InlineData(6, 15, true, true, "is overdue for review")]
    [InlineData(25, 25, false, true, "has no mitigation recorded and its review is overdue")]
    public void AnExtremeRisk_BeforeOrAfterMitigation_WithoutMitigationOrWithItsReviewOverdue_Fails(int inherent, int residual, bool mitigated, bool overdue, string why)
    {
        var finding = Assert.Single(RiskCheck.Findings([Risk(inherent, residual, mitigated, overdue)]));

        Assert.Equal(RiskCheck.ExtremeRiskUnmanaged, finding.Check);
        Assert.Equal(CheckState.Failed, finding.State);
        Assert.Contains(why, finding.Explanation, StringComparison.Ordinal);
    }
}

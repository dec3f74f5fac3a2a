using Concordat.Core.HealthChecks;

namespace Concordat.Core.Tests.HealthChecks;

/// <summary>The work programme's health findings, each passing and failing on its own.</summary>
public sealed class WorkProgrammeChecksTests
{
    private static readonly Guid Goal = Guid.NewGuid();

    [Theory]
    [InlineData(true, true, null)]
    [InlineData(false, true, "no prediction")]
    [InlineData(true, false, "no measure")]
    [InlineData(false, false, "no prediction and no measure")]
    public void ACycle_FailsWithoutAPredictionOrAMeasure(bool hasPrediction, bool hasMeasure, string? missing)
    {
        var cycle = new CycleFacts(Guid.NewGuid(), "PDSA 1: Discharge by noon", "Criteria-led discharge", hasPrediction, hasMeasure);

        var findings = WorkProgrammeChecks.Run([cycle], []).ToList();

        if (missing is null)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal((WorkProgrammeChecks.CycleWithoutPredictionOrMeasure, "PDSA 1: Discharge by noon", $"/pdsa/{cycle.Id}/plan"), (finding.Check, finding.Subject, finding.FixPath));
        Assert.Contains($"has {missing}:", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void AnIdea_FailsOnlyWhenNoWorkItemCarriesItAndNoCycleTestsIt(bool hasWorkItem, bool hasCycle, bool fails)
    {
        var idea = new IdeaWorkFacts(Guid.NewGuid(), Goal, "Trusted assessors", hasWorkItem, hasCycle);

        var findings = WorkProgrammeChecks.Run([], [idea]).ToList();

        Assert.Equal(fails, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((WorkProgrammeChecks.IdeaNobodyWorksOn, $"/pdsa/ideas/{idea.Id}"), (f.Check, f.FixPath)));
        Assert.Equal(fails ? "Someone is working on every change idea" : null, findings.Select(f => HealthCheck.Name(f.Check)).SingleOrDefault());
    }
}

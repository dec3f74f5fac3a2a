using Concordat.Core.Asks;
using Concordat.Core.HealthChecks;

namespace Concordat.Core.Tests.HealthChecks;

/// <summary>The asks' three rules, each failing on the case it names and passing on its neighbours.</summary>
public sealed class AskChecksTests
{
    private static AskFacts Ask(string title, AskStatus status, int goals = 1, bool conditions = false, ConditionStatus met = ConditionStatus.NotAssessed) =>
        new(Guid.NewGuid(), title, "HM Treasury", status, goals, conditions, met);

    [Fact]
    public void AnAskThatUnlocksNoGoal_Fails_UnlessTheBodyDeclinedIt_AndADraftIsFixedWhereItIsWritten()
    {
        var draft = Ask("Draft", AskStatus.Draft, goals: 0);
        var submitted = Ask("Submitted", AskStatus.Submitted, goals: 0);

        var findings = AskChecks.Run([draft, submitted, Ask("Declined", AskStatus.Declined, goals: 0), Ask("With a goal", AskStatus.Submitted)], []).ToList();

        Assert.Equal(["Draft", "Submitted"], findings.Select(f => f.Subject));
        Assert.All(findings, f => Assert.Equal(AskChecks.UnlocksNoGoal, f.Check));
        Assert.Equal($"/asks/{draft.Id}/edit", findings[0].FixPath);
        Assert.Equal($"/asks/{submitted.Id}", findings[1].FixPath);
        Assert.Equal("The ask \"Draft\" of HM Treasury names no goal it would unlock, so the strategy cannot say why it matters.", findings[0].Explanation);
    }

    [Fact]
    public void AnExtremeRiskLeftOnADeclinedAsk_Fails_ForEachGoalItThreatens_AndNotWhileTheAskIsAlive()
    {
        var declined = Ask("Pooled budget", AskStatus.Declined);
        var discussed = Ask("Capital", AskStatus.InDiscussion);

        var findings = AskChecks.Run([declined, discussed],
            [new AskRiskFacts(declined.Id, "Fewer falls", "Home care collapses"), new AskRiskFacts(declined.Id, "Faster discharge", "Home care collapses"),
                new AskRiskFacts(discussed.Id, "Fewer falls", "No scanner")]).ToList();

        Assert.Equal(["Fewer falls", "Faster discharge"], findings.Select(f => f.Subject));
        Assert.All(findings, f => Assert.Equal(AskChecks.ExtremeRiskOnDeclinedAsk, f.Check));
        Assert.Contains("HM Treasury declined it", findings[0].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AskStatus.PartlyAgreed, ConditionStatus.NotBeingMet, true, true)]
    [InlineData(AskStatus.Implemented, ConditionStatus.NotBeingMet, true, true)]
    [InlineData(AskStatus.Agreed, ConditionStatus.AtRisk, true, false)]
    [InlineData(AskStatus.Agreed, ConditionStatus.BeingMet, true, false)]
    [InlineData(AskStatus.Agreed, ConditionStatus.NotBeingMet, false, false)]
    [InlineData(AskStatus.Declined, ConditionStatus.NotBeingMet, true, false)]
    public void AnAgreementWhoseConditionsAreNotMet_Fails(AskStatus status, ConditionStatus met, bool conditions, bool fails)
    {
        var findings = AskChecks.Run([Ask("Deal", status, conditions: conditions, met: met)], []).ToList();

        Assert.Equal(fails, findings.Any(f => f.Check == AskChecks.ConditionsNotMet));
    }
}

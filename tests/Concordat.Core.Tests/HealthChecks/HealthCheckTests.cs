using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;

namespace Concordat.Core.Tests.HealthChecks;

/// <summary>Every rule of the health check, with a case that passes and one that fails.</summary>
public sealed class HealthCheckTests
{
    private static readonly Guid Trust = Guid.NewGuid();
    private static readonly Guid Council = Guid.NewGuid();

    /// <summary>A goal that passes every check.</summary>
    private static GoalFacts Healthy() => new(Guid.NewGuid(), "Fewer falls", GoalStatus.Agreed,
        [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, false), new(Guid.NewGuid(), "Council", Council, ContributionStatus.Varied, false)],
        PrimaryDrivers: 2,
        [new(Guid.NewGuid(), "Strength and balance classes", UsesLevers: true, HasDiagnosis: true, NamesBehaviour: true)],
        [new(Guid.NewGuid(), "Falls admissions", HasData: true, IsStale: false, HasTargetOrTrajectory: true, IsConcern: true, IsAddressed: true)],
        [new("Physiotherapists", 0, "WTE")]);

    private static IReadOnlyList<string> Failing(GoalFacts goal) => ChecksIn(goal, CheckState.Failed);

    private static IReadOnlyList<string> Pending(GoalFacts goal) => ChecksIn(goal, CheckState.PendingAgreement);

    private static IReadOnlyList<string> ChecksIn(GoalFacts goal, CheckState state) => [.. HealthCheck.Run(goal).Results.Where(r => r.State == state).Select(r => r.Check)];

    [Fact]
    public void AHealthyGoal_PassesEveryCheck()
    {
        var health = HealthCheck.Run(Healthy());

        Assert.Empty(health.Findings);
        Assert.Equal((12, 0, 12), (health.ChecksPassed, health.ChecksPendingAgreement, health.Checks));
    }

    /// <summary>With no measure, the checks of a measure's data, target and reading have nothing to pass on, so they fail with it.</summary>
    [Fact]
    public void NoMeasure_FailsWithTheChecksOfMeasures() =>
        Assert.Equal([HealthCheck.NoMeasure, HealthCheck.StaleData, HealthCheck.NoTarget, HealthCheck.UnaddressedConcern], Failing(Healthy() with { Measures = [] }));

    [Fact]
    public void NoContributor_Fails_AndWithdrawnContributionsDoNotCount() =>
        Assert.Equal([HealthCheck.NoContributor, HealthCheck.NotShared, HealthCheck.NoAccountOfHow, HealthCheck.UnaddressedConcern],
            Failing(Healthy() with
            {
                Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Withdrawn, false)], Ideas = [],
                Measures = [new(Guid.NewGuid(), "Falls admissions", true, false, true, IsConcern: true, IsAddressed: false)],
            }));

    [Fact]
    public void NoContributorAtAll_FailsBothHasContributorsAndIsShared_SoItScoresBelowOneContributor()
    {
        var none = Healthy() with { Contributions = [] };
        var one = Healthy() with { Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, false)] };

        Assert.Equal([HealthCheck.NoContributor, HealthCheck.NotShared], Failing(none));
        Assert.True(HealthCheck.Run(none).ChecksPassed < HealthCheck.Run(one).ChecksPassed);
    }

    [Fact]
    public void OnlyOnePartner_IsNotShared() =>
        Assert.Equal([HealthCheck.NotShared], Failing(Healthy() with { Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, false)] }));

    [Fact]
    public void NotAgreed_Fails() => Assert.Equal([HealthCheck.NotAgreed], Failing(Healthy() with { Status = GoalStatus.Proposed }));

    [Fact]
    public void AnOverdueCheckIn_FailsOnAnAgreedGoal_Only()
    {
        var overdue = Healthy() with { Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, true), new(Guid.NewGuid(), "Council", Council, ContributionStatus.Agreed, false)] };

        Assert.Equal([HealthCheck.CheckInsOverdue], Failing(overdue));
        Assert.Equal([HealthCheck.NotAgreed], Failing(overdue with { Status = GoalStatus.Proposed }));
    }

    [Fact]
    public void AnAimWithoutAnAccountOfHow_Fails_WithNoDriversOrNoChangeIdeas()
    {
        Assert.Equal([HealthCheck.NoAccountOfHow], Failing(Healthy() with { PrimaryDrivers = 0 }));
        Assert.Equal([HealthCheck.NoAccountOfHow], Failing(Healthy() with { Ideas = [] }));
    }

    [Fact]
    public void ALeverWithoutAMechanism_Fails_WithoutADiagnosisOrANamedBehaviour_ButAnIdeaWithoutLeversPasses()
    {
        Assert.Equal([HealthCheck.LeverWithoutMechanism], Failing(Healthy() with { Ideas = [new(Guid.NewGuid(), "Contract", true, HasDiagnosis: false, NamesBehaviour: true)] }));
        Assert.Equal([HealthCheck.LeverWithoutMechanism], Failing(Healthy() with { Ideas = [new(Guid.NewGuid(), "Contract", true, HasDiagnosis: true, NamesBehaviour: false)] }));
        Assert.Empty(Failing(Healthy() with { Ideas = [new(Guid.NewGuid(), "Peer support", UsesLevers: false, HasDiagnosis: false, NamesBehaviour: false)] }));
    }

    [Fact]
    public void StaleData_Fails() =>
        Assert.Equal([HealthCheck.StaleData], Failing(Healthy() with { Measures = [new(Guid.NewGuid(), "Falls", true, IsStale: true, true, false, false)] }));

    [Fact]
    public void AMeasureWithNoDataAtAll_FailsCurrentData_AsNoDataYet()
    {
        var finding = Assert.Single(HealthCheck.Run(Healthy() with { Measures = [new(Guid.NewGuid(), "Falls", HasData: false, IsStale: false, true, false, IsAddressed: true)] }).Findings);

        Assert.Equal(HealthCheck.StaleData, finding.Check);
        Assert.Contains("no data yet", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTargetOrTrajectory_Fails() =>
        Assert.Equal([HealthCheck.NoTarget], Failing(Healthy() with { Measures = [new(Guid.NewGuid(), "Falls", true, false, HasTargetOrTrajectory: false, false, false)] }));

    [Fact]
    public void SpecialCauseConcernNoOneAddresses_Fails() =>
        Assert.Equal([HealthCheck.UnaddressedConcern], Failing(Healthy() with { Measures = [new(Guid.NewGuid(), "Falls", true, false, true, IsConcern: true, IsAddressed: false)] }));

    [Fact]
    public void AMeasureWithNoData_CannotPassConcernIsAddressed_UnlessWorkAlreadyAddressesIt()
    {
        var noData = new MeasureFacts(Guid.NewGuid(), "Falls", HasData: false, IsStale: false, true, IsConcern: false, IsAddressed: false);

        Assert.Equal([HealthCheck.StaleData, HealthCheck.UnaddressedConcern], Failing(Healthy() with { Measures = [noData] }));
        Assert.Equal([HealthCheck.StaleData], Failing(Healthy() with { Measures = [noData with { IsAddressed = true }] }));
    }

    [Fact]
    public void AConcernOnFewerPointsThanReliableLimitsNeed_SaysItIsProvisional()
    {
        var concern = new MeasureFacts(Guid.NewGuid(), "Falls", true, false, true, IsConcern: true, IsAddressed: false);

        Assert.EndsWith("shows special cause concern, and no change idea or contribution addresses it.",
            Assert.Single(HealthCheck.Run(Healthy() with { Measures = [concern] }).Findings).Explanation, StringComparison.Ordinal);
        Assert.EndsWith("shows special cause concern (provisional: fewer than 13 points), and no change idea or contribution addresses it.",
            Assert.Single(HealthCheck.Run(Healthy() with { Measures = [concern with { IsProvisional = true }] }).Findings).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ANeedNotMet_Fails() => Assert.Equal([HealthCheck.NeedsUnmet], Failing(Healthy() with { Needs = [new("Physiotherapists", 2.5, "WTE")] }));

    [Fact]
    public void AGoalWithoutASeniorResponsibleOwner_FailsThatCheckAlone()
    {
        var goal = Healthy() with { HasSeniorResponsibleOwner = false };

        Assert.Equal([HealthCheck.NoSeniorResponsibleOwner], Failing(goal));
        var finding = Assert.Single(HealthCheck.Run(goal).Findings);
        Assert.Equal("No senior responsible owner is named, so no one person answers for whether the outcome is reached.", finding.Explanation);
        Assert.Equal($"/goals/{goal.Id}", finding.FixPath);
    }

    private static ContributionFacts Proposed(string organisation, Guid organisationId) => new(Guid.NewGuid(), organisation, organisationId, ContributionStatus.Proposed, false);

    [Fact]
    public void AProposalThatWouldShareTheGoal_IsPendingAgreement_NeitherPassingNorFailing()
    {
        var goal = Healthy() with { Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, false), Proposed("Council", Council)] };
        var health = HealthCheck.Run(goal);

        Assert.Empty(Failing(goal));
        Assert.Equal([HealthCheck.NotShared], Pending(goal));
        Assert.Equal((11, 1, 12), (health.ChecksPassed, health.ChecksPendingAgreement, health.Checks));
        var finding = Assert.Single(health.Findings);
        Assert.Equal(CheckState.PendingAgreement, finding.State);
        Assert.Equal("2 partners contribute once Council's proposed contribution is agreed: shared, pending agreement.", finding.Explanation);
        Assert.Equal($"/contributions/{goal.Contributions[1].Id}", finding.FixPath);
    }

    [Fact]
    public void OnlyProposals_HoldHasContributorsPending_AndOnePartnersProposalsAloneAreNotShared()
    {
        var onePartner = Healthy() with { Contributions = [Proposed("Trust", Trust), Proposed("Trust", Trust)] };
        var twoPartners = Healthy() with { Contributions = [Proposed("Trust", Trust), Proposed("Council", Council)] };

        Assert.Equal([HealthCheck.NoContributor], Pending(onePartner));
        Assert.Equal([HealthCheck.NotShared], Failing(onePartner));
        Assert.Equal([HealthCheck.NoContributor, HealthCheck.NotShared], Pending(twoPartners));
        Assert.Empty(Failing(twoPartners));
    }

    [Fact]
    public void AProposalFromAPartnerTheChecksAlreadyCount_ChangesNothing()
    {
        Assert.Empty(HealthCheck.Run(Healthy() with { Contributions = [.. Healthy().Contributions, Proposed("Hospice", Guid.NewGuid())] }).Findings);
        Assert.Empty(HealthCheck.Run(Healthy() with { Contributions = [.. Healthy().Contributions, Proposed("Trust", Trust)] }).Findings);
    }

    /// <summary>The case: a partner proposed a contribution to a goal with none, and its score fell from 8 to 7.</summary>
    [Fact]
    public void AProposedContribution_NeverLowersTheScore_WhateverTheGoalAlreadyHas()
    {
        var goals = new[]
        {
            Healthy() with { Contributions = [] },
            Healthy() with { Contributions = [new(Guid.NewGuid(), "Trust", Trust, ContributionStatus.Agreed, false)] },
            Healthy(),
        };

        foreach (var goal in goals)
        {
            var proposed = goal with { Contributions = [.. goal.Contributions, Proposed("Hospice", Guid.NewGuid())] };
            Assert.True(HealthCheck.Run(proposed).ChecksPassed >= HealthCheck.Run(goal).ChecksPassed,
                $"{goal.Contributions.Count} contributions: {HealthCheck.Run(goal).ChecksPassed} checks passed before the proposal, {HealthCheck.Run(proposed).ChecksPassed} after");
        }
    }

    [Fact]
    public void AResourceBeyondCapacity_IsASystemFinding()
    {
        var health = HealthCheck.Run([Healthy()], [new(Guid.NewGuid(), "Therapists", "Community trust", IsOverCommitted: true), new(Guid.NewGuid(), "Clinic", "Council", IsOverCommitted: false)]);

        Assert.Equal([HealthCheck.OverCommitted], health.SystemFindings.Select(f => f.Check));
        Assert.Equal("Therapists", health.SystemFindings[0].Subject);
    }

    [Fact]
    public void ADependencyOffTrackForLongerThanSixWeeks_IsASystemFinding_OneOffTrackForSixWeeksIsNot()
    {
        var waitingSixWeeks = new DependencyFacts(Guid.NewGuid(), "Falls clinic pathway", "Westford Council", "Reablement staff", HealthCheck.DependencyOffTrackDays);
        var waitingLonger = waitingSixWeeks with { Consumer = "Discharge lounge", DaysOffTrack = HealthCheck.DependencyOffTrackDays + 1 };

        var passing = HealthCheck.Run([Healthy()], [], [waitingSixWeeks]);
        var failing = HealthCheck.Run([Healthy()], [], [waitingSixWeeks, waitingLonger]);

        Assert.Empty(passing.SystemFindings);
        var finding = Assert.Single(failing.SystemFindings);
        Assert.Equal((HealthCheck.DependencyOffTrack, "Discharge lounge", CheckState.Failed), (finding.Check, finding.Subject, finding.State));
        Assert.Contains("Westford Council's Reablement staff", finding.Explanation, StringComparison.Ordinal);
        Assert.Equal($"/work/items/{waitingLonger.ConsumerItemId}#depends-on", finding.FixPath);
    }
}

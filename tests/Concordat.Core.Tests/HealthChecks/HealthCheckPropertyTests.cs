using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using CsCheck;

namespace Concordat.Core.Tests.HealthChecks;

/// <summary>
/// The health check cannot be flattered: over generated goals (CsCheck generates them and shrinks any counter-example
/// to the smallest goal that breaks the property), adding a partner's commitment, data, a target or a change idea
/// never makes any check's state worse (passed, then pending agreement, then failed), so it never lowers the score;
/// removing one never raises it.
/// </summary>
/// <remarks>
/// A thing added is as it is made: a commitment is proposed or agreed and has not yet missed a check-in, and a change
/// idea that pulls a policy lever names whose behaviour must change and diagnoses it. A commitment whose check-ins
/// are overdue, or a lever without a mechanism, is exactly what those checks exist to flag, so adding one of those
/// rightly lowers the score (<see cref="DefectsTheChecksExistToFlag_StillLowerTheScore"/>). Data is a measure's
/// first data, whatever it shows: more points on a series that has data may rightly reveal special cause concern.
/// </remarks>
public sealed class HealthCheckPropertyTests
{
    private const int Iterations = 5_000;

    private static readonly Guid[] Partners = [.. Enumerable.Range(1, 4).Select(i => new Guid(i, 0, 0, new byte[8]))];

    private static readonly Gen<ContributionFacts> AnyContribution =
        from partner in Gen.Int[0, Partners.Length - 1]
        from status in Gen.Enum<ContributionStatus>()
        from overdue in Gen.Bool
        from id in Gen.Guid
        select new ContributionFacts(id, $"Partner {partner}", Partners[partner], status, overdue && status is ContributionStatus.Agreed or ContributionStatus.Varied);

    /// <summary>A commitment as a partner makes it: proposed, or already agreed (or varied), with no check-in missed yet.</summary>
    private static readonly Gen<ContributionFacts> NewCommitment =
        from partner in Gen.Int[0, Partners.Length - 1]
        from status in Gen.OneOf(ContributionStatus.Proposed, ContributionStatus.Agreed, ContributionStatus.Varied)
        from id in Gen.Guid
        select new ContributionFacts(id, $"Partner {partner}", Partners[partner], status, IsOverdue: false);

    private static readonly Gen<IdeaFacts> AnyIdea =
        from id in Gen.Guid
        from levers in Gen.Bool
        from diagnosis in Gen.Bool
        from behaviour in Gen.Bool
        select new IdeaFacts(id, "Idea", levers, diagnosis, behaviour);

    /// <summary>A change idea as the theory of change asks for it: if it pulls a lever, it says whose behaviour and why.</summary>
    private static readonly Gen<IdeaFacts> SoundIdea =
        from idea in AnyIdea
        select idea.UsesLevers ? idea with { HasDiagnosis = true, NamesBehaviour = true } : idea;

    /// <summary>What a measure's data can show; a measure without data can be neither stale nor a concern.</summary>
    private static readonly Gen<MeasureFacts> WithData =
        from id in Gen.Guid
        from stale in Gen.Bool
        from target in Gen.Bool
        from concern in Gen.Bool
        from addressed in Gen.Bool
        from provisional in Gen.Bool
        select new MeasureFacts(id, "Measure", HasData: true, stale, target, concern, addressed) { IsProvisional = provisional };

    private static readonly Gen<MeasureFacts> AnyMeasure =
        from measure in WithData
        from hasData in Gen.Bool
        select hasData ? measure : NoData(measure);

    private static readonly Gen<NeedFacts> AnyNeed = Gen.OneOf(0.0, 2.5).Select(gap => new NeedFacts("Nurses", gap, "WTE"));

    private static readonly Gen<GoalFacts> AnyGoal =
        from status in Gen.Enum<GoalStatus>()
        from contributions in AnyContribution.Array[0, 5]
        from drivers in Gen.Int[0, 2]
        from ideas in AnyIdea.Array[0, 3]
        from measures in AnyMeasure.Array[0, 3]
        from needs in AnyNeed.Array[0, 2]
        select new GoalFacts(Guid.Empty, "Goal", status, contributions, drivers, ideas, measures, needs);

    private static MeasureFacts NoData(MeasureFacts m) => m with { HasData = false, IsStale = false, IsConcern = false, IsProvisional = false };

    /// <summary>Each check's state as a number, higher is better: pending agreement sits between failed and passed.</summary>
    private static int Rank(CheckState state) => state switch
    {
        CheckState.Passed => 2,
        CheckState.PendingAgreement => 1,
        _ => 0,
    };

    /// <summary>The property itself: <paramref name="more"/> is <paramref name="less"/> with one thing added.</summary>
    private static void NeverWorse(GoalFacts less, GoalFacts more)
    {
        var (before, after) = (HealthCheck.Run(less), HealthCheck.Run(more));
        foreach (var (was, now) in before.Results.Zip(after.Results))
        {
            Assert.True(Rank(now.State) >= Rank(was.State), $"{was.Check} went from {was.State} to {now.State}");
        }
        Assert.True(after.ChecksPassed >= before.ChecksPassed, $"{before.ChecksPassed} checks passed before, {after.ChecksPassed} after");
    }

    private static string Describe(GoalFacts g) =>
        $"{g.Status}; contributions [{string.Join(", ", g.Contributions.Select(c => $"{c.Organisation} {c.Status}{(c.IsOverdue ? " overdue" : "")}"))}]; " +
        $"{g.PrimaryDrivers} primary drivers; ideas [{string.Join(", ", g.Ideas.Select(i => $"levers {i.UsesLevers} diagnosis {i.HasDiagnosis} behaviour {i.NamesBehaviour}"))}]; " +
        $"measures [{string.Join(", ", g.Measures.Select(m => $"data {m.HasData} stale {m.IsStale} target {m.HasTargetOrTrajectory} concern {m.IsConcern} addressed {m.IsAddressed}"))}]; " +
        $"needs [{string.Join(", ", g.Needs.Select(n => n.Gap))}]";

    private static string Describe((GoalFacts Less, GoalFacts More) pair) => $"without: {Describe(pair.Less)}\nwith: {Describe(pair.More)}";

    /// <summary>The list with one item put in at <paramref name="at"/> (or at the end when the list is shorter): where it goes must not matter.</summary>
    private static T[] Inserted<T>(IReadOnlyList<T> items, int at, T item) => [.. items.Take(at), item, .. items.Skip(at)];

    [Fact]
    public void AddingACommitment_NeverMakesAnyCheckWorse() =>
        Gen.Select(AnyGoal, NewCommitment, Gen.Int[0, 5], (goal, commitment, at) => (goal, goal with { Contributions = Inserted(goal.Contributions, at, commitment) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    [Fact]
    public void AgreeingAProposedContribution_NeverMakesAnyCheckWorse() =>
        Gen.Select(AnyGoal, NewCommitment, Gen.Int[0, 5], (goal, commitment, at) => (
                goal with { Contributions = Inserted(goal.Contributions, at, commitment with { Status = ContributionStatus.Proposed }) },
                goal with { Contributions = Inserted(goal.Contributions, at, commitment with { Status = ContributionStatus.Agreed }) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    /// <summary>Removing a commitment, or the partner withdrawing it, from a goal that has it: the same pair seen from the other side.</summary>
    [Fact]
    public void RemovingOrWithdrawingACommitment_NeverRaisesTheScore() =>
        Gen.Select(AnyGoal, NewCommitment, Gen.Int[0, 5], Gen.Bool, (goal, commitment, at, withdraw) => (
                goal with { Contributions = withdraw ? Inserted(goal.Contributions, at, commitment with { Status = ContributionStatus.Withdrawn }) : goal.Contributions },
                goal with { Contributions = Inserted(goal.Contributions, at, commitment) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    [Fact]
    public void GivingAMeasureItsFirstData_WhateverItShows_NeverMakesAnyCheckWorse_AndTakingItAwayNeverHelps() =>
        Gen.Select(AnyGoal, WithData, Gen.Int[0, 3], (goal, measure, at) => (
                goal with { Measures = Inserted(goal.Measures, at, NoData(measure)) },
                goal with { Measures = Inserted(goal.Measures, at, measure) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    [Fact]
    public void AddingATargetOrTrajectory_NeverMakesAnyCheckWorse_AndRemovingOneNeverHelps() =>
        Gen.Select(AnyGoal, AnyMeasure, Gen.Int[0, 3], (goal, measure, at) => (
                goal with { Measures = Inserted(goal.Measures, at, measure with { HasTargetOrTrajectory = false }) },
                goal with { Measures = Inserted(goal.Measures, at, measure with { HasTargetOrTrajectory = true }) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    [Fact]
    public void AddingAChangeIdea_NeverMakesAnyCheckWorse_AndRemovingOneNeverHelps() =>
        Gen.Select(AnyGoal, SoundIdea, Gen.Int[0, 3], (goal, idea, at) => (goal, goal with { Ideas = Inserted(goal.Ideas, at, idea) }))
            .Sample(pair => NeverWorse(pair.Item1, pair.Item2), iter: Iterations, print: Describe);

    /// <summary>The limits of the properties above, stated so no one mistakes them for gaps.</summary>
    [Fact]
    public void DefectsTheChecksExistToFlag_StillLowerTheScore()
    {
        var goal = new GoalFacts(Guid.Empty, "Goal", GoalStatus.Agreed,
            [new(Guid.NewGuid(), "Partner 1", Partners[0], ContributionStatus.Agreed, false), new(Guid.NewGuid(), "Partner 2", Partners[1], ContributionStatus.Agreed, false)],
            1, [new(Guid.NewGuid(), "Idea", true, true, true)], [new(Guid.NewGuid(), "Measure", true, false, true, false, false)], []);
        var passed = HealthCheck.Run(goal).ChecksPassed;

        var overdue = goal with { Contributions = [.. goal.Contributions, new(Guid.NewGuid(), "Partner 3", Partners[2], ContributionStatus.Agreed, IsOverdue: true)] };
        var leverWithoutMechanism = goal with { Ideas = [.. goal.Ideas, new(Guid.NewGuid(), "Contract", UsesLevers: true, HasDiagnosis: false, NamesBehaviour: true)] };

        Assert.Equal(passed - 1, HealthCheck.Run(overdue).ChecksPassed);
        Assert.Equal(passed - 1, HealthCheck.Run(leverWithoutMechanism).ChecksPassed);
    }
}

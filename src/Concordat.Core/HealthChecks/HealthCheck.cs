using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.Words;
using Concordat.Spc;

namespace Concordat.Core.HealthChecks;

public sealed record ContributionFacts(Guid Id, string Organisation, Guid OrganisationId, ContributionStatus Status, bool IsOverdue);

/// <summary>
/// A change idea in a goal's diagram. One under a priority shared from another goal (<see cref="FromAnotherGoal"/>) counts
/// towards this goal's account of how, but its own findings are made once, in the goal it was entered in.
/// </summary>
public sealed record IdeaFacts(Guid Id, string Title, bool UsesLevers, bool HasDiagnosis, bool NamesBehaviour, bool FromAnotherGoal = false);

public sealed record MeasureFacts(Guid Id, string Name, bool HasData, bool IsStale, bool HasTargetOrTrajectory, bool IsConcern, bool IsAddressed)
{
    /// <summary>The reading rests on fewer points than reliable limits need (<see cref="XmrAnalysis.IsProvisional"/>), so findings from it say so.</summary>
    public bool IsProvisional { get; init; }
}

public sealed record NeedFacts(string Description, double Gap, string Unit);

/// <summary>What the health check needs to know about one goal, gathered from the live data.</summary>
public sealed record GoalFacts(Guid Id, string Title, GoalStatus Status, IReadOnlyList<ContributionFacts> Contributions, int PrimaryDrivers,
    IReadOnlyList<IdeaFacts> Ideas, IReadOnlyList<MeasureFacts> Measures, IReadOnlyList<NeedFacts> Needs)
{
    /// <summary>Whether a senior responsible owner is named; the goal form allows none, so a strategy can be entered as it is.</summary>
    public bool HasSeniorResponsibleOwner { get; init; } = true;
}

public sealed record ResourceFacts(Guid Id, string Name, string Organisation, bool IsOverCommitted);

/// <summary>An off-track dependency between organisations' work items, and for how many days it has been off track as far as can be told.</summary>
public sealed record DependencyFacts(Guid ConsumerItemId, string Consumer, string ProducerOrganisation, string Producer, int DaysOffTrack);

/// <summary>How a goal stands on one check.</summary>
public enum CheckState
{
    Passed,

    /// <summary>
    /// Waiting on a partner's decision: the check would pass once a proposed contribution is agreed. It neither passes
    /// nor fails, and a proposal only ever lifts a check from failed to pending, never down from passed.
    /// </summary>
    PendingAgreement,

    Failed,
}

public static class CheckStateWords
{
    public static string InWords(this CheckState state) => state switch
    {
        CheckState.Passed => "Passed",
        CheckState.PendingAgreement => "Pending agreement",
        CheckState.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}

/// <summary>One finding: which check, about what, why it matters in plain English, where to fix it, and whether it fails the check or holds it pending agreement.</summary>
public sealed record Finding(string Check, string Subject, string Explanation, string FixPath, CheckState State);

/// <summary>A goal's state on one check.</summary>
public sealed record CheckResult(string Check, CheckState State);

public sealed record GoalHealth(Guid GoalId, string Title, IReadOnlyList<CheckResult> Results, IReadOnlyList<Finding> Findings)
{
    public int ChecksPassed => Results.Count(r => r.State == CheckState.Passed);
    public int ChecksPendingAgreement => Results.Count(r => r.State == CheckState.PendingAgreement);
    public int Checks => Results.Count;
}

public sealed record SystemHealth(IReadOnlyList<GoalHealth> Goals, IReadOnlyList<Finding> SystemFindings)
{
    public int ChecksPassed => Goals.Sum(g => g.ChecksPassed);
    public int ChecksPendingAgreement => Goals.Sum(g => g.ChecksPendingAgreement);
    public int Checks => Goals.Sum(g => g.Checks);
}

/// <summary>
/// The strategy health check: the rules that say where a strategy is only an assertion. Each rule is a pure function
/// of the facts, so each can be shown to pass and to fail on its own. Paths are relative to the system's home.
/// </summary>
public static class HealthCheck
{
    public const string NoMeasure = "goal-has-a-measure";
    public const string NoContributor = "goal-has-contributors";
    public const string NotShared = "goal-is-shared";
    public const string NotAgreed = "goal-is-agreed";
    public const string CheckInsOverdue = "check-ins-are-current";
    public const string NoAccountOfHow = "aim-has-an-account-of-how";
    public const string LeverWithoutMechanism = "levers-have-a-mechanism";
    public const string StaleData = "measures-are-current";
    public const string NoTarget = "measures-have-targets";
    public const string UnaddressedConcern = "concerns-are-addressed";
    public const string NeedsUnmet = "needs-are-met";
    public const string OverCommitted = "resources-within-capacity";
    public const string NoSeniorResponsibleOwner = "goal-has-a-senior-responsible-owner";
    public const string DependencyOffTrack = "dependencies-are-on-track";

    /// <summary>
    /// Days a dependency may be off track before the check fails: about one iteration (six weeks) until iterations
    /// exist to read it from.
    /// </summary>
    public const int DependencyOffTrackDays = 42;

    /// <summary>
    /// Every check made of each goal, in the order the page shows them. There is no check that a goal's contributions
    /// are agreed: a proposal is pending agreement, not a failure, so it shows as the pending state of the checks it
    /// would complete (has contributors, is shared) and cannot pull a passing check down.
    /// </summary>
    public static readonly IReadOnlyList<string> GoalChecks =
        [NoSeniorResponsibleOwner, NoMeasure, NoContributor, NotShared, NotAgreed, CheckInsOverdue, NoAccountOfHow, LeverWithoutMechanism, StaleData, NoTarget, UnaddressedConcern, NeedsUnmet];

    public static SystemHealth Run(IReadOnlyList<GoalFacts> goals, IReadOnlyList<ResourceFacts> resources, IReadOnlyList<DependencyFacts>? dependencies = null) =>
        new([.. goals.Select(Run)],
            [.. resources.Where(r => r.IsOverCommitted).Select(r => new Finding(OverCommitted, r.Name,
                $"{r.Name} ({r.Organisation}) is committed beyond the capacity its owner made available. The partners recorded why, but a plan that relies on more than there is may not be delivered.",
                $"/resources/{r.Id}", CheckState.Failed)),
            .. (dependencies ?? []).Where(d => d.DaysOffTrack > DependencyOffTrackDays).Select(d => new Finding(DependencyOffTrack, d.Consumer,
                $"{d.Consumer} has waited on {d.ProducerOrganisation}'s {d.Producer} while it has been off track for {Prose.Count(d.DaysOffTrack, "day")}: longer than an iteration, so the plan that relies on it needs agreeing again.",
                $"/work/items/{d.ConsumerItemId}#depends-on", CheckState.Failed))]);

    public static GoalHealth Run(GoalFacts goal)
    {
        var findings = new List<Finding>();
        void Fail(string check, string subject, string explanation, string path) => findings.Add(new Finding(check, subject, explanation, path, CheckState.Failed));
        var goalPath = $"/goals/{goal.Id}";
        var active = goal.Contributions.Where(c => c.Status != ContributionStatus.Withdrawn).ToList();

        if (!goal.HasSeniorResponsibleOwner)
        {
            Fail(NoSeniorResponsibleOwner, goal.Title, "No senior responsible owner is named, so no one person answers for whether the outcome is reached.", goalPath);
        }

        if (goal.Measures.Count == 0)
        {
            Fail(NoMeasure, goal.Title, "No measure shows whether this outcome is moving, so no one can tell whether the strategy is working.", goalPath + "#measures");
            // With no measure there is no data, target or reading to pass on, so the goal must not score as well as one whose measure has them.
            Fail(StaleData, goal.Title, "No measure, so there is no data to say whether the outcome is moving.", goalPath + "#measures");
            Fail(NoTarget, goal.Title, "No measure, so there is no target or trajectory to say where the partners want the outcome to be.", goalPath + "#measures");
            Fail(UnaddressedConcern, goal.Title, "No measure, so no one can tell whether the outcome shows special cause concern.", goalPath + "#measures");
        }
        findings.AddRange(ContributorFindings(goal, active, goalPath));
        if (goal.Status != GoalStatus.Agreed)
        {
            Fail(NotAgreed, goal.Title, $"The goal is {Prose.Clause(goal.Status.InWords())}, not agreed by the partners, so it binds no one yet.", goalPath);
        }
        foreach (var c in active.Where(c => c.IsOverdue && goal.Status == GoalStatus.Agreed))
        {
            Fail(CheckInsOverdue, c.Organisation, $"{c.Organisation} has not checked in on its contribution for longer than the agreed cadence, so progress is unknown.", $"/contributions/{c.Id}");
        }
        if (goal.PrimaryDrivers == 0 || goal.Ideas.Count == 0)
        {
            Fail(NoAccountOfHow, goal.Title, goal.PrimaryDrivers == 0
                ? "The goal has no driver diagram: an aim without an account of how it will be reached."
                : "The driver diagram has no change ideas: it names what matters but not what anyone will do.", goalPath + "/theory-of-change");
        }
        foreach (var idea in goal.Ideas.Where(i => !i.FromAnotherGoal && i.UsesLevers && (!i.HasDiagnosis || !i.NamesBehaviour)))
        {
            Fail(LeverWithoutMechanism, idea.Title, idea.NamesBehaviour
                ? $"\"{idea.Title}\" pulls policy levers without a COM-B diagnosis of what stops the behaviour: a lever without a mechanism."
                : $"\"{idea.Title}\" pulls policy levers without naming whose behaviour must change: a lever without a mechanism.", goalPath + "/theory-of-change#idea-" + idea.Id);
        }
        foreach (var m in goal.Measures)
        {
            // A measure with no data at all says less than one with old data, so it cannot pass where stale data fails.
            if (!m.HasData)
            {
                Fail(StaleData, m.Name, $"{m.Name} has no data yet, so no one can tell whether the outcome is moving.", $"/measures/{m.Id}");
            }
            else if (m.IsStale)
            {
                Fail(StaleData, m.Name, $"{m.Name} has no recent data, so its reading may no longer be true.", $"/measures/{m.Id}");
            }
            if (!m.HasTargetOrTrajectory)
            {
                Fail(NoTarget, m.Name, $"{m.Name} has no target or trajectory, so no one can say whether it will reach where the partners want it.", $"/measures/{m.Id}/edit");
            }
            // Without data no one can tell whether there is a concern, so an unaddressed measure cannot pass here: if it
            // did, its first data could only make the goal read worse.
            if (!m.HasData && !m.IsAddressed)
            {
                Fail(UnaddressedConcern, m.Name, $"{m.Name} has no data yet, so no one can tell whether it shows special cause concern, and no change idea or contribution addresses it.",
                    goalPath + "/theory-of-change");
            }
            else if (m.IsConcern && !m.IsAddressed)
            {
                var concern = m.IsProvisional ? $"special cause concern ({XmrSummary.ProvisionalNote})" : "special cause concern";
                Fail(UnaddressedConcern, m.Name, $"{m.Name} shows {concern}, and no change idea or contribution addresses it.", goalPath + "/theory-of-change");
            }
        }
        foreach (var need in goal.Needs.Where(n => n.Gap > 0))
        {
            Fail(NeedsUnmet, need.Description, $"\"{need.Description}\" is short by {Prose.Amount(need.Gap, need.Unit)}: what the goal needs is not yet committed.", "/resources/by-goal");
        }
        return new GoalHealth(goal.Id, goal.Title, [.. GoalChecks.Select(check => new CheckResult(check, StateOf(check, findings)))], findings);
    }

    /// <summary>A failing finding fails its check; otherwise a pending one holds it pending agreement; with neither it passes.</summary>
    private static CheckState StateOf(string check, List<Finding> findings)
    {
        var states = findings.Where(f => f.Check == check).Select(f => f.State).ToList();
        return states.Contains(CheckState.Failed) ? CheckState.Failed
            : states.Contains(CheckState.PendingAgreement) ? CheckState.PendingAgreement
            : CheckState.Passed;
    }

    /// <summary>
    /// "Has contributors" and "Is shared": agreed (or varied) contributions pass them; a partner that has only proposed
    /// would complete them once agreed, so it holds them pending agreement where they would otherwise fail.
    /// </summary>
    private static IEnumerable<Finding> ContributorFindings(GoalFacts goal, List<ContributionFacts> active, string goalPath)
    {
        var agreedPartners = active.Where(c => c.Status != ContributionStatus.Proposed).Select(c => c.OrganisationId).ToHashSet();
        var proposals = active.Where(c => c.Status == ContributionStatus.Proposed && !agreedPartners.Contains(c.OrganisationId)).ToList();
        var proposingPartners = proposals.DistinctBy(c => c.OrganisationId).ToList();
        var partners = agreedPartners.Count + proposingPartners.Count;
        var proposers = string.Join(" and ", proposingPartners.Select(c => c.Organisation));
        var proposalPath = proposals.Count == 1 ? $"/contributions/{proposals[0].Id}" : goalPath + "#contributions";
        var contributionsPath = goalPath + "#contributions";

        if (partners == 0)
        {
            yield return new Finding(NoContributor, goal.Title, "No organisation has committed to contribute: the goal says what should happen, not who will make it happen.",
                contributionsPath, CheckState.Failed);
            // With no contributor a goal is shared by no one, so it must not score as well as a goal with one.
            yield return new Finding(NotShared, goal.Title, "No partner contributes, so the goal is not shared. A shared goal needs more than one partner's contribution.",
                contributionsPath, CheckState.Failed);
            yield break;
        }
        if (agreedPartners.Count == 0)
        {
            yield return new Finding(NoContributor, goal.Title,
                $"{proposers} proposed to contribute, pending agreement: until a contribution is agreed, no organisation is committed to make the goal happen.",
                proposalPath, CheckState.PendingAgreement);
        }
        if (partners == 1)
        {
            // Every active contribution is that one organisation's.
            yield return new Finding(NotShared, goal.Title, $"Only {active[0].Organisation} contributes. A shared goal needs more than one partner's contribution.",
                contributionsPath, CheckState.Failed);
        }
        else if (agreedPartners.Count < 2)
        {
            var once = proposingPartners.Count == 1 ? $"{proposers}'s proposed contribution is agreed" : $"the contributions {proposers} proposed are agreed";
            yield return new Finding(NotShared, goal.Title, $"{partners} partners contribute once {once}: shared, pending agreement.", proposalPath, CheckState.PendingAgreement);
        }
    }

    /// <summary>
    /// A goal's (or a strategy's) reading in words, as every page and document shows it: "7 of 11 checks pass, 1 pending
    /// agreement". Pending checks are named apart because they neither pass nor fail.
    /// </summary>
    public static string Summary(int passed, int pendingAgreement, int checks) =>
        $"{passed} of {checks} checks pass" + (pendingAgreement == 0 ? "" : $", {pendingAgreement} pending agreement");

    public static string Name(string check) => check switch
    {
        NoSeniorResponsibleOwner => "Has a named senior responsible owner",
        NoMeasure => "Has a measure",
        NoContributor => "Has contributors",
        NotShared => "Is shared by more than one partner",
        NotAgreed => "Is agreed",
        CheckInsOverdue => "Check-ins are up to date",
        NoAccountOfHow => "Has an account of how (driver diagram with change ideas)",
        LeverWithoutMechanism => "Every lever has a mechanism (named behaviour and COM-B diagnosis)",
        StaleData => "Measures have current data",
        NoTarget => "Measures have a target or trajectory",
        UnaddressedConcern => "Special cause concern is addressed",
        NeedsUnmet => "Needs are met by commitments",
        OverCommitted => "Resources are within capacity",
        IterationCheck.NotReviewed => "Closed iterations were reviewed and looked back on",
        DependencyOffTrack => "Dependencies between organisations are on track",
        RiskCheck.ExtremeRiskUnmanaged => RiskCheck.Name,
        AskChecks.UnlocksNoGoal => "Every ask of a national body unlocks a goal",
        AskChecks.ExtremeRiskOnDeclinedAsk => "No extreme risk rests on a declined ask",
        AskChecks.ConditionsNotMet => "The conditions of agreed asks are being met",
        WorkProgrammeChecks.CycleWithoutPredictionOrMeasure => "PDSA cycles have a prediction and a measure",
        WorkProgrammeChecks.IdeaNobodyWorksOn => "Someone is working on every change idea",
        _ => check,
    };
}

using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.Words;

namespace Concordat.Core.HealthChecks;

public sealed record ContributionFacts(Guid Id, string Organisation, Guid OrganisationId, ContributionStatus Status, bool IsOverdue);

public sealed record IdeaFacts(Guid Id, string Title, bool UsesLevers, bool HasDiagnosis, bool NamesBehaviour);

public sealed record MeasureFacts(Guid Id, string Name, bool HasData, bool IsStale, bool HasTargetOrTrajectory, bool IsConcern, bool IsAddressed);

public sealed record NeedFacts(string Description, double Gap, string Unit);

/// <summary>What the health check needs to know about one goal, gathered from the live data.</summary>
public sealed record GoalFacts(Guid Id, string Title, GoalStatus Status, IReadOnlyList<ContributionFacts> Contributions, int PrimaryDrivers,
    IReadOnlyList<IdeaFacts> Ideas, IReadOnlyList<MeasureFacts> Measures, IReadOnlyList<NeedFacts> Needs);

public sealed record ResourceFacts(Guid Id, string Name, string Organisation, bool IsOverCommitted);

/// <summary>One finding: which check, about what, why it matters in plain English, and where to fix it.</summary>
public sealed record Finding(string Check, string Subject, string Explanation, string FixPath);

public sealed record GoalHealth(Guid GoalId, string Title, int ChecksPassed, int Checks, IReadOnlyList<Finding> Findings);

public sealed record SystemHealth(IReadOnlyList<GoalHealth> Goals, IReadOnlyList<Finding> SystemFindings)
{
    public int ChecksPassed => Goals.Sum(g => g.ChecksPassed);
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
    public const string NeverAgreed = "contributions-are-agreed";
    public const string OverCommitted = "resources-within-capacity";

    /// <summary>Every check made of each goal, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> GoalChecks =
        [NoMeasure, NoContributor, NotShared, NotAgreed, CheckInsOverdue, NoAccountOfHow, LeverWithoutMechanism, StaleData, NoTarget, UnaddressedConcern, NeedsUnmet, NeverAgreed];

    public static SystemHealth Run(IReadOnlyList<GoalFacts> goals, IReadOnlyList<ResourceFacts> resources) =>
        new([.. goals.Select(Run)],
            [.. resources.Where(r => r.IsOverCommitted).Select(r => new Finding(OverCommitted, r.Name,
                $"{r.Name} ({r.Organisation}) is committed beyond the capacity its owner made available. The partners recorded why, but a plan that relies on more than there is may not be delivered.",
                $"/resources/{r.Id}"))]);

    public static GoalHealth Run(GoalFacts goal)
    {
        var findings = new List<Finding>();
        var failed = new HashSet<string>();
        void Fail(string check, string subject, string explanation, string path)
        {
            failed.Add(check);
            findings.Add(new Finding(check, subject, explanation, path));
        }
        var goalPath = $"/goals/{goal.Id}";
        var active = goal.Contributions.Where(c => c.Status != ContributionStatus.Withdrawn).ToList();
        var organisations = active.Select(c => c.OrganisationId).Distinct().Count();

        if (goal.Measures.Count == 0)
        {
            Fail(NoMeasure, goal.Title, "No measure shows whether this outcome is moving, so no one can tell whether the strategy is working.", goalPath + "#measures");
        }
        if (organisations == 0)
        {
            Fail(NoContributor, goal.Title, "No organisation has committed to contribute: the goal says what should happen, not who will make it happen.", goalPath + "#contributions");
        }
        else if (organisations == 1)
        {
            Fail(NotShared, goal.Title, $"Only {active[0].Organisation} contributes. A shared goal needs more than one partner's contribution.", goalPath + "#contributions");
        }
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
        foreach (var idea in goal.Ideas.Where(i => i.UsesLevers && (!i.HasDiagnosis || !i.NamesBehaviour)))
        {
            Fail(LeverWithoutMechanism, idea.Title, idea.NamesBehaviour
                ? $"\"{idea.Title}\" pulls policy levers without a COM-B diagnosis of what stops the behaviour: a lever without a mechanism."
                : $"\"{idea.Title}\" pulls policy levers without naming whose behaviour must change: a lever without a mechanism.", goalPath + "/theory-of-change#idea-" + idea.Id);
        }
        foreach (var m in goal.Measures)
        {
            if (m.HasData && m.IsStale)
            {
                Fail(StaleData, m.Name, $"{m.Name} has no recent data, so its reading may no longer be true.", $"/measures/{m.Id}");
            }
            if (!m.HasTargetOrTrajectory)
            {
                Fail(NoTarget, m.Name, $"{m.Name} has no target or trajectory, so no one can say whether it will reach where the partners want it.", $"/measures/{m.Id}/edit");
            }
            if (m.IsConcern && !m.IsAddressed)
            {
                Fail(UnaddressedConcern, m.Name, $"{m.Name} shows special cause concern, and no change idea or contribution addresses it.", goalPath + "/theory-of-change");
            }
        }
        foreach (var need in goal.Needs.Where(n => n.Gap > 0))
        {
            Fail(NeedsUnmet, need.Description, $"\"{need.Description}\" is short by {Prose.Amount(need.Gap, need.Unit)}: what the goal needs is not yet committed.", "/resources/by-goal");
        }
        foreach (var c in active.Where(c => c.Status == ContributionStatus.Proposed))
        {
            Fail(NeverAgreed, c.Organisation, $"{c.Organisation}'s contribution is proposed but not agreed, so it is not yet part of the plan.", $"/contributions/{c.Id}");
        }
        return new GoalHealth(goal.Id, goal.Title, GoalChecks.Count - failed.Count, GoalChecks.Count, findings);
    }

    public static string Name(string check) => check switch
    {
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
        NeverAgreed => "Contributions are agreed",
        OverCommitted => "Resources are within capacity",
        _ => check,
    };
}

using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Raid;
using Concordat.Core.Resources;
using Concordat.Core.TheoryOfChange;
using Concordat.Spc;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.HealthChecks;

/// <summary>One goal as read for the health check, kept so the strategy document can be built from the same reading.</summary>
public sealed record GoalReading(Goal Goal, DriverDiagram Diagram, IReadOnlyList<ContributionRow> Contributions, IReadOnlyList<MeasureSummary> Measures, GoalFacts Facts);

public sealed record StrategyReading(IReadOnlyList<GoalReading> Goals, IReadOnlyList<GoalResources> Needs, SystemHealth Health)
{
    /// <summary>The latest closed iteration, read for its check and kept so the strategy can show its review.</summary>
    public WorkProgramme.Iterations.Iteration? LastClosedIteration { get; init; }

    /// <summary>The RAID log's open risks with their owners' names, read for their check and kept for the strategy's top risks.</summary>
    public IReadOnlyList<OpenRisk> OpenRisks { get; init; } = [];
}

/// <summary>An open risk of the RAID log with the name of the organisation that owns it.</summary>
public sealed record OpenRisk(RaidEntry Entry, string? Owner);

/// <summary>Gathers the facts the health check reads from the live data and runs it.</summary>
public sealed class HealthCheckService(ConcordatDb db, ContributionService contributions, TheoryOfChangeService theory, MeasureService measures,
    PooledViews views, ResourceService resources, WorkProgramme.Dependencies.DependencyService dependencies, TimeProvider clock)
{
    /// <summary>The strategy's health with the work programme's findings across the system (which the strategy document does not read).</summary>
    public async Task<SystemHealth> RunAsync(CancellationToken ct)
    {
        var reading = await ReadAsync(ct);
        return reading.Health with { SystemFindings = [.. reading.Health.SystemFindings, .. await WorkProgrammeFindingsAsync(reading, ct)] };
    }

    /// <summary>The work programme's checks of every cycle and of each change idea of the goals read, in two queries whatever their number.</summary>
    private async Task<IReadOnlyList<Finding>> WorkProgrammeFindingsAsync(StrategyReading reading, CancellationToken ct)
    {
        var ideas = reading.Goals.SelectMany(g => g.Diagram.ChangeIdeas.Where(i => g.Diagram.IsOwn(i.Idea.GoalId)).Select(i => i.Idea)).DistinctBy(i => i.Id).ToList();
        var ideaIds = ideas.Select(i => i.Id).ToList();
        var cycles = await db.PdsaCycles.AsNoTracking()
            .Select(c => new { c.Id, c.Number, c.Title, c.ChangeIdeaId, Idea = db.ChangeIdeas.Where(i => i.Id == c.ChangeIdeaId).Select(i => i.Title).Single(), c.Prediction, c.MeasureId })
            .ToListAsync(ct);
        var carried = (await db.WorkItemChangeIdeas.AsNoTracking().Where(l => ideaIds.Contains(l.ChangeIdeaId)).Select(l => l.ChangeIdeaId).Distinct().ToListAsync(ct)).ToHashSet();
        var tested = cycles.Select(c => c.ChangeIdeaId).ToHashSet();
        return [.. WorkProgrammeChecks.Run(
            [.. cycles.OrderBy(c => c.Idea, StringComparer.Ordinal).ThenBy(c => c.Number).ThenBy(c => c.Id)
                .Select(c => new CycleFacts(c.Id, $"PDSA {c.Number}: {c.Title}", c.Idea, c.Prediction is not null, c.MeasureId is not null))],
            [.. ideas.Select(i => new IdeaWorkFacts(i.Id, i.GoalId, i.Title, carried.Contains(i.Id), tested.Contains(i.Id)))])];
    }

    /// <summary>The asks' rules, in two queries however many asks: the asks, and the open extreme risks of goals that asks were to mitigate.</summary>
    private async Task<IEnumerable<Finding>> AskFindingsAsync(CancellationToken ct)
    {
        var asks = await db.Asks.AsNoTracking().OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new AskFacts(a.Id, a.Title, db.NationalBodies.Where(b => b.Id == a.NationalBodyId).Select(b => b.Name).Single(), a.Status, a.Goals.Count,
                a.Conditions != null, a.ConditionStatus))
            .ToListAsync(ct);
        var risks = await (
                from link in db.Set<Asks.AskRisk>().AsNoTracking()
                join risk in db.RaidEntries on link.RaidEntryId equals risk.Id
                join goalLink in db.RaidEntryGoals on risk.Id equals goalLink.RaidEntryId
                join goal in db.Goals on goalLink.GoalId equals goal.Id
                where risk.Status == RaidStatus.Open && goal.Status != GoalStatus.Retired
                orderby goal.Title, risk.Text
                select new { link.AskId, Goal = goal.Title, Risk = risk })
            .ToListAsync(ct);
        // The scores are worked out from likelihood and impact, so the band is read here rather than in the query.
        return AskChecks.Run(asks, [.. risks.Where(r => Math.Max(r.Risk.InherentScore ?? 0, r.Risk.ResidualScore ?? 0) >= RiskMatrix.Extreme)
            .Select(r => new AskRiskFacts(r.AskId, r.Goal, r.Risk.Text))]);
    }

    /// <summary>Reads every goal that is not retired, with what the checks need, and runs the checks on it.</summary>
    public async Task<StrategyReading> ReadAsync(CancellationToken ct)
    {
        var goals = await GoalService.InStrategyOrder(db, db.Goals.AsNoTracking().Where(g => g.Status != GoalStatus.Retired)).ToListAsync(ct);
        var targets = await db.Measures.AsNoTracking()
            .Select(m => new { m.Id, HasTarget = m.Target != null || m.RelativeTargetKind != null || db.TrajectoryPoints.Any(t => t.MeasureId == m.Id) })
            .ToDictionaryAsync(m => m.Id, m => m.HasTarget, ct);
        var byGoal = await views.ByGoalAsync(null, ct);
        var needs = byGoal.ToDictionary(g => g.GoalId);
        var goalIds = goals.Select(g => g.Id).ToList();
        var diagrams = await theory.GetManyAsync(goals, ct);
        var contributionsOf = await contributions.ForGoalsAsync(goalIds, ct);
        var measuresOf = await measures.ListForGoalsAsync(goalIds, ct);
        // An organisation outside the system is not a partner, so what it once committed does not make a goal shared.
        var outsiders = (await db.Organisations.Where(o => !o.IsPartner).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        // A change idea under a shared priority is carried by contributions to its home goal, so carrying is read system-wide.
        var activeContributions = goals.SelectMany(g => contributionsOf[g.Id]).Where(c => c.Status != ContributionStatus.Withdrawn).Select(c => c.Id).ToHashSet();
        var readings = new List<GoalReading>();
        foreach (var goal in goals)
        {
            var diagram = diagrams[goal.Id];
            var rows = contributionsOf[goal.Id].ToList();
            var goalMeasures = measuresOf[goal.Id].ToList();
            var carriedIdea = diagram.ChangeIdeas.Any(i => i.CarriedBy.Any(c => activeContributions.Contains(c.Id)));
            // Drivers with a change idea under them: the secondary drivers ideas move, and the primary drivers those serve.
            var movedSecondary = diagram.ChangeIdeas.SelectMany(i => i.SecondaryDriverIds).ToHashSet();
            var movedDrivers = movedSecondary.Concat(diagram.Secondary.Where(s => movedSecondary.Contains(s.Driver.Id)).SelectMany(s => s.ServesPrimaryIds)).ToHashSet();
            var addressedMeasures = diagram.Primary.Concat(diagram.Secondary).Where(d => movedDrivers.Contains(d.Driver.Id)).SelectMany(d => d.Measures).Select(m => m.Id).ToHashSet();
            var measureFacts = goalMeasures.Select(m => new MeasureFacts(m.Id, m.Name, m.Points > 0, m.IsStale, targets.GetValueOrDefault(m.Id),
                m.Variation is VariationIcon.ConcernHigh or VariationIcon.ConcernLow, carriedIdea || addressedMeasures.Contains(m.Id)) { IsProvisional = m.IsProvisional }).ToList();
            var facts = new GoalFacts(goal.Id, goal.Title, goal.Status,
                [.. rows.Where(c => !outsiders.Contains(c.OrganisationId)).Select(c => new ContributionFacts(c.Id, c.Organisation, c.OrganisationId, c.Status, c.IsOverdue))],
                diagram.Primary.Count,
                [.. diagram.ChangeIdeas.Select(i => new IdeaFacts(i.Idea.Id, i.Idea.Title, i.Idea.Levers != PolicyLevers.None, i.Idea.HasDiagnosis, i.Idea.WhoseBehaviour is not null,
                    !diagram.IsOwn(i.Idea.GoalId)))],
                measureFacts,
                needs.TryGetValue(goal.Id, out var g) ? [.. g.Needs.Select(n => new NeedFacts(n.Need.Description, n.Gap, n.Need.Unit))] : [])
            {
                HasSeniorResponsibleOwner = goal.SeniorResponsibleOwner is not null,
            };
            readings.Add(new GoalReading(goal, diagram, rows, goalMeasures, facts));
        }
        var register = await resources.ListAsync(new ResourceFilter(), ct);
        var today = Access.UkCalendar.Today(clock);
        var offTrack = await dependencies.ListAsync(new WorkProgramme.Dependencies.DependencyFilter(OffTrack: true), ct);
        var health = HealthCheck.Run([.. readings.Select(r => r.Facts)],
            [.. register.Select(r => new ResourceFacts(r.Resource.Id, r.Resource.Name, r.Organisation, r.IsOverCommitted || r.HasOverCommitment))],
            [.. offTrack.Where(d => d.IsBetweenOrganisations).Select(d => new DependencyFacts(d.Consumer.ItemId, d.Consumer.Title, d.Producer.Organisation, d.Producer.Title,
                today.DayNumber - d.OffTrackSince!.Value.DayNumber))]);
        var closed = await db.Iterations.AsNoTracking().Where(i => i.ClosedAtUtc != null).OrderBy(i => i.Number)
            .Select(i => new { Iteration = i, Answers = db.RetrospectiveAnswers.Count(a => a.IterationId == i.Id) }).ToListAsync(ct);
        var iterations = closed.Select(c => new IterationFacts(c.Iteration.Id, c.Iteration.Name, c.Iteration.ReviewHeldOn != null, c.Answers)).ToList();
        health = health with { SystemFindings = [.. health.SystemFindings, .. IterationCheck.Run(iterations)] };
        var risks = await db.RaidEntries.AsNoTracking().Where(e => e.Kind == RaidKind.Risk && e.Status == RaidStatus.Open)
            .Select(e => new { Entry = e, Owner = db.Organisations.Where(o => o.Id == e.OwnerOrganisationId).Select(o => o.Name).SingleOrDefault() })
            .ToListAsync(ct);
        health = health with
        {
            SystemFindings = [.. health.SystemFindings, .. RiskCheck.Findings(risks.Select(r => new RiskFacts(r.Entry.Id, r.Entry.Text, r.Owner,
                r.Entry.InherentScore ?? 0, r.Entry.ResidualScore ?? 0, r.Entry.Mitigation is not null, r.Entry.IsOverdue(today))))],
        };
        health = health with { SystemFindings = [.. health.SystemFindings, .. await AskFindingsAsync(ct)] };
        return new StrategyReading(readings, byGoal, health)
        {
            LastClosedIteration = closed.Count == 0 ? null : closed[^1].Iteration, OpenRisks = [.. risks.Select(r => new OpenRisk(r.Entry, r.Owner))],
        };
    }
}

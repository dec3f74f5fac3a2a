using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

/// <summary>A total of one kind of resource in one unit, with the rows it adds up.</summary>
public sealed record KindTotal(ResourceKind Kind, string Unit, IReadOnlyList<ResourceRow> Rows)
{
    public double Quantity => Rows.Sum(r => r.Resource.Quantity);
    public double Available => Rows.Sum(r => r.Resource.AvailableCapacity);
    public double Committed => Rows.Sum(r => r.Committed);
    public double Idle => Rows.Sum(r => r.Idle);

    /// <summary>Committed beyond capacity, summed over the resources where that was recorded: available = committed − over-committed + idle.</summary>
    public double OverCommitted => Rows.Sum(r => Math.Max(0, r.Committed - r.Resource.AvailableCapacity));

    public IEnumerable<(string Name, double Available, double Committed, double Idle)> By(Func<ResourceRow, string> key) =>
        Rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(r => r.Resource.AvailableCapacity), g.Sum(r => r.Committed), g.Sum(r => r.Idle)));
}

/// <summary>One need of a goal against what partners have committed of its types and unit on every day of its period.</summary>
public sealed record NeedCoverage(GoalNeed Need, double Committed, IReadOnlyList<string> Providers)
{
    public double Gap => Math.Max(0, Need.Quantity - Committed);

    /// <summary>What meets the need, in words: "registered nursing", or "registered nursing or allied health professionals".</summary>
    public string MetBy => string.Join(" or ", Need.Types.Select(t => t.InWords()));
}

public sealed record GoalResources(Guid GoalId, string Title, GoalStatus Status, IReadOnlyList<Guid> Stewards, IReadOnlyList<NeedCoverage> Needs, IReadOnlyList<CommitmentRow> Commitments,
    IReadOnlyDictionary<Guid, Resource> Resources);

/// <summary>The partnership's resources pooled: by kind, by goal, and what lies idle.</summary>
public sealed class PooledViews(ConcordatDb db, ResourceService resources)
{
    public async Task<IReadOnlyList<KindTotal>> ByKindAsync(ResourceFilter filter, CancellationToken ct) =>
        (await resources.ListAsync(filter, ct))
            .GroupBy(r => (r.Resource.Kind, r.Resource.Unit))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Select(g => new KindTotal(g.Key.Kind, g.Key.Unit, [.. g]))
            .ToList();

    /// <summary>Resources with capacity that no commitment uses, most idle first within each kind.</summary>
    public async Task<IReadOnlyList<ResourceRow>> IdleAsync(ResourceFilter filter, CancellationToken ct) =>
        (await resources.ListAsync(filter, ct)).Where(r => r.Idle > 0)
            .OrderBy(r => r.Resource.Kind).ThenByDescending(r => r.Idle / Math.Max(r.Resource.AvailableCapacity, double.Epsilon)).ThenBy(r => r.Resource.Id).ToList();

    public async Task<IReadOnlyList<GoalResources>> ByGoalAsync(Guid? goalId, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.Status != GoalStatus.Retired && (goalId == null || g.Id == goalId))
            .OrderBy(g => g.Title).ThenBy(g => g.Id).ToListAsync(ct);
        var ids = goals.Select(g => g.Id).ToList();
        var stewards = await Goal.StewardsOfAsync(db, ids, ct);
        var needs = (await db.GoalNeeds.AsNoTracking().Where(n => ids.Contains(n.GoalId)).OrderBy(n => n.StartsOn).ToListAsync(ct)).ToLookup(n => n.GoalId);
        var counted = db.Contributions.Where(k => ids.Contains(k.GoalId) && k.Status != ContributionStatus.Withdrawn);
        var commitments = (await CommitmentRow.Query(db, db.ResourceCommitments.Where(c => c.Status == CommitmentStatus.Accepted), counted).ToListAsync(ct))
            .ToLookup(c => c.GoalId);
        var resourceIds = commitments.SelectMany(c => c).Select(c => c.Commitment.ResourceId).Distinct().ToList();
        var used = await db.Resources.AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return goals.Select(g =>
        {
            var given = commitments[g.Id].ToList();
            var coverage = needs[g.Id].Select(n =>
            {
                var matching = given.Where(c => used[c.Commitment.ResourceId] is var r && n.Types.Contains(r.Type)
                    && string.Equals(r.Unit, n.Unit, StringComparison.OrdinalIgnoreCase) && c.Commitment.Overlaps(n.StartsOn, n.EndsOn)).ToList();
                return new NeedCoverage(n, CapacityLedger.Lowest(matching.Select(c => (c.Commitment.Quantity, c.Commitment.StartsOn, c.Commitment.EndsOn)), n.StartsOn, n.EndsOn),
                    [.. matching.Select(c => $"{c.Organisation}: {used[c.Commitment.ResourceId].Name}").Distinct()]);
            }).ToList();
            return new GoalResources(g.Id, g.Title, g.Status, stewards[g.Id], coverage, given, used);
        }).ToList();
    }
}

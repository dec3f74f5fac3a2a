using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

public sealed record SystemMembershipSummary(Guid Id, string Name, IReadOnlyList<string> Roles);

/// <summary>A system whose partners made their strategy public, with its latest published version.</summary>
public sealed record PublicStrategySummary(Guid SystemId, string Name, int Version, DateTime PublishedAtUtc);

/// <summary>The systems a person can enter. The one place that reads memberships across tenants.</summary>
public sealed class SystemDirectory(ConcordatDb db)
{
    public async Task<IReadOnlyList<SystemMembershipSummary>> ForPersonAsync(Guid personId, CancellationToken ct)
    {
        var isAdministrator = await db.Users.AnyAsync(p => p.Id == personId && p.IsAdministrator, ct);
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PersonId == personId)
            .Select(m => new { m.SystemId, m.Role, Organisation = m.Organisation!.Name })
            .ToListAsync(ct);
        var systemIds = memberships.Select(m => m.SystemId).Distinct().ToList();
        var systems = await db.Systems.AsNoTracking()
            .Where(s => isAdministrator || systemIds.Contains(s.Id))
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .ToListAsync(ct);
        return systems.Select(s => new SystemMembershipSummary(s.Id, s.Name,
            memberships.Where(m => m.SystemId == s.Id).Select(m => $"{m.Role.InWords()}, {m.Organisation}")
                .Concat(isAdministrator ? ["Administrator"] : []).ToList())).ToList();
    }

    /// <summary>
    /// Every system whose strategy is public and published: all that anyone outside a system (a national partner, the
    /// public) may read of it. The published versions are read across tenants, and only for those systems.
    /// </summary>
    public async Task<IReadOnlyList<PublicStrategySummary>> PublicStrategiesAsync(CancellationToken ct)
    {
        var versions = await db.StrategyVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => db.Systems.Any(s => s.Id == v.SystemId && s.StrategyIsPublic))
            .GroupBy(v => v.SystemId).Select(g => new { SystemId = g.Key, Number = g.Max(v => v.Number) })
            .Join(db.StrategyVersions.IgnoreQueryFilters(), l => new { l.SystemId, l.Number }, v => new { v.SystemId, v.Number }, (l, v) => new { v.SystemId, v.Number, v.PublishedAtUtc })
            .ToListAsync(ct);
        var names = await db.Systems.AsNoTracking().Where(s => s.StrategyIsPublic).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. versions.Select(v => new PublicStrategySummary(v.SystemId, names[v.SystemId], v.Number, v.PublishedAtUtc)).OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    public async Task<string?> NameAsync(Guid systemId, CancellationToken ct) =>
        await db.Systems.Where(s => s.Id == systemId).Select(s => s.Name).SingleOrDefaultAsync(ct);
}

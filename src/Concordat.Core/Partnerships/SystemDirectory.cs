using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

public sealed record SystemMembershipSummary(Guid Id, string Name, IReadOnlyList<string> Roles);

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

    public async Task<string?> NameAsync(Guid systemId, CancellationToken ct) =>
        await db.Systems.Where(s => s.Id == systemId).Select(s => s.Name).SingleOrDefaultAsync(ct);
}

using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.People;

/// <summary>
/// Records what happens to an account (signing in and out, passwords, tokens, sessions) in the audit log of every
/// system the person belongs to. These acts happen before or outside any system, but every audit event belongs to
/// one: recording them in each of the person's systems keeps that rule (the tenant filter, and a per-system chain
/// of events, rely on it) and shows each system's convenors what happened to their members' accounts. Someone who
/// belongs to no system (an administrator only) leaves no audit event; the application log still has the act.
/// </summary>
public static class AccountAudit
{
    public static async Task RecordAsync(ConcordatDb db, Person person, Guid? byPersonId, string byName, DateTime nowUtc, string action,
        IReadOnlyDictionary<string, string?>? after, CancellationToken ct)
    {
        var systems = await db.Memberships.IgnoreQueryFilters().Where(m => m.PersonId == person.Id)
            .Select(m => m.SystemId).Distinct().ToListAsync(ct);
        foreach (var systemId in systems)
        {
            db.Audit(new Actor(byPersonId, byName, false, systemId, []), nowUtc, action, "Person", person.Id, person.DisplayName, null, after);
        }
    }

    /// <summary>An act the person did themselves.</summary>
    public static Task RecordOwnAsync(ConcordatDb db, Person person, DateTime nowUtc, string action, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? after = null) =>
        RecordAsync(db, person, person.Id, person.DisplayName, nowUtc, action, after, ct);
}

using System.Text.Json;
using Concordat.Core.Access;
using Concordat.Core.Data;

namespace Concordat.Core.History;

public static class AuditLog
{
    /// <summary>
    /// Adds an audit event to the unit of work; it is written by the same <c>SaveChangesAsync</c> as the change,
    /// so a change is never stored without its record (nor a record without its change).
    /// </summary>
    public static AuditEvent Audit(this ConcordatDb db, Actor actor, DateTime nowUtc, string action, string entityType, Guid entityId,
        string entityName, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after)
    {
        var actingFor = actor.PrimaryMembership;
        var under = actor.ActingUnder;
        return Add(db, actor.SystemId, nowUtc, actor.PersonId, actor.DisplayName, under?.OrganisationId ?? actingFor?.OrganisationId,
            under is null ? actingFor?.OrganisationName : $"{under.OrganisationName}, under its delegation until {under.Until:d MMMM yyyy}", under?.DelegationId,
            action, entityType, entityId, entityName, before, after);
    }

    /// <summary>
    /// An act of a national partner on something of a system (a response to its ask): recorded in that system's audit,
    /// in the name of the person and the national body they act for, since they hold no role in the system.
    /// </summary>
    public static AuditEvent AuditNational(this ConcordatDb db, Guid systemId, Guid personId, string personName, string bodyName, DateTime nowUtc,
        string action, string entityType, Guid entityId, string entityName, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after) =>
        Add(db, systemId, nowUtc, personId, personName, null, bodyName, null, action, entityType, entityId, entityName, before, after);

    private static AuditEvent Add(ConcordatDb db, Guid systemId, DateTime nowUtc, Guid? personId, string personName, Guid? organisationId, string? organisationName,
        Guid? delegationId, string action, string entityType, Guid entityId, string entityName, IReadOnlyDictionary<string, string?>? before,
        IReadOnlyDictionary<string, string?>? after)
    {
        var audit = new AuditEvent
        {
            DelegationId = delegationId,
            SystemId = systemId,
            OccurredAtUtc = nowUtc,
            ActorPersonId = personId,
            ActorName = personName,
            ActingForOrganisationId = organisationId,
            ActingForOrganisationName = organisationName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            EntityName = entityName.Length > 300 ? entityName[..300] : entityName,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after),
        };
        db.AuditEvents.Add(audit);
        return audit;
    }

    public static IReadOnlyDictionary<string, string?> ReadFields(string? json) =>
        json is null ? new Dictionary<string, string?>() : JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}

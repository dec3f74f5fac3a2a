using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Access;

/// <summary>A person's role for one organisation in the current system.</summary>
public sealed record ActorMembership(Guid OrganisationId, string OrganisationName, Role Role);

/// <summary>Work another organisation's lead has handed this person, until a date.</summary>
public sealed record ActorDelegation(Guid DelegationId, Guid OrganisationId, string OrganisationName, DelegatedCapability Capability, DateOnly Until);

/// <summary>
/// Who is acting, in which system, and for which organisations. Services ask the actor before every action,
/// so pages, the API and the command line enforce the same rules.
/// </summary>
public sealed class Actor
{
    public Actor(Guid? personId, string displayName, bool isAdministrator, Guid systemId, IReadOnlyList<ActorMembership> memberships, string systemName = "",
        IReadOnlyList<ActorDelegation>? delegations = null)
    {
        Delegations = delegations ?? [];
        SystemName = systemName;
        PersonId = personId;
        DisplayName = displayName;
        IsAdministrator = isAdministrator;
        SystemId = systemId;
        Memberships = memberships;
    }

    /// <summary>Null only for the operator at the command line.</summary>
    public Guid? PersonId { get; }
    public string DisplayName { get; }
    public bool IsAdministrator { get; }
    public Guid SystemId { get; }
    public string SystemName { get; }
    public IReadOnlyList<ActorMembership> Memberships { get; }
    public IReadOnlyList<ActorDelegation> Delegations { get; }

    /// <summary>The delegation the last passing check relied on; audit events done after it name it.</summary>
    public ActorDelegation? ActingUnder { get; private set; }

    public bool IsConvenor => IsAdministrator || Memberships.Any(m => m.Role == Role.Convenor);

    /// <summary>The organisation the person normally acts for, recorded on audit events.</summary>
    public ActorMembership? PrimaryMembership =>
        Memberships.OrderBy(m => m.Role).FirstOrDefault();

    public bool IsLeadOf(Guid organisationId) =>
        Memberships.Any(m => m.OrganisationId == organisationId && m.Role == Role.OrganisationLead);

    /// <summary>No one leads an organisation that is not named (a goal owned by a forum or jointly may have no lead).</summary>
    public bool IsLeadOf(Guid? organisationId) => organisationId is { } id && IsLeadOf(id);

    public bool CanContributeFor(Guid organisationId) =>
        Memberships.Any(m => m.OrganisationId == organisationId && m.Role is Role.OrganisationLead or Role.Contributor);

    /// <summary>
    /// Whether this person may do one kind of an organisation's work: as its lead (or contributor, unless
    /// <paramref name="leadsOnly"/>), or under a delegation its lead recorded. A convenor acts for no organisation
    /// without one.
    /// </summary>
    public bool ActsFor(Guid organisationId, DelegatedCapability capability, bool leadsOnly = false) =>
        IsOperator || (leadsOnly ? IsLeadOf(organisationId) : CanContributeFor(organisationId)) || DelegationFor(organisationId, capability) is not null;

    /// <summary>
    /// The person running the server's command line (imports, demo set-up): no one's member, and trusted with the
    /// database itself, so no organisation's rule can bind it; its acts are recorded as the operator's.
    /// </summary>
    public bool IsOperator => PersonId is null && IsAdministrator;

    /// <summary>Refuses unless <see cref="ActsFor"/>; when a delegation is what allows it, later audit events name it.</summary>
    public void RequireActingFor(Guid organisationId, DelegatedCapability capability, string refusal, bool leadsOnly = false)
    {
        if (IsOperator || (leadsOnly ? IsLeadOf(organisationId) : CanContributeFor(organisationId)))
        {
            return;
        }
        ActingUnder = DelegationFor(organisationId, capability) ?? throw new ForbiddenException(refusal);
    }

    /// <summary>
    /// Refuses, before anything the person sent is looked at, someone who could not do this for any organisation: the
    /// organisation it is for is part of the input, so <see cref="RequireActingFor"/> comes after reading it, but
    /// someone with no such role anywhere learns nothing from being told what is wrong with their input.
    /// </summary>
    public void RequireActingForSome(DelegatedCapability? capability, string refusal, bool leadsOnly = false)
    {
        if (IsOperator || Memberships.Any(m => m.Role == Role.OrganisationLead || (!leadsOnly && m.Role == Role.Contributor))
            || (capability is not null && Delegations.Any(d => d.Capability == capability)))
        {
            return;
        }
        throw new ForbiddenException(refusal);
    }

    private ActorDelegation? DelegationFor(Guid organisationId, DelegatedCapability capability) =>
        Delegations.FirstOrDefault(d => d.OrganisationId == organisationId && d.Capability == capability);

    public void RequireConvenor(string action)
    {
        if (!IsConvenor)
        {
            throw new ForbiddenException($"Only a convenor can {action}.");
        }
    }

    public void RequireAdministrator(string action)
    {
        if (!IsAdministrator)
        {
            throw new ForbiddenException($"Only an administrator can {action}.");
        }
    }

    /// <summary>Convenors look after every partner's record; a lead looks after their own organisation's.</summary>
    public bool CanEditOrganisation(Guid organisationId) => IsConvenor || IsLeadOf(organisationId);

    public static Actor Operator(Guid systemId) =>
        new(null, "Operator (command line)", isAdministrator: true, systemId, []);

    /// <summary>
    /// The actor for a person in a system, or null when the person does not belong to it (callers then answer
    /// "not found", so that other systems' existence is not revealed).
    /// </summary>
    public static async Task<Actor?> LoadAsync(ConcordatDb db, Guid personId, Guid systemId, DateOnly today, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.DisplayName, p.IsAdministrator })
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PersonId == personId && m.SystemId == systemId)
            .Select(m => new ActorMembership(m.OrganisationId, m.Organisation!.Name, m.Role))
            .ToListAsync(ct);
        if (memberships.Count == 0 && !person.IsAdministrator)
        {
            return null;
        }
        var systemName = await db.Systems.Where(s => s.Id == systemId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (systemName is null)
        {
            return null;
        }
        var delegations = await db.Delegations.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.SystemId == systemId && d.DelegatePersonId == personId && d.RevokedAtUtc == null && d.Until >= today)
            .Join(db.Organisations.IgnoreQueryFilters(), d => d.OrganisationId, o => o.Id, (d, o) => new ActorDelegation(d.Id, d.OrganisationId, o.Name, d.Capability, d.Until))
            .ToListAsync(ct);
        return new Actor(personId, person.DisplayName, person.IsAdministrator, systemId, memberships, systemName, delegations);
    }
}

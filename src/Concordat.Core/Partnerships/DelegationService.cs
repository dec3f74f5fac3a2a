using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

public sealed record GrantDelegation(DelegatedCapability? Capability, Guid? PersonId, DateOnly? Until);

/// <summary>A delegation as the organisation's page and the API show it.</summary>
public sealed record DelegationRow(Delegation Delegation, string Delegate, bool IsActive);

/// <summary>
/// An organisation's leads hand one kind of its work to a named person of the system (typically the programme office)
/// until a date, and take it back. The delegate may also give it up.
/// </summary>
public sealed class DelegationService(ConcordatDb db, TimeProvider clock)
{
    public static string Describe(DelegatedCapability capability) => capability switch
    {
        DelegatedCapability.Resources => "keep its resources: register, change, import, commit and release them",
        DelegatedCapability.MeasureData => "keep its measures: define them, record and import their data, and recalculate their limits",
        _ => capability.ToString(),
    };

    public async Task<IReadOnlyList<DelegationRow>> ForOrganisationAsync(Guid organisationId, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var rows = await (from d in db.Delegations.AsNoTracking()
                          join p in db.Users on d.DelegatePersonId equals p.Id
                          where d.OrganisationId == organisationId
                          select new { d, p.DisplayName }).ToListAsync(ct);
        return [.. rows.Select(r => new DelegationRow(r.d, r.DisplayName, r.d.IsActiveOn(today)))
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Delegation.Until).ThenBy(r => r.Delegation.Id)];
    }

    public async Task<Delegation> GrantAsync(Guid organisationId, GrantDelegation input, Actor actor, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        if (!actor.IsLeadOf(organisationId))
        {
            throw new ForbiddenException($"Only a lead of {organisation.Name} can hand its work to someone else.");
        }
        var errors = new InputErrors();
        if (input.Capability is not { } capability || !Enum.IsDefined(capability))
        {
            errors.Add(nameof(input.Capability), "Select the work to hand over");
            capability = default;
        }
        var person = input.PersonId is { } personId
            ? await db.Memberships.Where(m => m.PersonId == personId).Select(m => m.Person!.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        if (person is null)
        {
            errors.Add(nameof(input.PersonId), "Select a person of this system");
        }
        var today = UkCalendar.Today(clock);
        if (input.Until is not { } until)
        {
            errors.Add(nameof(input.Until), "Enter the last day the delegation may be used");
        }
        else if (until < today)
        {
            errors.Add(nameof(input.Until), "The last day cannot be in the past");
        }
        else if (until > today.AddYears(2))
        {
            errors.Add(nameof(input.Until), "A delegation can last at most two years; record a new one when it ends");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var delegation = new Delegation
        {
            SystemId = actor.SystemId, OrganisationId = organisationId, Capability = capability, DelegatePersonId = input.PersonId!.Value,
            Until = input.Until!.Value, GrantedByName = actor.DisplayName, GrantedAtUtc = now,
        };
        db.Delegations.Add(delegation);
        db.Audit(actor, now, "DelegationGranted", OrganisationService.EntityType, organisationId, organisation.Name, null, new SortedDictionary<string, string?>
        {
            ["Delegate"] = person, ["Work"] = Describe(capability), ["Until"] = delegation.Until.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        });
        await db.SaveChangesAsync(ct);
        return delegation;
    }

    /// <summary>A lead of the organisation takes the work back, or the delegate gives it up. The record stays, marked revoked.</summary>
    public async Task RevokeAsync(Guid organisationId, Guid delegationId, Actor actor, CancellationToken ct)
    {
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId && d.OrganisationId == organisationId, ct)
            ?? throw new NotFoundException("There is no such delegation for this organisation.");
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        if (!actor.IsLeadOf(organisationId) && actor.PersonId != delegation.DelegatePersonId)
        {
            throw new ForbiddenException($"Only a lead of {organisation}, or the person it was handed to, can end a delegation.");
        }
        if (delegation.RevokedAtUtc is not null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        (delegation.RevokedAtUtc, delegation.RevokedByName) = (now, actor.DisplayName);
        var person = await db.Users.Where(p => p.Id == delegation.DelegatePersonId).Select(p => p.DisplayName).SingleAsync(ct);
        db.Audit(actor, now, "DelegationRevoked", OrganisationService.EntityType, organisationId, organisation,
            new SortedDictionary<string, string?> { ["Delegate"] = person, ["Work"] = Describe(delegation.Capability) }, null);
        await db.SaveChangesAsync(ct);
    }
}

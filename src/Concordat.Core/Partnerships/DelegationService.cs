using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

public sealed record GrantDelegation(DelegatedCapability? Capability, Guid? PersonId, DateOnly? Until);

/// <summary>A delegation as the organisation's page, the API and the CSV download show it.</summary>
public sealed record DelegationRow(Delegation Delegation, string Organisation, string Delegate, bool IsActive);

/// <summary>Delegations as a CSV download gives them: one row each, the work in words, whether it can still be used and who ended it.</summary>
public static class DelegationTable
{
    public static Table For(IEnumerable<DelegationRow> rows) => new(
        ["organisation", "work", "delegate", "until", "active", "granted_by", "granted_at_utc", "revoked_by", "revoked_at_utc"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Organisation, r.Delegation.Capability.InWords(), r.Delegate, r.Delegation.Until, r.IsActive,
            r.Delegation.GrantedByName, r.Delegation.GrantedAtUtc, r.Delegation.RevokedByName, r.Delegation.RevokedAtUtc])]);
}

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
        DelegatedCapability.People => "decide who acts for it: add its people and change or remove their roles",
        _ => capability.ToString(),
    };

    /// <summary>Every delegation of one organisation, or of the whole system when none is named: by organisation, current ones first.</summary>
    public async Task<IReadOnlyList<DelegationRow>> ListAsync(Guid? organisationId, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var delegations = db.Delegations.AsNoTracking();
        if (organisationId is { } id)
        {
            delegations = delegations.Where(d => d.OrganisationId == id);
        }
        var rows = await Rows(delegations).ToListAsync(ct);
        return [.. rows.Select(r => r with { IsActive = r.Delegation.IsActiveOn(today) })
            .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenByDescending(r => r.IsActive).ThenBy(r => r.Delegation.Until).ThenBy(r => r.Delegation.Id)];
    }

    /// <summary>One delegation of the organisation, revoked or not.</summary>
    public async Task<DelegationRow> GetAsync(Guid organisationId, Guid delegationId, CancellationToken ct)
    {
        var row = await Rows(db.Delegations.AsNoTracking().Where(d => d.Id == delegationId && d.OrganisationId == organisationId)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("There is no such delegation for this organisation.");
        return row with { IsActive = row.Delegation.IsActiveOn(UkCalendar.Today(clock)) };
    }

    /// <summary>The delegations with their organisation's and delegate's names; whether each is active is for the caller to say.</summary>
    private IQueryable<DelegationRow> Rows(IQueryable<Delegation> delegations) =>
        from d in delegations
        join o in db.Organisations on d.OrganisationId equals o.Id
        join p in db.Users on d.DelegatePersonId equals p.Id
        select new DelegationRow(d, o.Name, p.DisplayName, false);

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

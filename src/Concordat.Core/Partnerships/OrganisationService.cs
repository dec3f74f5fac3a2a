using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

/// <summary>
/// The fields a convenor (or the organisation's own lead) sets on an organisation. Which codes it may carry depends on
/// its type; only a convenor sets its type, codes and whether it is a partner.
/// </summary>
public sealed record SaveOrganisation(string? Name, OrganisationType? Type, string? OdsCode, IReadOnlyList<Guid> PlaceIds,
    string? OnsCode = null, string? CharityNumber = null, string? CompanyNumber = null, bool IsPartner = true);

public sealed record OrganisationSummary(Guid Id, string Name, OrganisationType Type, OrganisationCodes Codes, bool IsPartner, IReadOnlyList<string> Places, int People);

public sealed record OrganisationDetail(Guid Id, string Name, OrganisationType Type, OrganisationCodes Codes, bool IsPartner, IReadOnlyList<Place> Places, Guid Version)
{
    public IReadOnlyList<Guid> PlaceIds => Places.Select(p => p.Id).ToList();
}

public sealed class OrganisationService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Organisation";

    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(CancellationToken ct)
    {
        var placeNames = await PlaceNamesAsync(ct);
        var rows = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.Name, o.Type, o.OdsCode, o.OnsCode, o.CharityNumber, o.CompanyNumber, o.IsPartner,
                OnsAreaName = db.Areas.Where(a => a.Code == o.OnsCode).Select(a => a.Name).FirstOrDefault(),
                PlaceIds = o.Places.Select(p => p.PlaceId).ToList(),
                People = db.Memberships.Count(m => m.OrganisationId == o.Id),
            })
            .ToListAsync(ct);
        return rows.Select(o => new OrganisationSummary(o.Id, o.Name, o.Type,
            new OrganisationCodes(o.OdsCode, o.OnsCode, o.CharityNumber, o.CompanyNumber) { OnsAreaName = o.OnsAreaName }, o.IsPartner,
            o.PlaceIds.Select(id => placeNames.GetValueOrDefault(id, "?")).Order().ToList(), o.People)).ToList();
    }

    public async Task<OrganisationDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Places).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        var placeIds = organisation.Places.Select(p => p.PlaceId).ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var areaName = organisation.OnsCode is { } code ? await db.Areas.Where(a => a.Code == code).Select(a => a.Name).SingleOrDefaultAsync(ct) : null;
        return new OrganisationDetail(organisation.Id, organisation.Name, organisation.Type, organisation.Codes with { OnsAreaName = areaName },
            organisation.IsPartner, places, organisation.Version);
    }

    /// <summary>Every place, retired ones too: for filtering what already names them.</summary>
    public async Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken ct) =>
        await db.Places.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>The places a form offers: those in use, and any retired ones the item already names, so an edit keeps them.</summary>
    public async Task<IReadOnlyList<Place>> PlacesOfferedAsync(IReadOnlyCollection<Guid> alreadyChosen, CancellationToken ct) =>
        await db.Places.AsNoTracking().Where(p => p.RetiredOn == null || alreadyChosen.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>
    /// Adds an error unless every place is one of this system's, and any retired one was already chosen: a retired
    /// place stays where it was but is not chosen afresh.
    /// </summary>
    internal static async Task CheckPlacesAsync(ConcordatDb db, InputErrors errors, string field, IReadOnlyCollection<Guid> placeIds,
        IReadOnlyCollection<Guid> alreadyChosen, CancellationToken ct)
    {
        if (placeIds.Count == 0)
        {
            return;
        }
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.RetiredOn }).ToListAsync(ct);
        if (places.Count != placeIds.Count)
        {
            errors.Add(field, "Select places from this system's list");
        }
        else if (places.FirstOrDefault(p => p.RetiredOn is not null && !alreadyChosen.Contains(p.Id)) is { } retired)
        {
            errors.Add(field, $"{retired.Name} is retired, so it cannot be chosen");
        }
    }

    public async Task<Organisation> CreateAsync(SaveOrganisation input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("add partner organisations");
        var valid = await ValidateAsync(input, existingId: null, [], ct);
        var organisation = new Organisation
        {
            SystemId = actor.SystemId,
            Name = valid.Name,
            Type = valid.Type,
            IsPartner = valid.IsPartner,
            Places = valid.PlaceIds.Select(p => new OrganisationPlace { SystemId = actor.SystemId, PlaceId = p }).ToList(),
        };
        valid.Codes.ApplyTo(organisation);
        db.Organisations.Add(organisation);
        var placeNames = await PlaceNamesAsync(ct);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "OrganisationAdded", EntityType, organisation.Id, organisation.Name,
            before: null, after: organisation.Snapshot(placeNames));
        await SaveAsync(ct);
        return organisation;
    }

    /// <summary>
    /// Applies an edit made against <paramref name="expectedVersion"/>. If anyone saved the organisation since,
    /// nothing is written and <see cref="EditConflictException"/> carries what is stored now.
    /// </summary>
    public async Task<Organisation> UpdateAsync(Guid id, SaveOrganisation input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var organisation = await db.Organisations.Include(o => o.Places).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        Organisation.RequireEditableBy(actor, id);
        var placeNames = await PlaceNamesAsync(ct);
        if (!organisation.Version.Matches(expectedVersion, "organisation"))
        {
            throw new EditConflictException(organisation.Name, organisation.Version, organisation.Snapshot(placeNames));
        }
        var valid = await ValidateAsync(input, existingId: id, [.. organisation.Places.Select(p => p.PlaceId)], ct);
        if (!actor.IsConvenor && (valid.Type != organisation.Type || valid.Codes != organisation.Codes || valid.IsPartner != organisation.IsPartner))
        {
            throw new ForbiddenException("Only a convenor can change an organisation's type, codes or whether it is a partner.");
        }
        if (!valid.IsPartner && organisation.IsPartner)
        {
            // No one acts for an organisation outside the system: it is named, not asked, so nobody answers or works for it.
            var today = UkCalendar.Today(clock);
            if (await db.Memberships.AnyAsync(m => m.OrganisationId == id, ct)
                || await db.Delegations.AnyAsync(d => d.OrganisationId == id && d.RevokedAtUtc == null && d.Until >= today, ct))
            {
                throw new InputInvalidException(nameof(input.IsPartner),
                    $"People act for {organisation.Name} in this system: remove their roles and end its delegations before marking it outside the system");
            }
        }

        var before = organisation.Snapshot(placeNames);
        // The UPDATE is guarded by the version the editor saw, which closes the gap between the check above and the write.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = organisation.Version;
        organisation.Name = valid.Name;
        organisation.Type = valid.Type;
        valid.Codes.ApplyTo(organisation);
        organisation.IsPartner = valid.IsPartner;
        organisation.Places.RemoveAll(p => !valid.PlaceIds.Contains(p.PlaceId));
        foreach (var placeId in valid.PlaceIds.Where(p => organisation.Places.All(op => op.PlaceId != p)))
        {
            organisation.Places.Add(new OrganisationPlace { SystemId = organisation.SystemId, OrganisationId = id, PlaceId = placeId });
        }
        var after = organisation.Snapshot(placeNames);
        if (before.SequenceEqual(after))
        {
            return organisation;
        }
        // Changing only the places served leaves the organisation row untouched; the version must still move on.
        db.Entry(organisation).State = EntityState.Modified;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "OrganisationUpdated", EntityType, id, organisation.Name, before, after);
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Organisations.AsNoTracking().Include(o => o.Places).SingleAsync(o => o.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, current.Snapshot(placeNames));
        }
        return organisation;
    }

    private sealed record ValidOrganisation(string Name, OrganisationType Type, OrganisationCodes Codes, bool IsPartner, IReadOnlyList<Guid> PlaceIds);

    private async Task<ValidOrganisation> ValidateAsync(SaveOrganisation input, Guid? existingId, IReadOnlyCollection<Guid> placesServed, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Organisation.NameMaxLength, "Enter the organisation's name");
        OrganisationType? type = input.Type is { } t && Enum.IsDefined(t) ? t : null;
        if (type is null)
        {
            errors.Add(nameof(input.Type), "Select the type of organisation");
        }
        var codes = new OrganisationCodes(Registers.Normalise(input.OdsCode), Registers.Normalise(input.OnsCode),
            Registers.Normalise(input.CharityNumber), Registers.Normalise(input.CompanyNumber));
        foreach (var register in Enum.GetValues<Register>())
        {
            if (codes.Of(register) is not { } code)
            {
                continue;
            }
            var field = FieldOf(register);
            if (!register.IsValid(code))
            {
                errors.Add(field, $"{register.InWords()} must be {register.Format()}");
            }
            else if (type is { } known && !known.Registers().Contains(register))
            {
                var takes = known.Registers().Select(r => (r is Register.Ods or Register.Ons ? "an " : "a ") + Prose.Clause(r.InWords())).ToList();
                errors.Add(field, $"Leave the {Prose.Clause(register.InWords())} empty: the type {known.InWords()} has "
                    + (takes.Count == 1 ? takes[0] : string.Join(", ", takes[..^1]) + " or " + takes[^1]));
            }
            else if (register is Register.Ods or Register.Ons && await HolderAsync(register, code, existingId, ct) is { } holder)
            {
                // An ODS or ONS code names one body; charities and companies can run more than one partner.
                errors.Add(field, $"{register.InWords()} {code} is already used by {holder} in this system");
            }
        }
        var placeIds = (input.PlaceIds ?? []).Distinct().ToList();
        await CheckPlacesAsync(db, errors, nameof(input.PlaceIds), placeIds, placesServed, ct);
        errors.ThrowIfAny();
        return new ValidOrganisation(name, type ?? default, codes, input.IsPartner, placeIds);
    }

    private static string FieldOf(Register register) => register switch
    {
        Register.Ods => nameof(SaveOrganisation.OdsCode),
        Register.Ons => nameof(SaveOrganisation.OnsCode),
        Register.Charity => nameof(SaveOrganisation.CharityNumber),
        Register.Company => nameof(SaveOrganisation.CompanyNumber),
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, null),
    };

    private async Task<string?> HolderAsync(Register register, string code, Guid? existingId, CancellationToken ct)
    {
        var others = db.Organisations.AsNoTracking().Where(o => o.Id != existingId);
        others = register == Register.Ods ? others.Where(o => o.OdsCode == code) : others.Where(o => o.OnsCode == code);
        return await others.Select(o => o.Name).FirstOrDefaultAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // Two people adding the same ODS code at once: the index decides, and the loser is told why.
            throw new InputInvalidException(nameof(SaveOrganisation.OdsCode), "That ODS code is already used by another organisation in this system");
        }
    }

    private async Task<Dictionary<Guid, string>> PlaceNamesAsync(CancellationToken ct) =>
        await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
}

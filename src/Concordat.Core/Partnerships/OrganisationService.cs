using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

/// <summary>The fields a convenor (or the organisation's own lead) sets on a partner organisation.</summary>
public sealed record SaveOrganisation(string? Name, OrganisationType? Type, string? OdsCode, IReadOnlyList<Guid> PlaceIds);

public sealed record OrganisationSummary(Guid Id, string Name, OrganisationType Type, string? OdsCode, IReadOnlyList<string> Places, int People);

public sealed record OrganisationDetail(Guid Id, string Name, OrganisationType Type, string? OdsCode, IReadOnlyList<Place> Places, Guid Version)
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
                o.Id, o.Name, o.Type, o.OdsCode,
                PlaceIds = o.Places.Select(p => p.PlaceId).ToList(),
                People = db.Memberships.Count(m => m.OrganisationId == o.Id),
            })
            .ToListAsync(ct);
        return rows.Select(o => new OrganisationSummary(o.Id, o.Name, o.Type, o.OdsCode,
            o.PlaceIds.Select(id => placeNames.GetValueOrDefault(id, "?")).Order().ToList(), o.People)).ToList();
    }

    public async Task<OrganisationDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Places).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        var placeIds = organisation.Places.Select(p => p.PlaceId).ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        return new OrganisationDetail(organisation.Id, organisation.Name, organisation.Type, organisation.OdsCode, places, organisation.Version);
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
            OdsCode = valid.OdsCode,
            Places = valid.PlaceIds.Select(p => new OrganisationPlace { SystemId = actor.SystemId, PlaceId = p }).ToList(),
        };
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
        if (!actor.IsConvenor && (valid.Type != organisation.Type || valid.OdsCode != organisation.OdsCode))
        {
            throw new ForbiddenException("Only a convenor can change an organisation's type or ODS code.");
        }

        var before = organisation.Snapshot(placeNames);
        // The UPDATE is guarded by the version the editor saw, which closes the gap between the check above and the write.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = organisation.Version;
        organisation.Name = valid.Name;
        organisation.Type = valid.Type;
        organisation.OdsCode = valid.OdsCode;
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

    private sealed record ValidOrganisation(string Name, OrganisationType Type, string? OdsCode, IReadOnlyList<Guid> PlaceIds);

    private async Task<ValidOrganisation> ValidateAsync(SaveOrganisation input, Guid? existingId, IReadOnlyCollection<Guid> placesServed, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Organisation.NameMaxLength, "Enter the organisation's name");
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(nameof(input.Type), "Select the type of organisation");
            type = default;
        }
        var odsCode = Organisation.NormaliseOdsCode(input.OdsCode);
        if (odsCode is not null)
        {
            if (!Organisation.IsValidOdsCode(odsCode))
            {
                errors.Add(nameof(input.OdsCode), "ODS code must be 3 to 9 letters and numbers, like RX1 or A81001");
            }
            else
            {
                var holder = await db.Organisations.AsNoTracking()
                    .Where(o => o.OdsCode == odsCode && o.Id != existingId)
                    .Select(o => o.Name)
                    .FirstOrDefaultAsync(ct);
                if (holder is not null)
                {
                    errors.Add(nameof(input.OdsCode), $"ODS code {odsCode} is already used by {holder} in this system");
                }
            }
        }
        var placeIds = (input.PlaceIds ?? []).Distinct().ToList();
        await CheckPlacesAsync(db, errors, nameof(input.PlaceIds), placeIds, placesServed, ct);
        errors.ThrowIfAny();
        return new ValidOrganisation(name, type, odsCode, placeIds);
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

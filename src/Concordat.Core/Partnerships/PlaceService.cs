using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

/// <summary>The fields a convenor sets on a place.</summary>
public sealed record SavePlace(string? Name, string? LocalAuthorityCode, string? SubIcbLocationCode);

public sealed record SaveNeighbourhood(string? Name, string? Code);

/// <summary>A place with how much of the system names it, for the list of places.</summary>
public sealed record PlaceSummary(Place Place, int Neighbourhoods, int Organisations, int Goals);

/// <summary>Convenors keep the system's places and their neighbourhoods; everyone in the system reads them.</summary>
public sealed class PlaceService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Place";

    /// <summary>Places in use first, then retired ones; each by name.</summary>
    public async Task<IReadOnlyList<PlaceSummary>> ListAsync(CancellationToken ct) =>
        await db.Places.AsNoTracking()
            .OrderBy(p => p.RetiredOn != null).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new PlaceSummary(p, p.Neighbourhoods.Count,
                db.OrganisationPlaces.Count(o => o.PlaceId == p.Id), db.Set<Goals.GoalPlace>().Count(g => g.PlaceId == p.Id)))
            .ToListAsync(ct);

    /// <summary>One place with its neighbourhoods by name.</summary>
    public async Task<Place> GetAsync(Guid id, CancellationToken ct)
    {
        var place = await db.Places.AsNoTracking().Include(p => p.Neighbourhoods).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("There is no such place in this system.");
        place.Neighbourhoods.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return place;
    }

    public async Task<Place> CreateAsync(SavePlace input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("add places");
        var valid = await ValidateAsync(input, existingId: null, ct);
        var place = new Place
        {
            SystemId = actor.SystemId, Name = valid.Name, LocalAuthorityCode = valid.LocalAuthorityCode, SubIcbLocationCode = valid.SubIcbLocationCode,
        };
        db.Places.Add(place);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PlaceAdded", EntityType, place.Id, place.Name, null, place.Snapshot());
        await SaveAsync(ct);
        return place;
    }

    /// <summary>Renames the place or changes its codes, against the version the convenor read.</summary>
    public async Task<Place> UpdateAsync(Guid id, SavePlace input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("There is no such place in this system.");
        actor.RequireConvenor("change places");
        if (!place.Version.Matches(expectedVersion, "place"))
        {
            throw new EditConflictException(place.Name, place.Version, place.Snapshot());
        }
        var valid = await ValidateAsync(input, existingId: id, ct);
        var before = place.Snapshot();
        db.Entry(place).Property(p => p.Version).OriginalValue = place.Version;
        (place.Name, place.LocalAuthorityCode, place.SubIcbLocationCode) = (valid.Name, valid.LocalAuthorityCode, valid.SubIcbLocationCode);
        var after = place.Snapshot();
        if (before.SequenceEqual(after))
        {
            return place;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PlaceUpdated", EntityType, id, place.Name, before, after);
        await SaveGuardedAsync(id, ct);
        return place;
    }

    /// <summary>
    /// Retires the place: it stays on everything that names it, and in the history, but is no longer offered for new
    /// goals, organisations, measures or resources. Retiring a retired place changes nothing.
    /// </summary>
    public async Task<Place> RetireAsync(Guid id, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("There is no such place in this system.");
        actor.RequireConvenor("retire places");
        if (!place.Version.Matches(expectedVersion, "place"))
        {
            throw new EditConflictException(place.Name, place.Version, place.Snapshot());
        }
        if (place.IsRetired)
        {
            return place;
        }
        var before = place.Snapshot();
        db.Entry(place).Property(p => p.Version).OriginalValue = place.Version;
        place.RetiredOn = UkCalendar.Today(clock);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PlaceRetired", EntityType, id, place.Name, before, place.Snapshot());
        await SaveGuardedAsync(id, ct);
        return place;
    }

    public async Task<Neighbourhood> AddNeighbourhoodAsync(Guid placeId, SaveNeighbourhood input, Actor actor, CancellationToken ct)
    {
        var place = await db.Places.AsNoTracking().Include(p => p.Neighbourhoods).SingleOrDefaultAsync(p => p.Id == placeId, ct)
            ?? throw new NotFoundException("There is no such place in this system.");
        actor.RequireConvenor("add neighbourhoods");
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Neighbourhood.NameMaxLength, "Enter the neighbourhood's name");
        var code = errors.OptionalText(nameof(input.Code), "Code", input.Code, Neighbourhood.CodeMaxLength);
        if (place.IsRetired)
        {
            errors.Add(nameof(input.Name), $"{place.Name} is retired, so it takes no new neighbourhoods");
        }
        else if (place.Neighbourhoods.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(input.Name), $"{place.Name} already has a neighbourhood called {name}");
        }
        errors.ThrowIfAny();
        var neighbourhood = new Neighbourhood { SystemId = actor.SystemId, PlaceId = placeId, Name = name, Code = code };
        db.Add(neighbourhood);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "NeighbourhoodAdded", EntityType, placeId, place.Name, null,
            new SortedDictionary<string, string?> { ["Neighbourhood"] = name, ["Code"] = code });
        await SaveAsync(ct);
        return neighbourhood;
    }

    public async Task RemoveNeighbourhoodAsync(Guid placeId, Guid neighbourhoodId, Actor actor, CancellationToken ct)
    {
        var place = await db.Places.Include(p => p.Neighbourhoods).SingleOrDefaultAsync(p => p.Id == placeId, ct)
            ?? throw new NotFoundException("There is no such place in this system.");
        var neighbourhood = place.Neighbourhoods.SingleOrDefault(n => n.Id == neighbourhoodId)
            ?? throw new NotFoundException("There is no such neighbourhood in this place.");
        actor.RequireConvenor("remove neighbourhoods");
        db.Remove(neighbourhood);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "NeighbourhoodRemoved", EntityType, placeId, place.Name,
            new SortedDictionary<string, string?> { ["Neighbourhood"] = neighbourhood.Name, ["Code"] = neighbourhood.Code }, null);
        await db.SaveChangesAsync(ct);
    }

    private sealed record ValidPlace(string Name, string? LocalAuthorityCode, string? SubIcbLocationCode);

    private async Task<ValidPlace> ValidateAsync(SavePlace input, Guid? existingId, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Place.NameMaxLength, "Enter the place's name");
        if (name.Length > 0 && await db.Places.AnyAsync(p => p.Name == name && p.Id != existingId, ct))
        {
            errors.Add(nameof(input.Name), $"There is already a place called {name} in this system");
        }
        var localAuthority = Place.NormaliseCode(input.LocalAuthorityCode);
        if (localAuthority is not null && !Place.IsValidLocalAuthorityCode(localAuthority))
        {
            errors.Add(nameof(input.LocalAuthorityCode),
                "Local authority code must be an ONS code: E or W and 8 numbers, like E06000047");
        }
        var subIcb = Place.NormaliseCode(input.SubIcbLocationCode);
        if (subIcb is not null && !Place.IsValidSubIcbLocationCode(subIcb))
        {
            errors.Add(nameof(input.SubIcbLocationCode),
                "Sub-ICB location code must be an ONS code: E38 and 6 numbers, like E38000212");
        }
        errors.ThrowIfAny();
        return new ValidPlace(name, localAuthority, subIcb);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // Two convenors adding the same name at once: the index decides, and the loser is told why.
            throw new InputInvalidException(nameof(SavePlace.Name), "That name is already used in this system");
        }
    }

    private async Task SaveGuardedAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Places.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, current.Snapshot());
        }
    }
}

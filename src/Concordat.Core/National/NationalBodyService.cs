using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.National;

public sealed record SaveNationalBody(string? Name, NationalBodyKind? Kind);

public sealed record NationalBodySummary(Guid Id, string Name, NationalBodyKind Kind, int Partners, Guid Version);

public sealed record AppointNationalPartner(string? Email, string? DisplayName, string? Team);

public sealed record NationalPartnerSummary(Guid PersonId, string Name, string Email, string? Team, DateTime AppointedAtUtc, string AppointedByName);

/// <summary>Who a signed-in national partner is: their body and team.</summary>
public sealed record NationalPartnerView(Guid PersonId, string Name, Guid NationalBodyId, string NationalBody, NationalBodyKind Kind, string? Team);

/// <summary>
/// The national bodies and their people: the deployment's administrators' work (and the operator's at the command line),
/// because no system decides who speaks for a national body. A national partner holds no role in any system, and a person
/// with a role in a system is not made a national partner, so the two sides never see each other's workspace by accident.
/// </summary>
public sealed class NationalBodyService(ConcordatDb db, PeopleService people, TimeProvider clock)
{
    public async Task<IReadOnlyList<NationalBodySummary>> ListAsync(CancellationToken ct) =>
        await db.NationalBodies.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new NationalBodySummary(b.Id, b.Name, b.Kind, db.NationalPartners.Count(p => p.NationalBodyId == b.Id), b.Version))
            .ToListAsync(ct);

    public async Task<NationalBodySummary> GetAsync(Guid id, CancellationToken ct) =>
        (await db.NationalBodies.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new NationalBodySummary(b.Id, b.Name, b.Kind, db.NationalPartners.Count(p => p.NationalBodyId == b.Id), b.Version))
            .SingleOrDefaultAsync(ct)) ?? throw new NotFoundException("There is no such national body.");

    public async Task<NationalBodySummary> CreateAsync(SaveNationalBody input, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("add national bodies");
        var (name, kind) = await ValidateAsync(input, null, ct);
        var body = new NationalBody { Name = name, Kind = kind, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByName = actor.Name };
        db.NationalBodies.Add(body);
        await SaveAsync(name, ct);
        return await GetAsync(body.Id, ct);
    }

    /// <summary>Renames a body or changes its kind, against the version the administrator read.</summary>
    public async Task<NationalBodySummary> UpdateAsync(Guid id, SaveNationalBody input, Guid? expectedVersion, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("change national bodies");
        var body = await db.NationalBodies.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("There is no such national body.");
        if (!body.Version.Matches(expectedVersion, "national body"))
        {
            throw new EditConflictException(body.Name, body.Version, Snapshot(body));
        }
        var (name, kind) = await ValidateAsync(input, id, ct);
        if (name == body.Name && kind == body.Kind)
        {
            return await GetAsync(id, ct);
        }
        db.Entry(body).Property(b => b.Version).OriginalValue = body.Version;
        body.Name = name;
        body.Kind = kind;
        body.ChangedByName = actor.Name;
        body.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await SaveAsync(name, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.NationalBodies.AsNoTracking().SingleAsync(b => b.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, Snapshot(current));
        }
        return await GetAsync(id, ct);
    }

    public async Task<IReadOnlyList<NationalPartnerSummary>> PartnersAsync(Guid bodyId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("see who speaks for a national body");
        await GetAsync(bodyId, ct);
        return await db.NationalPartners.AsNoTracking().Where(p => p.NationalBodyId == bodyId).OrderBy(p => p.Person!.DisplayName)
            .Select(p => new NationalPartnerSummary(p.PersonId, p.Person!.DisplayName, p.Person.Email!, p.Team, p.AppointedAtUtc, p.AppointedByName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Makes a person a national partner of the body, creating their account when new (they then set a password from a
    /// reset link, or sign in through single sign-on). Appointing someone who already speaks for another body moves them.
    /// </summary>
    public async Task<NationalPartnerSummary> AppointAsync(Guid bodyId, AppointNationalPartner input, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("appoint national partners");
        var body = await db.NationalBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new NotFoundException("There is no such national body.");
        var errors = new InputErrors();
        var (email, displayName, existing) = await people.ReadNewcomerAsync(input.Email, input.DisplayName, errors, nameof(input.Email), nameof(input.DisplayName));
        var team = errors.OptionalText(nameof(input.Team), "Team", input.Team, NationalPartner.TeamMaxLength);
        if (existing is not null && await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.PersonId == existing.Id, ct))
        {
            errors.Add(nameof(input.Email), $"{email} holds a role in a system; a national partner sees no system's workspace, so remove those roles first or use another account");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var person = existing ?? people.NewAccount(email, displayName, now);
        var partner = await db.NationalPartners.SingleOrDefaultAsync(p => p.PersonId == person.Id, ct);
        if (partner is null)
        {
            db.NationalPartners.Add(new NationalPartner { PersonId = person.Id, NationalBodyId = bodyId, Team = team, AppointedAtUtc = now, AppointedByName = actor.Name });
        }
        else
        {
            partner.NationalBodyId = bodyId;
            partner.Team = team;
            partner.AppointedAtUtc = now;
            partner.AppointedByName = actor.Name;
            // What they may see changes with their body: their sessions end, so the next one reads the new body.
            (await db.Users.SingleAsync(u => u.Id == person.Id, ct)).SecurityStamp = Guid.NewGuid().ToString();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new InputInvalidException(nameof(input.Email), $"{email} was appointed by someone else just now: check {body.Name}'s partners");
        }
        return new NationalPartnerSummary(person.Id, person.DisplayName, email, team, now, actor.Name);
    }

    /// <summary>The person stops speaking for the body; their sessions end, and they see nothing national from their next request.</summary>
    public async Task RemovePartnerAsync(Guid bodyId, Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("remove national partners");
        var partner = await db.NationalPartners.SingleOrDefaultAsync(p => p.PersonId == personId && p.NationalBodyId == bodyId, ct)
            ?? throw new NotFoundException("That person is not a national partner of this body.");
        db.NationalPartners.Remove(partner);
        (await db.Users.SingleAsync(u => u.Id == personId, ct)).SecurityStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The national body the person speaks for, or null when they speak for none.</summary>
    public async Task<NationalPartnerView?> PartnerOfAsync(Guid personId, CancellationToken ct) =>
        await db.NationalPartners.AsNoTracking().Where(p => p.PersonId == personId)
            .Select(p => new NationalPartnerView(p.PersonId, p.Person!.DisplayName, p.NationalBodyId, p.NationalBody!.Name, p.NationalBody.Kind, p.Team))
            .SingleOrDefaultAsync(ct);

    private async Task<(string Name, NationalBodyKind Kind)> ValidateAsync(SaveNationalBody input, Guid? id, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, NationalBody.NameMaxLength, "Enter the national body's name");
        if (name.Length is > 0 and <= NationalBody.NameMaxLength)
        {
            // A deployment has a few dozen bodies: compared here, the rule is the same on both databases.
            var taken = (await db.NationalBodies.AsNoTracking().Where(b => b.Id != id).Select(b => b.Name).ToListAsync(ct))
                .FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                errors.Add(nameof(input.Name), $"A national body called {taken} already exists: choose another name");
            }
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "Select the kind of national body");
            kind = default;
        }
        errors.ThrowIfAny();
        return (name, kind);
    }

    private async Task SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new InputInvalidException(nameof(SaveNationalBody.Name), $"A national body called {name} already exists: choose another name");
        }
    }

    private static SortedDictionary<string, string?> Snapshot(NationalBody body) => new() { ["Name"] = body.Name, ["Kind"] = body.Kind.InWords() };
}

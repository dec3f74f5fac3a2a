using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

/// <summary>
/// A new system as an administrator sets it up: its name, the organisation its first convenor acts for (the ICB,
/// unless another type is given) and that convenor.
/// </summary>
public sealed record CreateSystem(string? Name, string? OrganisationName, OrganisationType? OrganisationType, string? OdsCode,
    string? ConvenorName, string? ConvenorEmail);

/// <summary>What was made; the invitation secret is there when the first convenor has no password yet.</summary>
public sealed record SystemCreated(Guid SystemId, string Name, Guid OrganisationId, Guid ConvenorId, string? InvitationSecret);

public sealed record SystemDetail(Guid Id, string Name, DateTime CreatedAtUtc, Guid Version);

/// <summary>
/// Creating and renaming systems: the deployment's administrators' work (and the operator's at the command line),
/// because a system is where every partner's data lives and no one inside one decides that another should exist.
/// </summary>
public sealed class SystemService(ConcordatDb db, PeopleService people, TimeProvider clock)
{
    public const string EntityType = "System";

    public async Task<SystemDetail> GetAsync(Guid systemId, CancellationToken ct) =>
        await db.Systems.AsNoTracking().Where(s => s.Id == systemId).Select(s => new SystemDetail(s.Id, s.Name, s.CreatedAtUtc, s.Version))
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("There is no such system.");

    /// <summary>
    /// Creates the system, its convenor's organisation and the convenor's role (and account, if new) in one
    /// transaction, each recorded in the new system's audit. Nothing is written when any of it is refused.
    /// </summary>
    public async Task<SystemCreated> CreateAsync(CreateSystem input, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("create systems");
        // In the order the form asks, so that the error summary reads top to bottom.
        var errors = new InputErrors();
        var name = await ReadNameAsync(input.Name, null, errors, ct);
        var organisationName = errors.RequiredText(nameof(input.OrganisationName), "Organisation name", input.OrganisationName, Organisation.NameMaxLength,
            "Enter the name of the organisation the convenor acts for");
        var type = input.OrganisationType ?? OrganisationType.IntegratedCareBoard;
        if (!Enum.IsDefined(type))
        {
            errors.Add(nameof(input.OrganisationType), "Select the type of organisation");
        }
        else if (type == OrganisationType.NationalBody)
        {
            errors.Add(nameof(input.OrganisationType), "A convenor acts for one of the system's partners, not a national body: choose another type");
        }
        var odsCode = Registers.Normalise(input.OdsCode);
        if (odsCode is not null && !Register.Ods.IsValid(odsCode))
        {
            errors.Add(nameof(input.OdsCode), $"ODS code must be {Register.Ods.Format()}");
        }
        else if (odsCode is not null && Enum.IsDefined(type) && !type.Registers().Contains(Register.Ods))
        {
            errors.Add(nameof(input.OdsCode), $"Leave the ODS code empty: the type {type.InWords()} has no ODS code");
        }
        await people.ReadNewcomerAsync(input.ConvenorEmail, input.ConvenorName, errors, nameof(input.ConvenorEmail), nameof(input.ConvenorName));
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var system = new CareSystem { Name = name, CreatedAtUtc = now };
        var organisation = new Organisation { SystemId = system.Id, Name = organisationName, Type = type, OdsCode = odsCode };
        // The administrator acts in the new system as its convenors would, and is recorded by name in its audit.
        var inSystem = new Actor(actor.PersonId, actor.Name, isAdministrator: true, system.Id, [], name);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Systems.Add(system);
            db.Tenant.Enter(system.Id);
            db.Organisations.Add(organisation);
            db.Audit(inSystem, now, "SystemCreated", EntityType, system.Id, name, null, Snapshot(system));
            db.Audit(inSystem, now, "OrganisationAdded", OrganisationService.EntityType, organisation.Id, organisation.Name, null,
                organisation.Snapshot(new Dictionary<Guid, string>()));
            await db.SaveChangesAsync(ct);
            // The organisation must be saved (in this transaction) before the convenor can be given a role for it.
            var added = await people.AddAsync(new AddPerson(input.ConvenorEmail, input.ConvenorName, organisation.Id, Role.Convenor), inSystem, ct);
            await transaction.CommitAsync(ct);
            return new SystemCreated(system.Id, name, organisation.Id, added.PersonId, added.InvitationSecret);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // Another administrator took the name at the same moment.
            db.ChangeTracker.Clear();
            throw new InputInvalidException(nameof(input.Name), $"A system called {name} already exists: choose another name");
        }
        catch (InputInvalidException e)
        {
            // Someone gave the convenor's email an account at the same moment: the people service names its own fields.
            db.ChangeTracker.Clear();
            throw new InputInvalidException(e.Errors.ToDictionary(
                f => f.Key switch { nameof(AddPerson.Email) => nameof(input.ConvenorEmail), nameof(AddPerson.DisplayName) => nameof(input.ConvenorName), _ => f.Key },
                f => f.Value));
        }
    }

    /// <summary>Renames the system, against the version the administrator read (<see cref="Versions.Matches"/>).</summary>
    public async Task<SystemDetail> RenameAsync(Guid systemId, string? name, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("rename a system");
        var system = await db.Systems.SingleOrDefaultAsync(s => s.Id == systemId, ct) ?? throw new NotFoundException("There is no such system.");
        if (!system.Version.Matches(expectedVersion, "system"))
        {
            throw new EditConflictException(system.Name, system.Version, Snapshot(system));
        }
        var errors = new InputErrors();
        var valid = await ReadNameAsync(name, systemId, errors, ct);
        errors.ThrowIfAny();
        if (valid == system.Name)
        {
            return await GetAsync(systemId, ct);
        }
        var before = Snapshot(system);
        system.Name = valid;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "SystemRenamed", EntityType, systemId, valid, before, Snapshot(system));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Systems.AsNoTracking().SingleAsync(s => s.Id == systemId, ct);
            throw new EditConflictException(current.Name, current.Version, Snapshot(current));
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new InputInvalidException("Name", $"A system called {valid} already exists: choose another name");
        }
        return await GetAsync(systemId, ct);
    }

    /// <summary>A system's name: required, and no other system's, however either is capitalised.</summary>
    private async Task<string> ReadNameAsync(string? input, Guid? systemId, InputErrors errors, CancellationToken ct)
    {
        var name = errors.RequiredText("Name", "Name", input, CareSystem.NameMaxLength, "Enter the system's name");
        if (name.Length is > 0 and <= CareSystem.NameMaxLength)
        {
            // A deployment has a handful of systems: compared here, the rule is the same on both databases, accents and all.
            var names = await db.Systems.AsNoTracking().Where(s => s.Id != systemId).Select(s => s.Name).ToListAsync(ct);
            var taken = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                errors.Add("Name", $"A system called {taken} already exists: choose another name");
            }
        }
        return name;
    }

    private static SortedDictionary<string, string?> Snapshot(CareSystem system) => new SortedDictionary<string, string?> { ["Name"] = system.Name };
}

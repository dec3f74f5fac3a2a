using System.Net.Mail;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.People;

public sealed record AddPerson(string? Email, string? DisplayName, Guid? OrganisationId, Role? Role);

/// <summary>The result of adding someone: the secret of their invitation link, when they have no password yet.</summary>
public sealed record PersonAdded(Guid PersonId, Guid MembershipId, string? InvitationSecret);

public sealed record PersonInSystem(Guid PersonId, string DisplayName, string Email, Guid OrganisationId, string OrganisationName, Role Role, bool HasPassword,
    Guid MembershipId);

/// <summary>
/// Whose roles a person may decide: the convenor role is the partnership's, so convenors decide it; every other role
/// says who acts for an organisation, so that organisation decides it, through its leads or someone it delegated to.
/// </summary>
public sealed record PeopleAuthority(bool Convenors, IReadOnlySet<Guid> Organisations)
{
    public bool Any => Convenors || Organisations.Count > 0;

    /// <summary>Whether a role for the organisation may go from <paramref name="from"/> to <paramref name="to"/> (null: none).</summary>
    public bool Over(Guid organisationId, Role? from, Role? to) =>
        from == Role.Convenor || to == Role.Convenor ? Convenors : Organisations.Contains(organisationId);
}

/// <summary>Someone to be given a role: their email and name as typed, and their account when they already have one.</summary>
internal sealed record Newcomer(string Email, string DisplayName, Person? Existing);

public sealed class PeopleService(ConcordatDb db, UserManager<Person> users, TimeProvider clock)
{
    /// <summary>
    /// The organisations whose people the actor decides for: those they lead or were delegated, and, for a convenor,
    /// any organisation that has no lead yet (a convenor appoints a new partner's first lead, and no more).
    /// </summary>
    public async Task<PeopleAuthority> AuthorityAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsOperator)
        {
            return new PeopleAuthority(true, (await db.Organisations.Select(o => o.Id).ToListAsync(ct)).ToHashSet());
        }
        var own = actor.Memberships.Where(m => m.Role == Role.OrganisationLead).Select(m => m.OrganisationId)
            .Concat(actor.Delegations.Where(d => d.Capability == DelegatedCapability.People).Select(d => d.OrganisationId))
            .ToHashSet();
        if (actor.IsConvenor)
        {
            own.UnionWith(await db.Organisations.Where(o => !db.Memberships.Any(m => m.OrganisationId == o.Id && m.Role == Role.OrganisationLead))
                .Select(o => o.Id).ToListAsync(ct));
        }
        return new PeopleAuthority(actor.IsConvenor, own);
    }

    /// <summary>The rule <see cref="AuthorityAsync"/> describes, for one change; a delegation that allows it is named in the audit.</summary>
    private async Task RequireAuthorityAsync(Actor actor, Organisation organisation, Role? from, Role? to, CancellationToken ct)
    {
        if (actor.IsOperator)
        {
            return;
        }
        if (from == Role.Convenor || to == Role.Convenor)
        {
            actor.RequireConvenor("make someone a convenor or take the role away");
            return;
        }
        if (actor.IsConvenor && !await HasLeadAsync(organisation.Id, ct))
        {
            return;
        }
        actor.RequireActingFor(organisation.Id, DelegatedCapability.People,
            $"Only {organisation.Name}'s leads decide who acts for it" + (actor.IsConvenor ? ": a convenor appoints only the first lead of a partner that has none." : "."),
            leadsOnly: true);
    }

    private Task<bool> HasLeadAsync(Guid organisationId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.OrganisationId == organisationId && m.Role == Role.OrganisationLead, ct);

    /// <summary>Every role in the system, or those of one organisation, one person or one role (membership).</summary>
    public async Task<IReadOnlyList<PersonInSystem>> ListAsync(Guid? organisationId, CancellationToken ct, Guid? personId = null, Guid? membershipId = null) =>
        await db.Memberships.AsNoTracking()
            .Where(m => organisationId == null || m.OrganisationId == organisationId)
            .Where(m => personId == null || m.PersonId == personId)
            .Where(m => membershipId == null || m.Id == membershipId)
            .OrderBy(m => m.Organisation!.Name).ThenBy(m => m.Person!.DisplayName)
            .Select(m => new PersonInSystem(m.PersonId, m.Person!.DisplayName, m.Person.Email!, m.OrganisationId, m.Organisation!.Name,
                m.Role, m.Person.PasswordHash != null, m.Id))
            .ToListAsync(ct);

    /// <summary>
    /// Gives a person a role for an organisation, creating their account if it is new. A new account has no
    /// password: the returned invitation secret lets them set one.
    /// </summary>
    public async Task<PersonAdded> AddAsync(AddPerson input, Actor actor, CancellationToken ct)
    {
        if (!(await AuthorityAsync(actor, ct)).Any)
        {
            throw new ForbiddenException("Only an organisation's leads and the convenors can add people.");
        }
        // Errors are collected in the order the form asks, so the error summary reads top to bottom.
        var errors = new InputErrors();
        var (email, displayName, existing) = await ReadNewcomerAsync(input.Email, input.DisplayName, errors, nameof(input.Email), nameof(input.DisplayName));
        Organisation? organisation = null;
        if (input.OrganisationId is not { } organisationId
            || (organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct)) is null)
        {
            errors.Add(nameof(input.OrganisationId), "Select the organisation the person acts for");
        }
        else if (!organisation.IsPartner)
        {
            errors.Add(nameof(input.OrganisationId), $"{organisation.Name} is outside the system: no one holds a role for it, so choose a partner");
        }
        if (input.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add(nameof(input.Role), "Select a role");
            role = default;
        }
        else if (organisation is not null && RoleMismatch(role, organisation) is { } mismatch)
        {
            errors.Add(nameof(input.Role), mismatch);
        }
        if (existing is not null && await db.NationalPartners.AnyAsync(p => p.PersonId == existing.Id, ct))
        {
            errors.Add(nameof(input.Email), $"{email} is a national partner: national partners see no system's workspace, so use another account");
        }
        else if (existing is not null && organisation is not null
            && await db.Memberships.AnyAsync(m => m.PersonId == existing.Id && m.OrganisationId == organisation.Id, ct))
        {
            errors.Add(nameof(input.Email), $"{email} already has a role for {organisation.Name}");
        }
        errors.ThrowIfAny();
        await RequireAuthorityAsync(actor, organisation!, null, role, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var person = existing ?? NewAccount(email, displayName, now);
        var membership = new Membership
        {
            SystemId = actor.SystemId,
            PersonId = person.Id,
            OrganisationId = organisation!.Id,
            Role = role,
            CreatedAtUtc = now,
        };
        db.Memberships.Add(membership);
        if (existing is not null && role == Role.Convenor)
        {
            // Their sessions end, so that the next one asks what a convenor's does (two-step verification).
            person.SecurityStamp = Guid.NewGuid().ToString();
        }
        string? secret = null;
        // A link is only ever given for an account this system made: an account that also belongs to another
        // system is invited by that system, so a convenor here can never take it over.
        if (person.PasswordHash is null && (existing is null || !await BelongsElsewhereAsync(person.Id, actor.SystemId, ct)))
        {
            secret = Secrets.New("inv_");
            db.Invitations.Add(new Invitation
            {
                SystemId = actor.SystemId,
                PersonId = person.Id,
                SecretHash = Secrets.Hash(secret),
                CreatedAtUtc = now,
                ExpiresAtUtc = now + Invitation.Lifetime,
                CreatedByPersonId = actor.PersonId ?? Guid.Empty,
            });
        }
        db.Audit(actor, now, "PersonAdded", "Person", person.Id, person.DisplayName, before: null, after: new SortedDictionary<string, string?>
        {
            ["Name"] = person.DisplayName,
            ["Email"] = email,
            ["Organisation"] = organisation.Name,
            ["Role"] = role.InWords(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone added the same person at the same moment; nothing of this request was written.
            throw new InputInvalidException(nameof(input.Email), $"{email} was added by someone else just now: check the list of people");
        }
        return new PersonAdded(person.Id, membership.Id, secret);
    }

    /// <summary>A new account, with no password until its person sets one from a link; saved with the caller's next save.</summary>
    internal Person NewAccount(string email, string displayName, DateTime now)
    {
        var person = new Person
        {
            UserName = email, Email = email, DisplayName = displayName, CreatedAtUtc = now, LockoutEnabled = true,
            NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
        };
        db.Users.Add(person);
        return person;
    }

    /// <summary>
    /// Who is to be given a role, as typed: the account with that email, or a new person, who then needs a name. Errors
    /// go under the caller's field names, so a form that asks for more (a new system's first convenor) reports them all at once.
    /// </summary>
    internal async Task<Newcomer> ReadNewcomerAsync(string? emailInput, string? nameInput, InputErrors errors, string emailField, string nameField)
    {
        var email = emailInput?.Trim() ?? "";
        var emailValid = email.Length > 0 && email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
            && email.Contains('.', StringComparison.Ordinal);
        var existing = emailValid ? await users.FindByEmailAsync(email) : null;
        var displayName = nameInput?.Trim() ?? "";
        if (existing is null && displayName.Length == 0)
        {
            errors.Add(nameField, "Enter the person's full name");
        }
        else if (displayName.Length > Person.DisplayNameMaxLength)
        {
            errors.Add(nameField, $"Name must be {Person.DisplayNameMaxLength} characters or fewer");
        }
        if (email.Length == 0)
        {
            errors.Add(emailField, "Enter an email address");
        }
        else if (!emailValid)
        {
            errors.Add(emailField, "Enter an email address in the correct format, like name@example.nhs.uk");
        }
        return new Newcomer(email, displayName, existing);
    }

    /// <summary>
    /// Changes the role a person has for one organisation. Their sessions end, so that pages and tokens they hold
    /// reflect the new role from their next sign-in; the last convenor of a system cannot stop being one.
    /// </summary>
    public async Task ChangeRoleAsync(Guid membershipId, Role? role, Actor actor, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Organisation).SingleOrDefaultAsync(m => m.Id == membershipId, ct)
            ?? throw new NotFoundException("There is no such role in this system.");
        // Whether the actor may touch this role at all comes before whether what they asked for is valid. Making
        // someone a convenor is the convenors' decision, whatever role they had.
        await RequireAuthorityAsync(actor, membership.Organisation!, membership.Role, role, ct);
        if (role is not { } newRole || !Enum.IsDefined(newRole))
        {
            throw new InputInvalidException("Role", "Select a role");
        }
        if (RoleMismatch(newRole, membership.Organisation!) is { } mismatch)
        {
            throw new InputInvalidException("Role", mismatch);
        }
        if (membership.Role == newRole)
        {
            return;
        }
        if (membership.Role == Role.Convenor)
        {
            await RequireAnotherConvenorAsync(membership.PersonId, ct);
        }
        var before = membership.Role;
        membership.Role = newRole;
        membership.Person!.SecurityStamp = Guid.NewGuid().ToString();
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "RoleChanged", "Person", membership.PersonId, membership.Person.DisplayName,
            new SortedDictionary<string, string?> { ["Organisation"] = membership.Organisation!.Name, ["Role"] = before.InWords() },
            new SortedDictionary<string, string?> { ["Organisation"] = membership.Organisation.Name, ["Role"] = newRole.InWords() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes every role the person has in this system away, which is how a convenor shuts someone out of their system
    /// (deactivating an account, which may belong to other systems too, is an administrator's act). Their sessions end.
    /// </summary>
    public async Task RemoveAsync(Guid personId, Actor actor, CancellationToken ct)
    {
        var memberships = await db.Memberships.Include(m => m.Person).Include(m => m.Organisation).Where(m => m.PersonId == personId).ToListAsync(ct);
        if (memberships.Count == 0)
        {
            throw new NotFoundException("There is no such person in this system.");
        }
        // Removing someone takes every role they hold, so it needs the say of every organisation they act for.
        foreach (var m in memberships)
        {
            await RequireAuthorityAsync(actor, m.Organisation!, m.Role, null, ct);
        }
        if (memberships.Any(m => m.Role == Role.Convenor))
        {
            await RequireAnotherConvenorAsync(personId, ct);
        }
        var person = memberships[0].Person!;
        person.SecurityStamp = Guid.NewGuid().ToString();
        db.Memberships.RemoveRange(memberships);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PersonRemoved", "Person", personId, person.DisplayName,
            new SortedDictionary<string, string?>
            {
                ["Roles"] = string.Join("; ", memberships.Select(m => $"{m.Role.InWords()} for {m.Organisation!.Name}")),
            }, null);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireAnotherConvenorAsync(Guid personId, CancellationToken ct)
    {
        if (!await db.Memberships.AnyAsync(m => m.Role == Role.Convenor && m.PersonId != personId, ct))
        {
            throw new InputInvalidException("Role", "A system needs a convenor: make someone else a convenor first");
        }
    }

    /// <summary>A national body's people are its national partners, appointed by an administrator: no one holds a system's role for it.</summary>
    private static string? RoleMismatch(Role role, Organisation organisation) =>
        organisation.Type == OrganisationType.NationalBody
            ? $"{organisation.Name} is a national body: its people are national partners, whom an administrator appoints, and hold no role in a system"
            : null;

    /// <summary>A new invitation for someone who has not yet set a password (the old link stops working).</summary>
    public async Task<string> ReinviteAsync(Guid personId, Actor actor, CancellationToken ct)
    {
        var roles = await db.Memberships.Include(m => m.Person).Where(m => m.PersonId == personId).ToListAsync(ct);
        if (roles.Count == 0)
        {
            throw new NotFoundException("There is no such person in this system.");
        }
        var authority = await AuthorityAsync(actor, ct);
        if (!roles.Any(m => authority.Over(m.OrganisationId, m.Role, m.Role)))
        {
            throw new ForbiddenException("Only the leads of an organisation the person acts for can invite them again.");
        }
        var person = roles[0].Person!;
        if (person.PasswordHash is not null)
        {
            throw new InputInvalidException("PersonId", $"{person.DisplayName} has already set a password");
        }
        if (await BelongsElsewhereAsync(personId, actor.SystemId, ct))
        {
            throw new InputInvalidException("PersonId", $"{person.DisplayName} also belongs to another system, which sends their invitation");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var old in db.Invitations.Where(i => i.PersonId == personId && i.UsedAtUtc == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            old.UsedAtUtc = now;
        }
        var secret = Secrets.New("inv_");
        db.Invitations.Add(new Invitation
        {
            SystemId = actor.SystemId, PersonId = personId, SecretHash = Secrets.Hash(secret),
            CreatedAtUtc = now, ExpiresAtUtc = now + Invitation.Lifetime, CreatedByPersonId = actor.PersonId ?? Guid.Empty,
        });
        db.Audit(actor, now, "PersonReinvited", "Person", personId, person.DisplayName, null, null);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>The person an unused, unexpired invitation is for; null when the link is not (or no longer) valid.</summary>
    public async Task<Person?> FindInviteeAsync(string secret, CancellationToken ct)
    {
        var invitation = await FindInvitationAsync(secret, ct);
        return invitation is null ? null : await users.FindByIdAsync(invitation.PersonId.ToString());
    }

    /// <summary>Sets the invitee's password and uses up the invitation, in one save.</summary>
    public async Task<Person> AcceptInvitationAsync(string secret, string? password, CancellationToken ct)
    {
        var invitation = await FindInvitationAsync(secret, ct)
            ?? throw new NotFoundException("This invitation link is not valid: it may have been used already or have expired. Ask your convenor for a new one.");
        var person = await users.FindByIdAsync(invitation.PersonId.ToString())
            ?? throw new NotFoundException("This invitation link is not valid.");
        if (person.PasswordHash is not null)
        {
            // Links set a first password only; they never reset one.
            throw new NotFoundException("This invitation link is not valid: this account already has a password. Sign in instead.");
        }
        if (string.IsNullOrEmpty(password))
        {
            throw new InputInvalidException("Password", "Enter a password");
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, person, password);
            if (!result.Succeeded)
            {
                throw new InputInvalidException(new Dictionary<string, string[]> { ["Password"] = result.Errors.Select(e => e.Description).ToArray() });
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Every open link for this person stops working, in whichever system it was made.
        await foreach (var open in db.Invitations.IgnoreQueryFilters().Where(i => i.PersonId == person.Id && i.UsedAtUtc == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            open.UsedAtUtc = now;
        }
        person.PasswordHash = users.PasswordHasher.HashPassword(person, password);
        person.EmailConfirmed = true;
        person.SecurityStamp = Guid.NewGuid().ToString();
        db.Tenant.Enter(invitation.SystemId);
        db.Audit(new Actor(person.Id, person.DisplayName, false, invitation.SystemId, []), now, "InvitationAccepted", "Person",
            person.Id, person.DisplayName, null, null);
        await db.SaveChangesAsync(ct);
        return person;
    }

    private async Task<bool> BelongsElsewhereAsync(Guid personId, Guid systemId, CancellationToken ct) =>
        await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.PersonId == personId && m.SystemId != systemId, ct);

    private async Task<Invitation?> FindInvitationAsync(string secret, CancellationToken ct)
    {
        var hash = Secrets.Hash(secret);
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.SecretHash == hash, ct);
        return invitation is not null && invitation.IsUsableAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }
}

using Concordat.Core.Access;
using Concordat.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.People;

/// <summary>Who acts on an account: a person (an administrator, for someone else's) or the operator at the command line.</summary>
public sealed record AccountActor(Guid? PersonId, string Name, bool IsAdministrator)
{
    public static readonly AccountActor Operator = new(null, "Operator (command line)", true);

    public void RequireAdministrator(string action)
    {
        if (!IsAdministrator)
        {
            throw new ForbiddenException($"Only an administrator can {action}.");
        }
    }
}

/// <summary>The state of someone's account as an administrator sees it.</summary>
public sealed record AccountSummary(Guid PersonId, string DisplayName, string Email, bool HasPassword, bool IsDeactivated, bool IsAdministrator, bool TwoStepOn);

/// <summary>
/// What happens to an account as a whole, in every system at once: its password, its sessions, whether it may be
/// used at all. Each act gives the person a new security stamp where it must end their sessions, and is recorded
/// in every system they belong to (<see cref="AccountAudit"/>).
/// </summary>
public sealed class AccountService(ConcordatDb db, UserManager<Person> users, TimeProvider clock)
{
    /// <summary>The signed-in person, as the one acting on an account.</summary>
    public async Task<AccountActor> ActorAsync(Guid personId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(p => p.Id == personId).Select(p => new AccountActor(p.Id, p.DisplayName, p.IsAdministrator)).SingleOrDefaultAsync(ct)
        ?? throw new ForbiddenException("Your account no longer exists.");

    public async Task<AccountSummary> SummaryAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("look after people's accounts");
        var person = await FindAsync(personId, ct);
        return new AccountSummary(person.Id, person.DisplayName, person.Email!, person.PasswordHash is not null, person.DeactivatedAtUtc is not null, person.IsAdministrator,
            person.TwoFactorEnabled);
    }

    /// <summary>The person changes their own password; every other session of theirs ends (the caller signs this one in again).</summary>
    public async Task<Person> ChangePasswordAsync(Guid personId, string? current, string? replacement, CancellationToken ct)
    {
        var person = await FindAsync(personId, ct);
        var errors = new InputErrors();
        if (string.IsNullOrEmpty(current))
        {
            errors.Add("CurrentPassword", "Enter your current password");
        }
        else if (!await users.CheckPasswordAsync(person, current))
        {
            errors.Add("CurrentPassword", "Your current password is not correct");
        }
        if (string.IsNullOrEmpty(replacement))
        {
            errors.Add("NewPassword", "Enter a new password");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, person, replacement);
                foreach (var error in result.Errors)
                {
                    errors.Add("NewPassword", error.Description);
                }
            }
        }
        errors.ThrowIfAny();
        person.PasswordHash = users.PasswordHasher.HashPassword(person, replacement!);
        await EndSessionsAsync(person, person.Id, person.DisplayName, "PasswordChanged", null, ct);
        return person;
    }

    /// <summary>Ends every session of the person: cookies issued before stop working at their next request.</summary>
    public async Task EndSessionsAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("end someone's sessions");
        await EndSessionsAsync(await FindAsync(personId, ct), actor.PersonId, actor.Name, "SessionsEnded", null, ct);
    }

    /// <summary>
    /// The person can no longer sign in, their sessions end and their API tokens are refused; their history stays.
    /// Only an administrator deactivates, because an account may belong to several systems: a convenor removes the
    /// person from their own system instead (<see cref="PeopleService.RemoveAsync"/>).
    /// </summary>
    public async Task DeactivateAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("deactivate people");
        if (personId == actor.PersonId)
        {
            throw new InputInvalidException("PersonId", "You cannot deactivate your own account");
        }
        var person = await FindAsync(personId, ct);
        if (person.DeactivatedAtUtc is not null)
        {
            return;
        }
        person.DeactivatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await EndSessionsAsync(person, actor.PersonId, actor.Name, "PersonDeactivated", null, ct);
    }

    public async Task ReactivateAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("reactivate people");
        var person = await FindAsync(personId, ct);
        if (person.DeactivatedAtUtc is null)
        {
            return;
        }
        person.DeactivatedAtUtc = null;
        await AccountAudit.RecordAsync(db, person, actor.PersonId, actor.Name, clock.GetUtcNow().UtcDateTime, "PersonReactivated", null, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A single-use link with which the person sets a new password, given by an administrator (there is no email yet to
    /// send it by). The old password stops working at once and every session ends, so a reset also shuts out anyone
    /// who knew the old one. The link is an invitation link, in one of the person's systems.
    /// </summary>
    public async Task<string> CreateResetLinkAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("reset passwords");
        var person = await FindAsync(personId, ct);
        var systemId = await db.Memberships.IgnoreQueryFilters().Where(m => m.PersonId == personId)
            .OrderBy(m => m.CreatedAtUtc).Select(m => (Guid?)m.SystemId).FirstOrDefaultAsync(ct)
            ?? throw new InputInvalidException("PersonId", $"{person.DisplayName} belongs to no system, so a link cannot be made; set a password at the command line");
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var open in db.Invitations.IgnoreQueryFilters().Where(i => i.PersonId == personId && i.UsedAtUtc == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            open.UsedAtUtc = now;
        }
        var secret = Secrets.New("inv_");
        db.Invitations.Add(new Invitation
        {
            SystemId = systemId, PersonId = personId, SecretHash = Secrets.Hash(secret),
            CreatedAtUtc = now, ExpiresAtUtc = now + Invitation.Lifetime, CreatedByPersonId = actor.PersonId ?? Guid.Empty,
        });
        person.PasswordHash = null;
        await EndSessionsAsync(person, actor.PersonId, actor.Name, "PasswordReset", null, ct);
        return secret;
    }

    private async Task EndSessionsAsync(Person person, Guid? byId, string byName, string action, IReadOnlyDictionary<string, string?>? after, CancellationToken ct)
    {
        person.SecurityStamp = Guid.NewGuid().ToString();
        await AccountAudit.RecordAsync(db, person, byId, byName, clock.GetUtcNow().UtcDateTime, action, after, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Person> FindAsync(Guid personId, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("There is no such person.");
}

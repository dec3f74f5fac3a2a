using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Concordat.Web.Pages.Account;

/// <summary>
/// Signs a person in with their email address and password so that the answer and the work done are the same
/// whether the account exists, has no password yet, is locked, is deactivated or the password is wrong: exactly one
/// password hash is checked on every path (against a stand-in hash when there is no real one), and the caller learns
/// only whether it succeeded. Identity's own PasswordSignInAsync skips the hash for unknown and locked accounts, which
/// let anyone tell them apart by time.
/// </summary>
public enum SignInOutcome
{
    Refused,
    SignedIn,

    /// <summary>The password was right; the person still has to give a code from their authenticator app.</summary>
    SecondStepNeeded,
}

public sealed class PasswordSignIn(UserManager<Person> users, SignInManager<Person> signIn, IPasswordHasher<Person> hasher, ConcordatDb db,
    TimeProvider clock, ILogger<PasswordSignIn> log)
{
    private static readonly Person Nobody = new() { DisplayName = "", UserName = "" };
    private static string? standInHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken ct)
    {
        var person = await users.FindByEmailAsync(email);
        var now = clock.GetUtcNow().UtcDateTime;
        if (person?.PasswordHash is null)
        {
            standInHash ??= hasher.HashPassword(Nobody, Secrets.New("none_"));
            hasher.VerifyHashedPassword(Nobody, standInHash, password);
            if (person is null)
            {
                log.LogInformation("Sign-in refused for an address that has no account");
                return SignInOutcome.Refused;
            }
            await AuditAsync(person, now, "SignInFailed", "The account has no password yet", ct);
            return SignInOutcome.Refused;
        }
        var correct = await users.CheckPasswordAsync(person, password);
        if (person.DeactivatedAtUtc is not null || await users.IsLockedOutAsync(person))
        {
            await AuditAsync(person, now, "SignInRefused", person.DeactivatedAtUtc is not null ? "The account is deactivated" : "The account is locked", ct);
            return SignInOutcome.Refused;
        }
        if (!correct)
        {
            await AuditAsync(person, now, "SignInFailed", "Wrong password", ct);
            // Counts the failure and saves, with the audit event above, in one write.
            await users.AccessFailedAsync(person);
            if (await users.IsLockedOutAsync(person))
            {
                await AuditAsync(person, now, "AccountLockedOut", "Too many failed attempts", ct);
                await db.SaveChangesAsync(ct);
            }
            return SignInOutcome.Refused;
        }
        if (person.TwoFactorEnabled)
        {
            // The failure count is reset, and the sign-in audited, only once the second step is passed too.
            await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, SecondStep.Pending(person));
            return SignInOutcome.SecondStepNeeded;
        }
        await AuditAsync(person, now, "SignedIn", null, ct);
        await users.ResetAccessFailedCountAsync(person);
        await db.SaveChangesAsync(ct);
        await signIn.SignInAsync(person, isPersistent: false);
        return SignInOutcome.SignedIn;
    }

    private Task AuditAsync(Person person, DateTime now, string action, string? reason, CancellationToken ct) =>
        AccountAudit.RecordOwnAsync(db, person, now, action, ct, reason is null ? null : new SortedDictionary<string, string?> { ["Reason"] = reason });
}

using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Concordat.Core.People;

/// <summary>What a person needs to add an authenticator app: the key to type in, or the otpauth link a QR code carries.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri);

/// <summary>
/// Two-step verification with an authenticator app (TOTP, RFC 6238, through Identity's authenticator token provider)
/// and single-use recovery codes. Required of convenors and administrators, who can change everyone's view of a
/// system, unless the deployment turns the requirement off (<c>Security:RequireTwoFactorForConvenors</c>, off only in
/// the demo's development settings); optional for everyone else.
/// </summary>
public sealed class TwoStepVerification(ConcordatDb db, UserManager<Person> users, IConfiguration configuration, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Concordat";

    /// <summary>Where Identity's store keeps the authenticator key and recovery codes among a person's tokens.</summary>
    private const string IdentityStore = "[AspNetUserStore]";

    /// <summary>Whether this person must use a second step: an administrator, or a convenor of any system.</summary>
    public async Task<bool> IsRequiredAsync(Person person, CancellationToken ct) =>
        configuration.GetValue("Security:RequireTwoFactorForConvenors", true)
        && (person.IsAdministrator || await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.PersonId == person.Id && m.Role == Role.Convenor, ct));

    /// <summary>The key to add to an authenticator app; a new one unless the person already has one they have not yet confirmed.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(Person person)
    {
        if (person.TwoFactorEnabled)
        {
            // A new key now would silently replace the one their app holds.
            throw new InvalidOperationException("Two-step verification is already on.");
        }
        var key = await users.GetAuthenticatorKeyAsync(person);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that also renews the security stamp, which would end the very session
            // that is setting the app up.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(person, IdentityStore, "AuthenticatorKey", key);
        }
        var label = Uri.EscapeDataString($"{Issuer}:{person.Email}");
        return new AuthenticatorSetup(Grouped(key!), $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
    }

    /// <summary>
    /// Turns the second step on once the person proves their app has the key, and gives them their recovery codes,
    /// shown once. Their other sessions end (a new security stamp); the caller signs this one in again.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnableAsync(Person person, string? code, CancellationToken ct)
    {
        await RequireCodeAsync(person, code);
        await users.SetTwoFactorEnabledAsync(person, true);
        var codes = await NewCodesAsync(person);
        await AccountAudit.RecordOwnAsync(db, person, clock.GetUtcNow().UtcDateTime, "TwoStepTurnedOn", ct);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>
    /// New recovery codes; the old ones stop working. A current code from the app is asked for, so that someone who
    /// finds a session left open cannot make themselves a lasting second step.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(Person person, string? code, CancellationToken ct)
    {
        if (!person.TwoFactorEnabled)
        {
            throw new InputInvalidException("Code", "Turn on two-step verification first");
        }
        await RequireCodeAsync(person, code);
        var codes = await NewCodesAsync(person);
        await AccountAudit.RecordOwnAsync(db, person, clock.GetUtcNow().UtcDateTime, "RecoveryCodesReplaced", ct);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>The person turns the second step off with a current code, which those who must use it cannot.</summary>
    public async Task DisableAsync(Person person, string? code, CancellationToken ct)
    {
        if (await IsRequiredAsync(person, ct))
        {
            throw new InputInvalidException("Code", "Convenors and administrators must keep two-step verification on");
        }
        await RequireCodeAsync(person, code);
        await TurnOffAsync(person, person.Id, person.DisplayName, "TwoStepTurnedOff", ct);
    }

    /// <summary>
    /// An administrator turns someone's second step off when they have lost their phone and their recovery codes;
    /// their sessions end, and one who must use it sets it up again at their next sign-in.
    /// </summary>
    public async Task ResetAsync(Guid personId, AccountActor actor, CancellationToken ct)
    {
        actor.RequireAdministrator("reset someone's two-step verification");
        var person = await users.FindByIdAsync(personId.ToString()) ?? throw new NotFoundException("There is no such person.");
        await TurnOffAsync(person, actor.PersonId, actor.Name, "TwoStepReset", ct);
    }

    private async Task TurnOffAsync(Person person, Guid? byId, string byName, string action, CancellationToken ct)
    {
        await users.SetTwoFactorEnabledAsync(person, false);
        await users.RemoveAuthenticationTokenAsync(person, IdentityStore, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(person, IdentityStore, "RecoveryCodes");
        await AccountAudit.RecordAsync(db, person, byId, byName, clock.GetUtcNow().UtcDateTime, action, null, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireCodeAsync(Person person, string? code)
    {
        var digits = Digits(code);
        if (digits.Length == 0)
        {
            throw new InputInvalidException("Code", "Enter the 6-digit code your authenticator app shows");
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(person))
            || !await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            throw new InputInvalidException("Code", "The code is not right: enter the 6-digit code your authenticator app shows now");
        }
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(Person person) =>
        [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount) ?? [])];

    /// <summary>What the person typed, without the spaces and hyphens apps and people put in codes.</summary>
    public static string Digits(string? code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))).ToLower(CultureInfo.InvariantCulture)));
}

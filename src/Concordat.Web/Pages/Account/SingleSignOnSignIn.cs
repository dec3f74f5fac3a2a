using System.Security.Claims;
using Concordat.Core.Data;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Concordat.Web.Pages.Account;

public enum SingleSignOnOutcome
{
    SignedIn,

    /// <summary>The person has Concordat's two-step verification on and the provider did not say it asked for a second factor.</summary>
    SecondStepNeeded,

    /// <summary>The provider gave no address, or did not say it verified it: nothing is matched.</summary>
    NoVerifiedEmail,

    /// <summary>No account has the address, or its account is deactivated.</summary>
    NoAccount,
}

/// <summary>
/// Turns an identity the provider vouched for into a Concordat session, by one rule: the person whose email address is
/// the provider's verified address (compared as Identity normalises it). No account is made or linked, and no other
/// claim is trusted, so the provider can only let in people a convenor has already added.
/// </summary>
public sealed class SingleSignOnSignIn(UserManager<Person> users, SignInManager<Person> signIn, ConcordatDb db, TimeProvider clock,
    IOptions<SingleSignOnSettings> options, ILogger<SingleSignOnSignIn> log)
{
    private readonly SingleSignOnSettings _settings = options.Value;

    public string Method => $"{_settings.DisplayName} (single sign-on)";

    /// <summary>The address the provider gave, whether or not it was verified, to name on the answer page.</summary>
    public string? Email(ClaimsPrincipal external) => external.FindFirstValue(_settings.EmailClaim)?.Trim();

    public async Task<SingleSignOnOutcome> SignInAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        var email = Email(external);
        if (string.IsNullOrEmpty(email))
        {
            log.LogInformation("Single sign-on refused: the provider gave no email address");
            return SingleSignOnOutcome.NoVerifiedEmail;
        }
        var person = await users.FindByEmailAsync(email);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_settings.RequireVerifiedEmail && !IsTrue(external.FindFirstValue(_settings.EmailVerifiedClaim)))
        {
            if (person is not null)
            {
                await AuditAsync(person, now, "SignInFailed", new() { ["Method"] = Method, ["Reason"] = "The provider did not verify the email address" }, ct);
            }
            return SingleSignOnOutcome.NoVerifiedEmail;
        }
        if (person is null)
        {
            log.LogInformation("Single sign-on refused for an address that has no account");
            return SingleSignOnOutcome.NoAccount;
        }
        if (person.DeactivatedAtUtc is not null)
        {
            await AuditAsync(person, now, "SignInRefused", new() { ["Method"] = Method, ["Reason"] = "The account is deactivated" }, ct);
            return SingleSignOnOutcome.NoAccount;
        }
        var providerAskedSecondFactor = external.FindAll("amr").Any(c => _settings.MultiFactorMethods.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
        if (person.TwoFactorEnabled && !providerAskedSecondFactor)
        {
            // As after a right password: the code page signs in, and audits it, once the code is right.
            await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, SecondStep.Pending(person));
            return SingleSignOnOutcome.SecondStepNeeded;
        }
        await AuditAsync(person, now, "SignedIn", new() { ["Method"] = Method }, ct);
        // The principal SignInManager would make (security stamp, name, PersonClaims' markers) and sign in with, except
        // that the provider's own second factor satisfies the rule that convenors and administrators use one.
        var principal = await signIn.CreateUserPrincipalAsync(person);
        if (providerAskedSecondFactor && principal.Identity is ClaimsIdentity identity)
        {
            foreach (var marker in identity.FindAll(PersonClaims.TwoStepSetupNeeded).ToList())
            {
                identity.RemoveClaim(marker);
            }
        }
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return SingleSignOnOutcome.SignedIn;
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var verified) && verified;

    private async Task AuditAsync(Person person, DateTime now, string action, SortedDictionary<string, string?> details, CancellationToken ct)
    {
        await AccountAudit.RecordOwnAsync(db, person, now, action, ct, details);
        await db.SaveChangesAsync(ct);
    }
}

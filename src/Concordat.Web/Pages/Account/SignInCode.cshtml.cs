using Concordat.Core.People;
using Concordat.Core.Data;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Concordat.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the person's authenticator app, or one of their recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(SignInManager<Person> signIn, ConcordatDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public const string FailureMessage = "The code is not right: enter the 6-digit code your authenticator app shows now, or one of your recovery codes";

    /// <summary>A recovery code as Identity made it (two groups of five, upper case, joined by a hyphen), however it was typed.</summary>
    private static string RecoveryCode(string typed) =>
        typed.Length == 10 ? $"{typed[..5]}-{typed[5..]}".ToUpperInvariant() : typed.ToUpperInvariant();

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var person = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (person is null)
        {
            // The password step was not done, or so long ago that its cookie has gone.
            return Redirect("/sign-in");
        }
        var code = TwoStepVerification.Digits(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app, or a recovery code");
            return this.InvalidInput();
        }
        // Authenticator codes are six digits; recovery codes are longer and have letters.
        var recovery = code.Length != 6 || !code.All(char.IsAsciiDigit);
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code))
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var now = clock.GetUtcNow().UtcDateTime;
        if (result.Succeeded)
        {
            await AccountAudit.RecordOwnAsync(db, person, now, "SignedIn", ct,
                new SortedDictionary<string, string?> { ["Second step"] = recovery ? "A recovery code" : "An authenticator app" });
            await db.SaveChangesAsync(ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/systems");
        }
        await AccountAudit.RecordOwnAsync(db, person, now, result.IsLockedOut ? "AccountLockedOut" : "SignInFailed", ct,
            new SortedDictionary<string, string?> { ["Reason"] = result.IsLockedOut ? "Too many failed attempts" : "Wrong code at the second step" });
        await db.SaveChangesAsync(ct);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? SignInModel.FailureMessage : FailureMessage);
        return this.InvalidInput();
    }
}

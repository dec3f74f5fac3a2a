using Concordat.Core.Data;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<Person> signIn, UserManager<Person> users, ConcordatDb db, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// Ends every session of the person, not only this browser's: a new security stamp makes any copy of any of their
    /// cookies worthless (see <see cref="Sessions"/>).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.FindByIdAsync(User.PersonId().ToString()) is { } person)
        {
            await AccountAudit.RecordOwnAsync(db, person, clock.GetUtcNow().UtcDateTime, "SignedOut", ct);
            // Saves the audit event with the new stamp.
            await users.UpdateSecurityStampAsync(person);
        }
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}

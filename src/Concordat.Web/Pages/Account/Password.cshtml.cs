using Concordat.Core.Access;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Account;

public sealed class PasswordModel(AccountService accounts, SignInManager<Person> signIn) : PageModel
{
    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var person = await accounts.ChangePasswordAsync(User.PersonId(), Input.CurrentPassword, Input.NewPassword, ct);
            // The change gave the person a new security stamp, which ended this session too: this browser gets a new one.
            await signIn.SignInAsync(person, isPersistent: false);
            this.Succeeded("Your password has been changed. Every other session of yours has ended.");
            return Redirect("/account");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }
}

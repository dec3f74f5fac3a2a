using Concordat.Core.Access;
using Concordat.Core.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.People;

[AllowAnonymous]
public sealed class InvitationModel(PeopleService people, SignInManager<Person> signIn) : PageModel
{
    public sealed class PasswordInput
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        await LoadInviteeAsync(secret, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken ct)
    {
        await LoadInviteeAsync(secret, ct);
        if (!string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Passwords do not match");
            return this.InvalidInput();
        }
        try
        {
            var person = await people.AcceptInvitationAsync(secret, Input.Password, ct);
            await signIn.SignInAsync(person, isPersistent: false);
            this.Succeeded("Your password is set and you are signed in");
            return Redirect("/systems");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadInviteeAsync(string secret, CancellationToken ct)
    {
        var person = await people.FindInviteeAsync(secret, ct)
            ?? throw new NotFoundException("This invitation link is not valid: it may have been used already or have expired. Ask your convenor for a new one.");
        DisplayName = person.DisplayName;
        Email = person.Email ?? "";
    }
}

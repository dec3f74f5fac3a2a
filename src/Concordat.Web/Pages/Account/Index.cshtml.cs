using Concordat.Core.Access;
using Concordat.Core.People;
using Concordat.Core.Tokens;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Account;

public sealed class AccountModel(UserManager<Person> users, TokenService tokens) : PageModel
{
    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public int? ExpiresInDays { get; set; }
    }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoStepOn { get; private set; }
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];
    /// <summary>The token just created, shown once: its name and secret.</summary>
    public (string Name, string Secret)? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The secret travels once, through encrypted temp data, from the POST that made it to this page; it is never stored.
        if (TempData["NewTokenName"] is string name && TempData["NewTokenSecret"] is string secret)
        {
            Created = (name, secret);
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            ModelState.Remove("Input.ExpiresInDays");
            ModelState.AddModelError("Input.ExpiresInDays", "Expiry must be a whole number of days");
            return this.InvalidInput();
        }
        try
        {
            var created = await tokens.CreateAsync(User.PersonId(), new CreateToken(Input.Name, Input.ExpiresInDays), ct);
            TempData["NewTokenName"] = created.Name;
            TempData["NewTokenSecret"] = created.Secret;
            return RedirectToPage();
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e);
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        await tokens.RevokeAsync(User.PersonId(), tokenId, ct);
        this.Succeeded("Token revoked: it can no longer be used");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var person = await users.GetUserAsync(User) ?? throw new NotFoundException("Your account no longer exists.");
        DisplayName = person.DisplayName;
        Email = person.Email ?? "";
        TwoStepOn = person.TwoFactorEnabled;
        Tokens = await tokens.ListAsync(person.Id, ct);
    }
}

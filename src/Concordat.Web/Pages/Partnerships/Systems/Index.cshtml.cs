using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Partnerships.Systems;

public sealed class SystemsModel(SystemDirectory directory, AccountService accounts) : PageModel
{
    public IReadOnlyList<SystemMembershipSummary> Systems { get; private set; } = [];

    /// <summary>Administrators create systems here, so they always see this page.</summary>
    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Systems = await directory.ForPersonAsync(User.PersonId(), ct);
        IsAdministrator = (await accounts.ActorAsync(User.PersonId(), ct)).IsAdministrator;
        // Nothing to choose between: go straight in, keeping any success message for the next page.
        if (Systems.Count == 1 && !IsAdministrator)
        {
            TempData.Keep();
            return Redirect($"/systems/{Systems[0].Id}");
        }
        return Page();
    }
}

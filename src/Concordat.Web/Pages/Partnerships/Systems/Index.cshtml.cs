using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Partnerships.Systems;

public sealed class SystemsModel(SystemDirectory directory, AccountService accounts, Concordat.Core.National.NationalBodyService nationalBodies) : PageModel
{
    public IReadOnlyList<SystemMembershipSummary> Systems { get; private set; } = [];

    /// <summary>Administrators create systems here, so they always see this page.</summary>
    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Systems = await directory.ForPersonAsync(User.PersonId(), ct);
        IsAdministrator = (await accounts.ActorAsync(User.PersonId(), ct)).IsAdministrator;
        // A national partner belongs to no system: their home is their body's.
        if (Systems.Count == 0 && !IsAdministrator && await nationalBodies.PartnerOfAsync(User.PersonId(), ct) is not null)
        {
            TempData.Keep();
            return Redirect("/national");
        }
        // Nothing to choose between: go straight in, keeping any success message for the next page.
        if (Systems.Count == 1 && !IsAdministrator)
        {
            TempData.Keep();
            return Redirect($"/systems/{Systems[0].Id}");
        }
        return Page();
    }
}

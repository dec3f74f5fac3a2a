using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Partnerships.Systems;

public sealed class SystemsModel(SystemDirectory directory) : PageModel
{
    public IReadOnlyList<SystemMembershipSummary> Systems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Systems = await directory.ForPersonAsync(User.PersonId(), ct);
        // Nothing to choose between: go straight in, keeping any success message for the next page.
        if (Systems.Count == 1)
        {
            TempData.Keep();
            return Redirect($"/systems/{Systems[0].Id}");
        }
        return Page();
    }
}

using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Concordat.Web.Pages.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Partnerships.Systems;

/// <summary>An administrator creates a system with its first convenor; outside any system, as the system does not exist yet.</summary>
public sealed class NewSystemModel(SystemService systems, AccountService accounts) : PageModel
{
    /// <summary>The fields of the form; names match <see cref="CreateSystem"/> so errors land beside them.</summary>
    public sealed class SystemForm
    {
        public string? Name { get; set; }
        public string? OrganisationName { get; set; }
        public OrganisationType? OrganisationType { get; set; } = Core.Partnerships.OrganisationType.IntegratedCareBoard;
        public string? OdsCode { get; set; }
        public string? ConvenorName { get; set; }
        public string? ConvenorEmail { get; set; }
    }

    [BindProperty]
    public SystemForm Input { get; set; } = new();

    // A convenor acts for one of the system's partners, never a national body.
    public IEnumerable<SelectListItem> TypeOptions => Enum.GetValues<OrganisationType>().Where(t => t != OrganisationType.NationalBody)
        .Select(t => new SelectListItem(t.InWords(), t.ToString(), t == Input.OrganisationType));

    public async Task OnGetAsync(CancellationToken ct) => await this.AdministratorAsync(accounts, "create systems", ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await this.AdministratorAsync(accounts, "create systems", ct);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.OrganisationType", "Select the type of organisation");
            return this.InvalidInput();
        }
        try
        {
            var created = await systems.CreateAsync(new CreateSystem(Input.Name, Input.OrganisationName, Input.OrganisationType, Input.OdsCode,
                Input.ConvenorName, Input.ConvenorEmail), actor, ct);
            // Post/redirect/get: the link travels once, through encrypted temp data, to the page that shows it.
            if (created.InvitationSecret is { } secret)
            {
                TempData["InvitationLink"] = InvitationLinks.For(Request, secret);
            }
            TempData["ConvenorEmail"] = Input.ConvenorEmail?.Trim();
            return Redirect($"/systems/{created.SystemId}/created");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }
}

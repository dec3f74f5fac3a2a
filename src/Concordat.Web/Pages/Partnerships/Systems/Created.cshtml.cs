using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Systems;

/// <summary>Shown once after a system is created: its first convenor, and their invitation link when they have no password yet.</summary>
public sealed class SystemCreatedModel : SystemPageModel
{
    public string? Link { get; private set; }
    public string? ConvenorEmail { get; private set; }

    public IActionResult OnGet()
    {
        // Both travel once through encrypted temp data and are gone after this page.
        if (TempData["ConvenorEmail"] is not string email)
        {
            return Redirect(SystemHome);
        }
        ConvenorEmail = email;
        Link = TempData["InvitationLink"] as string;
        return Page();
    }
}

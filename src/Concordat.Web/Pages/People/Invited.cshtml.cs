using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.People;

public sealed class InvitedModel : SystemPageModel
{
    public string? Link { get; private set; }

    /// <summary>The person just added, when the link is their first; null for a new link for someone already here.</summary>
    public string? AddedName { get; private set; }

    public IActionResult OnGet()
    {
        // The link travels once through encrypted temp data and is gone after this page.
        if (TempData["InvitationLink"] is not string link)
        {
            return Redirect($"{SystemHome}/people");
        }
        Link = link;
        AddedName = TempData["InvitedName"] as string;
        return Page();
    }
}

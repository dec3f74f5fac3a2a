using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

public sealed class GoalsModel(GoalService goals, AgreementService agreement, OrganisationService organisations) : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public GoalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PlaceId { get; set; }

    /// <summary>Goals this organisation leads or owns (<see cref="GoalFilter.OrganisationId"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PlaceOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public bool CanDraft => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role == Role.OrganisationLead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var places = await organisations.PlacesAsync(ct);
        var partners = await organisations.ListAsync(ct);
        StatusOptions = [new("Any status", ""), .. Enum.GetValues<GoalStatus>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Status))];
        PlaceOptions = [new("Any place", ""), .. places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == PlaceId))];
        OrganisationOptions = [new("Any organisation", ""), .. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OrganisationId))];
        if (!ModelState.IsValid)
        {
            // Filters come from links and selects; one that cannot be read is ignored rather than failing the page.
            ModelState.Clear();
            Status = null;
            PlaceId = null;
            OrganisationId = null;
        }
        await agreement.SettleAllOverdueAsync(ct);
        Goals = await goals.ListAsync(new GoalFilter(Status, PlaceId, OrganisationId), ct);
        return Page();
    }
}

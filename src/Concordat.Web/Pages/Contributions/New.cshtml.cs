using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Contributions;

public sealed class NewContributionModel(GoalService goals, ContributionService contributions) : SystemPageModel, IContributionFormPage
{
    [FromRoute]
    public Guid GoalId { get; set; }

    [BindProperty]
    public ContributionForm Input { get; set; } = new() { CheckInCadenceDays = "31" };

    public string GoalTitle { get; private set; } = "";
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            var contribution = await contributions.CommitAsync(GoalId, Input.ToInput(ModelState), Actor, ct);
            this.Succeeded("Contribution committed: it is proposed until accepted");
            return Redirect($"{SystemHome}/contributions/{contribution.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        GoalTitle = (await goals.GetAsync(GoalId, ct)).Title;
        var mine = Actor.Memberships.Where(m => m.Role == Role.OrganisationLead).ToList();
        if (mine.Count == 0)
        {
            throw new ForbiddenException("Only an organisation's lead can commit its contribution.");
        }
        OrganisationOptions = mine.Select(m => new SelectListItem(m.OrganisationName, m.OrganisationId.ToString(), m.OrganisationId == Input.OrganisationId)).ToList();
    }
}

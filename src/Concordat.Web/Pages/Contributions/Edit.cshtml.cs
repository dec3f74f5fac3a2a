using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Contributions;

public sealed class EditContributionModel(ContributionService contributions) : SystemPageModel, IContributionFormPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ContributionForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public string Heading { get; private set; } = "";
    public EditConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        Input = ContributionForm.From(detail.Contribution);
        Version = detail.Contribution.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            await contributions.VaryAsync(Id, Input.ToInput(ModelState), Version, Actor, ct);
            this.Succeeded("Contribution changed");
            return Redirect($"{SystemHome}/contributions/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            Version = (await contributions.GetAsync(Id, ct)).Contribution.Version;
            Conflict = this.ShowEditConflict(e);
            return Page();
        }
    }

    private async Task<ContributionDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await contributions.GetAsync(Id, ct);
        if (!Actor.IsLeadOf(detail.Contribution.OrganisationId))
        {
            throw new ForbiddenException("Only a lead of the organisation can change its contribution.");
        }
        Heading = $"{detail.Organisation}: {detail.GoalTitle}";
        return detail;
    }
}

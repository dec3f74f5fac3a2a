using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class EditGoalModel(GoalService goals, OrganisationService organisations, GovernanceForumService forums, AmbitionService ambitions) : EditPageModel, IGoalFormPage
{
    [BindProperty]
    public GoalForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<ForumDetail> Forums { get; private set; } = [];
    public IReadOnlyList<Ambition> Ambitions { get; private set; } = [];
    public string CurrentTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var goal = await LoadAsync(ct);
        if (!GoalService.CanEditDraft(Actor, goal.LeadOrganisationId, goal.Owners.JointOwners.Select(o => o.Id)))
        {
            throw new ForbiddenException("Only a convenor or a lead of one of the goal's owning organisations can change a draft goal.");
        }
        Input = GoalForm.From(goal);
        Version = goal.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var input = Input.ToInput();
        return await SaveAsync(() => goals.UpdateAsync(Id, input, Version, Actor, ct), "Changes saved", $"{SystemHome}/goals/{Id}");
    }

    private async Task<GoalDetail> LoadAsync(CancellationToken ct)
    {
        var goal = await goals.GetAsync(Id, ct);
        CurrentTitle = goal.Title;
        Places = await organisations.PlacesOfferedAsync([.. goal.Places.Select(p => p.Id)], ct);
        Organisations = await organisations.ListAsync(ct);
        Forums = await forums.ListAsync(ct);
        Ambitions = [.. (await ambitions.ArrangementAsync(ct)).Ambitions.Select(a => a.Ambition)];
        return goal;
    }
}

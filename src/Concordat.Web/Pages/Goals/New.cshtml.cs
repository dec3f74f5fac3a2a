using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class NewGoalModel(GoalService goals, OrganisationService organisations, GovernanceForumService forums, AmbitionService ambitions) : SystemPageModel, IGoalFormPage
{
    [BindProperty]
    public GoalForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<ForumDetail> Forums { get; private set; } = [];
    public IReadOnlyList<Ambition> Ambitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Goal.RequireDrafter(Actor);
        Input.LeadOrganisationId = Actor.PrimaryMembership?.OrganisationId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var input = Input.ToInput();
        try
        {
            var goal = await goals.CreateAsync(input, Actor, ct);
            this.Succeeded($"Draft goal \"{goal.Title}\" saved");
            return Redirect($"{SystemHome}/goals/{goal.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await organisations.PlacesOfferedAsync([], ct);
        Organisations = await organisations.ListAsync(ct);
        Forums = await forums.ListAsync(ct);
        Ambitions = [.. (await ambitions.ArrangementAsync(ct)).Ambitions.Select(a => a.Ambition)];
    }
}

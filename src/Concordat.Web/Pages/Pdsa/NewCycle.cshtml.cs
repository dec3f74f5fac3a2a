using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.Pdsa;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>Plans the first cycle of a new ramp testing a change idea.</summary>
public sealed class NewCycleModel(PdsaService cycles, OrganisationService organisations, PeopleService people, MeasureService measures) : SystemPageModel, IPlanFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid ChangeIdeaId { get; set; }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public string IdeaTitle { get; private set; } = "";
    public Guid GoalId { get; private set; }
    public IReadOnlyList<OrganisationSummary> Owners { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<MeasureSummary> Measures { get; private set; } = [];
    public string IdeaCycles => $"{SystemHome}/pdsa/ideas/{ChangeIdeaId}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.OwnerOrganisationId = Owners.Count == 1 ? Owners[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            var cycle = await cycles.PlanAsync(ChangeIdeaId, Input.ToInput(), Actor, ct);
            this.Succeeded($"{cycle.Label} planned");
            return Redirect($"{SystemHome}/pdsa/{cycle.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (IdeaTitle, GoalId) = await cycles.IdeaAsync(ChangeIdeaId, ct);
        (Owners, Partners, People, Measures) = await PlanChoices.LoadAsync(Actor, organisations, people, measures, ct);
        if (Owners.Count == 0)
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can plan a test of change.");
        }
    }
}

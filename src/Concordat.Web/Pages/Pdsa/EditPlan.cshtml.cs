using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.Pdsa;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>Changes a cycle's plan against the version read.</summary>
public sealed class EditPlanModel(PdsaService cycles, OrganisationService organisations, PeopleService people, MeasureService measures) : EditPageModel, IPlanFormPage
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public PdsaDetail Detail { get; private set; } = null!;
    public IReadOnlyList<OrganisationSummary> Owners { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<MeasureSummary> Measures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = PlanForm.Of(Detail);
        Version = Detail.Cycle.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        return await SaveAsync(() => cycles.UpdatePlanAsync(Id, Input.ToInput(), Version, Actor, ct), "Plan saved", $"{SystemHome}/pdsa/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await cycles.GetAsync(Id, ct);
        PdsaCycle.RequireOwner(Actor, Detail.Cycle.OwnerOrganisationId, "change this test's plan");
        (Owners, Partners, People, Measures) = await PlanChoices.LoadAsync(Actor, organisations, people, measures, ct);
        // Only a convenor hands the test to another organisation, so anyone else keeps the owner they have.
        if (!Actor.IsConvenor)
        {
            Owners = [.. Partners.Where(o => o.Id == Detail.Cycle.OwnerOrganisationId)];
        }
    }
}

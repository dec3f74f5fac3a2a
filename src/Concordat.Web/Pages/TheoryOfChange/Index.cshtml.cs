using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class TheoryOfChangeModel(TheoryOfChangeService theory, ContributionService contributions) : SystemPageModel, IChangeIdeaFormPage
{
    /// <summary>A driver's fields, for adding one here and changing one on its own page; names match the service's inputs so that errors land beside them.</summary>
    public sealed class DriverForm
    {
        public string? Title { get; set; }
        public List<Guid> PrimaryDriverIds { get; set; } = [];
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DriverForm Primary { get; set; } = new();

    [BindProperty]
    public DriverForm Secondary { get; set; } = new();

    [BindProperty]
    public ChangeIdeaForm Idea { get; set; } = new();

    public DriverDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public bool CanEdit => Actor.IsConvenor || Actor.IsLeadOf(Diagram.LeadOrganisationId);
    public bool CanAddIdeas => CanEdit || Contributions.Any(c => Actor.IsLeadOf(c.OrganisationId));

    /// <summary>Whether to offer to change the idea; the service decides again when it is saved.</summary>
    public bool CanChange(ChangeIdeaNode idea) =>
        CanEdit || idea.CarriedBy.Any(carrier => Contributions.Any(c => c.Id == carrier.Id && Actor.IsLeadOf(c.OrganisationId)));

    public string DriverLink(Guid driverId) => $"{SystemHome}/goals/{Id}/theory-of-change/drivers/{driverId}";

    public string IdeaLink(Guid ideaId) => $"{SystemHome}/goals/{Id}/theory-of-change/change-ideas/{ideaId}";

    public string CarrierLink(Guid ideaId, Guid contributionId) => $"{IdeaLink(ideaId)}/carriers/{contributionId}";

    public string Svg => DriverDiagramSvg.ToSvg(Diagram);

    public IEnumerable<SelectListItem> PrimaryOptions => Diagram.Primary.Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Secondary.PrimaryDriverIds.Contains(d.Driver.Id)));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPrimaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Primary, Primary.Title, null), Actor, ct), "Primary driver added", "Primary", ct);

    public Task<IActionResult> OnPostSecondaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Secondary, Secondary.Title, Secondary.PrimaryDriverIds), Actor, ct), "Secondary driver added", "Secondary", ct);

    public Task<IActionResult> OnPostIdeaAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddChangeIdeaAsync(Id, Idea.ToInput(), Actor, ct), "Change idea added", "Idea", ct);

    public Task<IActionResult> OnPostRemoveDriverAsync(Guid driverId, CancellationToken ct) =>
        ActAsync(() => theory.RemoveDriverAsync(Id, driverId, Actor, ct), "Driver removed", "", ct);

    public Task<IActionResult> OnPostRemoveIdeaAsync(Guid ideaId, CancellationToken ct) =>
        ActAsync(() => theory.RemoveChangeIdeaAsync(Id, ideaId, Actor, ct), "Change idea removed", "", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, string prefix, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await action();
            this.Succeeded(done);
            return Redirect($"{SystemHome}/goals/{Id}/theory-of-change");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Contributions = await contributions.ForGoalAsync(Id, ct);
    }
}

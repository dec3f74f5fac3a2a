using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class TheoryOfChangeModel(TheoryOfChangeService theory, ContributionService contributions, GoalService goals) : SystemPageModel, IChangeIdeaFormPage
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

    /// <summary>The goal to share a priority with.</summary>
    [BindProperty]
    public Guid? ShareGoalId { get; set; }

    /// <summary>Goals that are not retired, other than this one, that a priority of this goal could serve.</summary>
    public IReadOnlyList<GoalSummary> OtherGoals { get; private set; } = [];

    public DriverDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public bool CanEdit => Goal.CanShape(Actor, Diagram.Stewards);
    public bool CanAddIdeas => CanEdit || Contributions.Any(c => Actor.IsLeadOf(c.OrganisationId));

    /// <summary>Whether to offer to change the idea; the service decides again when it is saved.</summary>
    public bool CanChange(ChangeIdeaNode idea) => Diagram.IsOwn(idea.Idea.GoalId) && (CanEdit || idea.CarriedBy.Any(carrier => Contributions.Any(c => c.Id == carrier.Id && Actor.IsLeadOf(c.OrganisationId))));

    /// <summary>Whether the driver was entered in this goal and so is changed here; one under a priority shared from another goal is changed there.</summary>
    public bool IsOwn(DriverNode driver) => Diagram.IsOwn(driver.Driver.GoalId);

    /// <summary>The theory of change of the goal a priority, or a change idea under it, was entered in.</summary>
    public string HomeLink(Guid goalId) => $"{SystemHome}/goals/{goalId}/theory-of-change";

    /// <summary>The goals a priority of this goal could also serve: those it does not serve already.</summary>
    public IEnumerable<SelectListItem> ShareOptions(DriverNode primary) =>
        new[] { new SelectListItem("Select a goal", "") }.Concat(OtherGoals.Where(g => primary.Goals.All(s => s.Id != g.Id))
            .Select(g => new SelectListItem(g.Title, g.Id.ToString())));

    public string DriverLink(Guid driverId) => $"{SystemHome}/goals/{Id}/theory-of-change/drivers/{driverId}";

    /// <summary>An idea's page, under the goal it was entered in (another goal's, when it hangs from a shared priority).</summary>
    public string IdeaLink(Guid ideaId) => $"{SystemHome}/goals/{Diagram.ChangeIdeas.Single(i => i.Idea.Id == ideaId).Idea.GoalId}/theory-of-change/change-ideas/{ideaId}";

    public string CarrierLink(Guid ideaId, Guid contributionId) => $"{IdeaLink(ideaId)}/carriers/{contributionId}";

    public string Svg => DriverDiagramSvg.ToSvg(Diagram);

    public IEnumerable<SelectListItem> PrimaryOptions => Diagram.Primary.Where(IsOwn).Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Secondary.PrimaryDriverIds.Contains(d.Driver.Id)));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPrimaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Primary, Primary.Title, null), Actor, ct), "Primary driver added", "Primary", ct);

    public Task<IActionResult> OnPostSecondaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Secondary, Secondary.Title, Secondary.PrimaryDriverIds), Actor, ct), "Secondary driver added", "Secondary", ct);

    public Task<IActionResult> OnPostIdeaAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddChangeIdeaAsync(Id, Idea.ToInput(), Actor, ct), "Change idea added", "Idea", ct);

    public Task<IActionResult> OnPostRemoveDriverAsync(Guid driverId, CancellationToken ct) =>
        ActAsync(() => theory.RemoveDriverAsync(Id, driverId, Actor, ct), "Driver removed", "", ct);

    public Task<IActionResult> OnPostShareAsync(Guid driverId, CancellationToken ct) =>
        ActAsync(() => theory.ShareDriverAsync(Id, driverId, ShareGoalId ?? Guid.Empty, Actor, ct), "Priority shared", "", ct);

    /// <summary>Stops a priority serving a goal: from its home goal, or from the goal it was shared with.</summary>
    public Task<IActionResult> OnPostUnshareAsync(Guid homeGoalId, Guid driverId, Guid goalId, CancellationToken ct) =>
        ActAsync(() => theory.UnshareDriverAsync(homeGoalId, driverId, goalId, Actor, ct), "Priority no longer shared with that goal", "", ct);

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
        OtherGoals = [.. (await goals.ListAsync(new GoalFilter(), ct)).Where(g => g.Id != Id && g.Status != GoalStatus.Retired)];
    }
}

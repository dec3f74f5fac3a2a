using Concordat.Core.Access;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme.Iterations;

/// <summary>One iteration's items; planning backlog items into it, and closing it with the items to carry.</summary>
public sealed class IterationModel(IterationService iterations, WorkItemService items) : SystemPageModel
{
    [FromRoute]
    public Guid IterationId { get; set; }

    [BindProperty]
    public Guid? PlanItemId { get; set; }

    [BindProperty]
    public List<Guid> Carry { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public IterationDetail Detail { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> BacklogOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("iteration-items.csv", IterationService.ToTable((await iterations.GetAsync(IterationId, ct)).Items));

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        var item = PlanItemId is { } id ? (await items.ListAsync(new WorkItemFilter(), ct)).SingleOrDefault(c => c.Id == id) : null;
        if (item is null)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(PlanItemId), "Select an item from the backlog");
            return this.InvalidInput();
        }
        try
        {
            await iterations.PlanAsync(item.Id, IterationId, item.Version, Actor, ct);
            this.Succeeded($"{item.Title} planned in");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(PlanItemId), e.Errors.Values.First()[0]);
            return this.InvalidInput();
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        try
        {
            var iteration = await iterations.CloseAsync(IterationId, new CloseIteration(Carry), Version, Actor, ct);
            this.Succeeded($"{iteration.Name} closed: its retrospective is open");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Carry), e.Errors.Values.First()[0]);
            return this.InvalidInput();
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Carry), "Someone changed this iteration while you were looking: check it, then close it again");
            return this.InvalidInput();
        }
    }

    public bool CanChange(IterationItem item) => Actor.IsConvenor || Actor.CanContributeFor(item.OwnerOrganisationId);

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await iterations.GetAsync(IterationId, ct);
        Version = Detail.Iteration.Version;
        var backlog = (await items.ListAsync(new WorkItemFilter(), ct))
            .Where(c => c.Status != WorkItemStatus.Done && (Actor.IsConvenor || Actor.CanContributeFor(c.OwnerOrganisationId)) && Detail.Items.All(i => i.WorkItemId != c.Id))
            .ToList();
        BacklogOptions = [new("Choose an item", ""), .. backlog.Select(c => new SelectListItem($"{c.Title} ({c.OwnerOrganisation})", c.Id.ToString(), c.Id == PlanItemId))];
    }
}

using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Dependencies;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>One work item: where it stands, moving it (with why and whose move when blocked), planning it into an iteration, and its comments.</summary>
public sealed partial class ItemModel(WorkItemService items, OrganisationService organisations, TimeProvider clock, DependencyService dependencies,
    IterationService iterations) : SystemPageModel
{
    [FromRoute]
    public Guid ItemId { get; set; }

    [BindProperty]
    public WorkItemStatus? Status { get; set; }

    [BindProperty]
    public string? BlockedReason { get; set; }

    [BindProperty]
    public Guid? BlockedOnOrganisationId { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The iteration to plan the item into; none takes it back to the backlog.</summary>
    [BindProperty]
    public Guid? PlanIterationId { get; set; }

    public WorkItemDetail Detail { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> StatusOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> IterationOptions { get; private set; } = [];

    /// <summary>What is saved now, when someone planned or changed the item while the person was looking.</summary>
    public EditConflictView? Conflict { get; private set; }
    public DateTime NowUtc { get; private set; }
    public bool CanChange => Actor.IsConvenor || Actor.CanContributeFor(Detail.Card.OwnerOrganisationId);
    public bool CanComment => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Status, BlockedReason, BlockedOnOrganisationId, Version) = (Detail.Card.Status, Detail.Card.BlockedReason, Detail.Card.BlockedOnOrganisationId, Detail.Item.Version);
        PlanIterationId = Detail.Card.IterationId;
        await OptionsAsync(ct);
    }

    /// <summary>Plans the item into an open iteration, or (with none) back into the backlog, against the version the person read.</summary>
    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        try
        {
            var item = await iterations.PlanAsync(ItemId, PlanIterationId, Version, Actor, ct);
            this.Succeeded(item.IterationId is null ? "Returned to the backlog" : "Planned into the iteration");
            return Redirect($"{SystemHome}/work/items/{ItemId}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            (Status, BlockedReason, BlockedOnOrganisationId) = (Detail.Card.Status, Detail.Card.BlockedReason, Detail.Card.BlockedOnOrganisationId);
            await OptionsAsync(ct);
            ModelState.Clear();
            ModelState.AddModelError(nameof(PlanIterationId), e.Errors.Values.First()[0]);
            return this.InvalidInput();
        }
        catch (EditConflictException e)
        {
            await LoadAsync(ct);
            (Status, BlockedReason, BlockedOnOrganisationId) = (Detail.Card.Status, Detail.Card.BlockedReason, Detail.Card.BlockedOnOrganisationId);
            await OptionsAsync(ct);
            Version = e.CurrentVersion;
            Conflict = this.ShowEditConflict(e, "The item was not planned: check where it is planned now, then choose again.");
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        try
        {
            await items.MoveAsync(ItemId, new MoveWorkItem(Status, BlockedReason, BlockedOnOrganisationId), Version, Actor, ct);
            this.Succeeded($"Moved to {Status?.InWords()}");
            return Redirect($"{SystemHome}/work/items/{ItemId}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            await OptionsAsync(ct);
            return this.InvalidInput(e, prefix: "");
        }
        catch (EditConflictException e)
        {
            await LoadAsync(ct);
            await OptionsAsync(ct);
            Version = e.CurrentVersion;
            ModelState.AddModelError(nameof(Status), "Someone changed this item while you were looking: check where it is now, then move it again");
            return this.InvalidInput();
        }
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        try
        {
            await items.CommentAsync(ItemId, Comment, Actor, ct);
            this.Succeeded("Comment added");
            return Redirect($"{SystemHome}/work/items/{ItemId}#comments");
        }
        catch (InputInvalidException)
        {
            await LoadAsync(ct);
            await OptionsAsync(ct);
            Version = Detail.Item.Version;
            ModelState.Clear();
            ModelState.AddModelError(nameof(Comment), "Enter your comment");
            return this.InvalidInput();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await items.GetAsync(ItemId, ct);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        await LoadDependenciesAsync(ct);
    }

    private async Task OptionsAsync(CancellationToken ct)
    {
        StatusOptions = [.. Enum.GetValues<WorkItemStatus>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Status))];
        OrganisationOptions = [new("Choose the organisation", ""), .. (await organisations.ListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == BlockedOnOrganisationId))];
        if (CanChange)
        {
            // Only open iterations take items: an item done in a closed one stays recorded there.
            var open = (await iterations.ListAsync(ct)).Select(s => s.Iteration).Where(i => !i.IsClosed).OrderBy(i => i.Number);
            IterationOptions = [new("None: back to the backlog", "", PlanIterationId is null), .. open.Select(i => new SelectListItem(
                $"{i.Name}, {Prose.Dates(i.StartsOn, i.EndsOn)}", i.Id.ToString(), i.Id == PlanIterationId))];
        }
    }
}

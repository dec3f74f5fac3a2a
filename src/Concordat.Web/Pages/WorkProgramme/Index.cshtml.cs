using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>The programme's board (or list) across every partner, with its workstreams; filters narrow it.</summary>
public sealed class IndexModel(WorkstreamService workstreams, WorkItemService items, OrganisationService organisations, GoalService goals, IterationService iterations,
    TimeProvider clock, Core.WorkProgramme.Dependencies.DependencyService dependencies)
    : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? GoalId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? IterationId { get; set; }

    /// <summary>"list" for the sortable list; the board otherwise.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public IReadOnlyList<WorkstreamSummary> Workstreams { get; private set; } = [];
    public IReadOnlyList<WorkItemCard> Items { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WorkstreamOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> GoalOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> IterationOptions { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    /// <summary>Why each item is at risk from an off-track dependency, by item.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> AtRisk { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();
    public bool IsList => View == "list";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return CsvDownload.File("work-items.csv", WorkItemService.ToTable(Items, NowUtc));
    }

    /// <summary>A card's "Move to …": the owner's people and convenors move it; Blocked is chosen on the item's page, with its reason.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid itemId, Guid version, WorkItemStatus? status, CancellationToken ct)
    {
        try
        {
            await items.MoveAsync(itemId, new MoveWorkItem(status), version, Actor, ct);
            this.Succeeded("Work item moved");
        }
        catch (EditConflictException)
        {
            TempData["Problem"] = "Someone moved or changed that item while you were looking: the board now shows it as it is.";
        }
        catch (InputInvalidException)
        {
            TempData["Problem"] = "Choose where to move the item.";
        }
        return Redirect($"{SystemHome}/work{Request.QueryString}");
    }

    public bool CanChange(WorkItemCard card) => Actor.IsConvenor || Actor.CanContributeFor(card.OwnerOrganisationId);

    /// <summary>The partners the person works for, each with a link to its own view of the programme.</summary>
    public IReadOnlyList<(Guid Id, string Name)> OwnOrganisations { get; private set; } = [];

    public string? FilteredOrganisation { get; private set; }

    public bool CanAdd => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor);

    private async Task LoadAsync(CancellationToken ct)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Workstreams = await workstreams.ListAsync(ct);
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        var goalList = await goals.ListAsync(new GoalFilter(), ct);
        WorkstreamOptions = [new("Any workstream", ""), .. Workstreams.Select(w => new SelectListItem(w.Name, w.Id.ToString(), w.Id == WorkstreamId))];
        OwnOrganisations = [.. partners.Where(o => Actor.Memberships.Any(m => m.OrganisationId == o.Id)).Select(o => (o.Id, o.Name))];
        FilteredOrganisation = partners.Where(o => o.Id == OrganisationId).Select(o => o.Name).FirstOrDefault();
        OrganisationOptions = [new("Any organisation", ""), .. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OrganisationId))];
        GoalOptions = [new("Any goal", ""), .. goalList.Select(g => new SelectListItem(g.Title, g.Id.ToString(), g.Id == GoalId))];
        IterationOptions = [new("Any iteration", ""), .. (await iterations.ListAsync(ct)).Select(i => new SelectListItem(i.Iteration.Name, i.Iteration.Id.ToString(), i.Iteration.Id == IterationId))];
        if (!ModelState.IsValid)
        {
            // Filters come from links and selects; one that cannot be read is ignored rather than failing the page.
            ModelState.Clear();
            (WorkstreamId, OrganisationId, GoalId, IterationId) = (null, null, null, null);
        }
        var cards = await items.ListAsync(new WorkItemFilter(WorkstreamId, OrganisationId, GoalId, IterationId: IterationId), ct);
        AtRisk = await dependencies.AtRiskAsync(ct);
        Items = Sort switch
        {
            "title" => [.. cards.OrderBy(c => c.Title, StringComparer.CurrentCulture)],
            "owner" => [.. cards.OrderBy(c => c.OwnerOrganisation, StringComparer.CurrentCulture).ThenBy(c => c.Title, StringComparer.CurrentCulture)],
            "due" => [.. cards.OrderBy(c => c.DueOn ?? DateOnly.MaxValue).ThenBy(c => c.Title, StringComparer.CurrentCulture)],
            "age" => [.. cards.OrderBy(c => c.StatusSinceUtc)],
            _ => cards,
        };
    }
}

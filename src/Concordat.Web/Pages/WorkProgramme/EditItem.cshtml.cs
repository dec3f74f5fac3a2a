using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>Changes an item's fields; its status changes on the item's page, by a move.</summary>
public sealed class EditItemModel(WorkItemService items, WorkstreamService workstreams, OrganisationService organisations, PeopleService people) : EditPageModel
{
    [BindProperty]
    public WorkItemForm Input { get; set; } = new();

    public string CurrentTitle { get; private set; } = "";
    public IReadOnlyList<WorkstreamSummary> Workstreams { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Owners { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> ChangeIdeas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        Input = WorkItemForm.Of(detail);
        Version = detail.Item.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        return await SaveAsync(() => items.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/work/items/{Id}");
    }

    private async Task<WorkItemDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await items.GetAsync(Id, ct);
        WorkItem.RequireOwner(Actor, detail.Card.OwnerOrganisationId, "change this work item");
        CurrentTitle = detail.Card.Title;
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        // Only a convenor hands an item to another organisation, so a partner's form offers its own organisation alone.
        Owners = Actor.IsConvenor ? partners : [.. partners.Where(o => o.Id == detail.Card.OwnerOrganisationId)];
        Partners = partners;
        Workstreams = await workstreams.ListAsync(ct);
        People = await people.ListAsync(null, ct);
        ChangeIdeas = await items.ChangeIdeasOfferedAsync(detail.Card.WorkstreamId, ct);
        return detail;
    }
}

using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>Adds an item to a workstream's backlog, owned by an organisation the person works for (any partner, for a convenor).</summary>
public sealed class NewItemModel(WorkItemService items, WorkstreamService workstreams, OrganisationService organisations, PeopleService people) : SystemPageModel
{
    [BindProperty]
    public WorkItemForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    public IReadOnlyList<WorkstreamSummary> Workstreams { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Owners { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.WorkstreamId = WorkstreamId;
        Input.OwnerOrganisationId = Owners.Count == 1 ? Owners[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            var item = await items.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{item.Title} added to the backlog");
            return Redirect($"{SystemHome}/work/items/{item.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        Owners = Actor.IsConvenor ? partners : [.. partners.Where(o => Actor.CanContributeFor(o.Id))];
        if (Owners.Count == 0)
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can add work to the programme.");
        }
        Partners = partners;
        Workstreams = await workstreams.ListAsync(ct);
        People = await people.ListAsync(null, ct);
    }
}

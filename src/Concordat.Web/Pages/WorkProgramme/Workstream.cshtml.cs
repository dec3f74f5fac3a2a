using Concordat.Core.WorkProgramme;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>A workstream: what it is for, who leads and contributes, and its items by status.</summary>
public sealed class WorkstreamModel(WorkstreamService workstreams, WorkItemService items) : SystemPageModel
{
    public WorkstreamDetail Detail { get; private set; } = null!;
    public IReadOnlyList<WorkItemCard> Items { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync(Guid workstreamId, CancellationToken ct)
    {
        Detail = await workstreams.GetAsync(workstreamId, ct);
        Items = await items.ListAsync(new WorkItemFilter(WorkstreamId: workstreamId), ct);
        CanChange = WorkstreamService.CanChange(Actor, Detail.Workstream.LeadOrganisationId);
        CanAdd = Detail.Workstream.Status != WorkstreamStatus.Closed
            && (Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Core.Partnerships.Role.OrganisationLead or Core.Partnerships.Role.Contributor));
    }
}

using Concordat.Core.Partnerships;
using Concordat.Core.WorkProgramme;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>
/// One organisation's part of the programme: the work it owns, the work it contributes to, what it waits on others
/// for, and what others wait on it for.
/// </summary>
public sealed class OrganisationWorkModel(WorkItemService items, OrganisationService organisations) : SystemPageModel
{
    public OrganisationDetail Organisation { get; private set; } = null!;
    public IReadOnlyList<WorkItemCard> Owned { get; private set; } = [];
    public IReadOnlyList<WorkItemCard> Contributing { get; private set; } = [];
    public IReadOnlyList<WorkItemCard> WaitingOnOthers { get; private set; } = [];
    public IReadOnlyList<WorkItemCard> OthersWaiting { get; private set; } = [];

    public async Task OnGetAsync(Guid organisationId, CancellationToken ct)
    {
        Organisation = await organisations.GetAsync(organisationId, ct);
        var involved = await items.ListAsync(new WorkItemFilter(OrganisationId: organisationId), ct);
        Owned = [.. involved.Where(i => i.OwnerOrganisationId == organisationId)];
        Contributing = [.. involved.Where(i => i.OwnerOrganisationId != organisationId)];
        WaitingOnOthers = [.. Owned.Where(i => i.Status == WorkItemStatus.Blocked && i.BlockedOnOrganisationId != organisationId)];
        OthersWaiting = [.. (await items.ListAsync(new WorkItemFilter(BlockedOnOrganisationId: organisationId), ct)).Where(i => i.OwnerOrganisationId != organisationId)];
    }
}

/// <summary>A table of items with a caption for screen readers, or the words to show when there are none.</summary>
public sealed record WorkItemTableView(string Caption, IReadOnlyList<WorkItemCard> Items, string SystemHome, string Empty);

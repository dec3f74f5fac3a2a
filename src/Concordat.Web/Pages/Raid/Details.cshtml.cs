using Concordat.Core.History;
using Concordat.Core.Raid;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Raid;

/// <summary>One entry of the RAID log, with what it is linked to and its history; anyone in the system reads it.</summary>
public sealed class DetailsModel(RaidService raid, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RaidDetail Detail { get; private set; } = null!;
    public bool MayChange { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Detail = await raid.GetAsync(Id, ct);
        MayChange = await raid.MayChangeAsync(Actor, Detail.Row.Entry, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

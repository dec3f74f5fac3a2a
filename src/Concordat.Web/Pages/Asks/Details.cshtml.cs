using Concordat.Core.Asks;
using Concordat.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

public sealed class AskModel(AskService asks, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AskDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool CanChange => Detail.Ask.Status == AskStatus.Draft && AskService.CanDraftFor(Actor, Detail.Ask.OwnerOrganisationId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Detail = await asks.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

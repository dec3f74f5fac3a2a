using Concordat.Core.Access;
using Concordat.Core.History;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class ResourceModel(ResourceService resources, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ResourceDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool CanEdit => Actor.IsConvenor || Actor.CanContributeFor(Detail.Row.Resource.OrganisationId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        try
        {
            await resources.RemoveAsync(Id, Actor, ct);
            this.Succeeded("Resource removed from the register");
            return Redirect($"{SystemHome}/resources");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await resources.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

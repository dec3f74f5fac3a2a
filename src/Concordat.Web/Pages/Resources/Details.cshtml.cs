using Concordat.Core.Access;
using Concordat.Core.History;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class ResourceModel(ResourceService resources, CommitmentService commitments, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ResourceDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool CanEdit => Actor.ActsFor(Detail.Row.Resource.OrganisationId, Concordat.Core.Partnerships.DelegatedCapability.Resources);

    /// <summary>A lead of the organisation that owns the resource answers requests for it and may release its commitments.</summary>
    public bool IsOwnerLead => Actor.IsLeadOf(Detail.Row.Resource.OrganisationId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReleaseAsync(Guid commitmentId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Detail.Commitments.Any(c => c.Commitment.Id == commitmentId))
        {
            throw new NotFoundException("That commitment has already been released.");
        }
        await commitments.ReleaseAsync(commitmentId, Actor, ct);
        this.Succeeded("Commitment released");
        return Redirect($"{SystemHome}/resources/{Id}");
    }

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

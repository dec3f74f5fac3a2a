using Concordat.Core.Asks;
using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Asks;

public sealed class AsksModel(AskService asks) : SystemPageModel
{
    public IReadOnlyList<AskSummary> Asks { get; private set; } = [];
    public bool CanDraft => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role == Role.OrganisationLead);

    public async Task OnGetAsync(CancellationToken ct) => Asks = await asks.ListAsync(ct);
}

using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Partnerships.Organisations;

public sealed class OrganisationsModel(OrganisationService organisations) : SystemPageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.ListAsync(ct);
}

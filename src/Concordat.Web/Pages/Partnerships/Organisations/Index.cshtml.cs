using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Organisations;

public sealed class OrganisationsModel(OrganisationService organisations, DelegationService delegations) : SystemPageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.ListAsync(ct);

    /// <summary>Every partner's delegations, ended ones included, so the partnership can see who acts for whom.</summary>
    public async Task<IActionResult> OnGetDelegationsCsvAsync(CancellationToken ct) =>
        CsvDownload.File("all-delegations.csv", DelegationTable.For(await delegations.ListAsync(null, ct)));
}

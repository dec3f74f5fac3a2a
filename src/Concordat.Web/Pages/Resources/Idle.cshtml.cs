using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class IdleModel(PooledViews views) : SystemPageModel
{
    public IReadOnlyList<ResourceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await views.IdleAsync(new ResourceFilter(), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("idle-capacity.csv", ["kind", "name", "organisation", "place", "available", "committed", "idle", "unit", "contact"],
            (await views.IdleAsync(new ResourceFilter(), ct)).Select(r => (IReadOnlyList<object?>)[r.Resource.Kind, r.Resource.Name, r.Organisation, r.Place,
                r.Resource.AvailableCapacity, r.Committed, r.Idle, r.Resource.Unit, r.Resource.Contact]));
}

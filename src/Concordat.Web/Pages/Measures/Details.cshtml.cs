using Concordat.Core.History;
using Concordat.Core.Measures;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class MeasureModel(MeasureService measures, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public MeasureDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool CanRecord => Actor.IsConvenor || Actor.CanContributeFor(Detail.Measure.OwnerOrganisationId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Detail = await measures.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

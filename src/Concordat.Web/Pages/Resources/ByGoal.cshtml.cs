using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class ByGoalModel(PooledViews views) : SystemPageModel
{
    public IReadOnlyList<GoalResources> Goals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Goals = await views.ByGoalAsync(null, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("resources-by-goal.csv", ["goal", "kind", "need", "needed", "committed", "gap", "unit", "starts_on", "ends_on", "provided_by"],
            (await views.ByGoalAsync(null, ct)).SelectMany(g => g.Needs.Select(n => (IReadOnlyList<object?>)[g.Title, n.Need.Kind, n.Need.Description, n.Need.Quantity,
                n.Committed, n.Gap, n.Need.Unit, n.Need.StartsOn, n.Need.EndsOn, string.Join("; ", n.Providers)])));
}

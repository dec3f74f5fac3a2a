using Concordat.Core.Words;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class ByKindModel(PooledViews views) : SystemPageModel
{
    public IReadOnlyList<KindTotal> Totals { get; private set; } = [];

    public string Chart => ResourceBars.ToSvg("by-kind-chart", "Committed and idle capacity by kind of resource",
        [.. Totals.Select(t => new ResourceBars.Bar($"{t.Kind.InWords()} ({t.Unit})", t.Available, t.Committed,
            $"{Prose.Amount(t.Committed, t.Unit)} committed of {Prose.Amount(t.Available, t.Unit)} available, {Prose.Amount(t.Idle, t.Unit)} idle"))]);

    public async Task OnGetAsync(CancellationToken ct) => Totals = await views.ByKindAsync(new ResourceFilter(), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var totals = await views.ByKindAsync(new ResourceFilter(), ct);
        return CsvDownload.File("resources-by-kind.csv", ["kind", "unit", "breakdown", "name", "quantity", "available", "committed", "idle"],
            totals.SelectMany(t => new IReadOnlyList<object?>[] { [t.Kind, t.Unit, "total", "", t.Quantity, t.Available, t.Committed, t.Idle] }
                .Concat(t.By(r => r.Organisation).Select(o => (IReadOnlyList<object?>)[t.Kind, t.Unit, "organisation", o.Name, null, o.Available, o.Committed, o.Idle]))
                .Concat(t.By(r => r.Place ?? ResourceForm.AcrossTheSystem).Select(p => (IReadOnlyList<object?>)[t.Kind, t.Unit, "place", p.Name, null, p.Available, p.Committed, p.Idle]))));
    }
}

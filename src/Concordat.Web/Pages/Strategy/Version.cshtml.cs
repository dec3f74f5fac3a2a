using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class VersionModel(StrategyVersionService versions) : SystemPageModel
{
    [FromRoute]
    public int Number { get; set; }

    public StrategyVersion Version { get; private set; } = null!;
    public StrategyDocument Document { get; private set; } = null!;

    /// <summary>"agreed by … on …", when the publisher named the forum.</summary>
    public string? Agreement { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Version = await versions.GetAsync(Number, ct);
        Document = Version.Document();
        Agreement = (await versions.SummaryAsync(Number, ct)).Agreement;
    }
}

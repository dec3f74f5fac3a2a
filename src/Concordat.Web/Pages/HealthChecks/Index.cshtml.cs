using Concordat.Core.HealthChecks;
using Concordat.Core.Strategy;

namespace Concordat.Web.Pages.HealthChecks;

public sealed class HealthCheckModel(HealthCheckService health, StrategyVersionService versions) : SystemPageModel
{
    public SystemHealth Health { get; private set; } = null!;
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Health = await health.RunAsync(ct);
        Versions = [.. (await versions.ListAsync(ct)).OrderBy(v => v.Number)];
    }
}

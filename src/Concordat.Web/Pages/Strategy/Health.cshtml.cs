using Concordat.Core.Strategy;

namespace Concordat.Web.Pages.Strategy;

public sealed class HealthModel(HealthCheckService health) : SystemPageModel
{
    public SystemHealth Health { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Health = await health.RunAsync(ct);
}

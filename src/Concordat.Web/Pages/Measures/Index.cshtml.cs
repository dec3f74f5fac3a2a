using Concordat.Core.Measures;
using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Measures;

public sealed class MeasuresModel(MeasureService measures) : SystemPageModel
{
    public IReadOnlyList<MeasureSummary> Measures { get; private set; } = [];
    public bool CanDefine => Actor.Memberships.Any(m => m.Role == Role.OrganisationLead) || Actor.Delegations.Any(d => d.Capability == Concordat.Core.Partnerships.DelegatedCapability.MeasureData);

    public async Task OnGetAsync(CancellationToken ct) => Measures = await measures.ListAsync(null, ct);
}

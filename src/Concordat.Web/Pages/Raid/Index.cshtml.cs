using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Raid;

/// <summary>The RAID log: the risk register with its heat maps before and after mitigation, then assumptions, issues and decisions.</summary>
public sealed class IndexModel(RaidService raid) : SystemPageModel
{
    public IReadOnlyList<RaidRow> Entries { get; private set; } = [];

    /// <summary>Whether the person may add risks, assumptions and issues (decisions need a forum their organisation sits on, checked on saving).</summary>
    public bool MayAdd => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor);

    public HeatMapView BeforeMitigation => new("heat-map-inherent", "Open risks before mitigation", RaidService.HeatMap(Entries.Select(e => e.Entry), residual: false));
    public HeatMapView AfterMitigation => new("heat-map-residual", "Open risks after mitigation", RaidService.HeatMap(Entries.Select(e => e.Entry), residual: true));

    public IEnumerable<RaidRow> Of(RaidKind kind) => Entries.Where(e => e.Entry.Kind == kind);

    public async Task OnGetAsync(CancellationToken ct) => Entries = await raid.ListAsync(null, ct);

    /// <summary>One kind's entries as CSV: ?handler=csv&amp;kind=risks.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? kind, CancellationToken ct)
    {
        var chosen = Enum.GetValues<RaidKind>().Where(k => k.Slug() == kind).Cast<RaidKind?>().SingleOrDefault()
            ?? throw new NotFoundException("The RAID log has risks, assumptions, issues and decisions.");
        return CsvDownload.File($"{chosen.Slug()}.csv", RaidService.ToTable(chosen, await raid.ListAsync(chosen, ct)));
    }
}

using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Raid;

/// <summary>
/// The RAID log: the risk register with its heat maps before and after mitigation, then assumptions, issues and
/// decisions, narrowed by the filters of a plain GET form; each kind's CSV carries the same filters.
/// </summary>
public sealed class IndexModel(RaidService raid, OrganisationService organisations, GoalService goals, WorkstreamService workstreams) : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OwnerOrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskBand? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public RaidStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? GoalId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    public IReadOnlyList<RaidRow> Entries { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BandOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> GoalOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WorkstreamOptions { get; private set; } = [];

    /// <summary>Whether the person may add risks, assumptions and issues (decisions need a forum their organisation sits on, checked on saving).</summary>
    public bool MayAdd => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor);

    public bool IsFiltered => !Filter(null).IsEmpty;

    public HeatMapView BeforeMitigation => new("heat-map-inherent", "Open risks before mitigation", RaidService.HeatMap(Entries.Select(e => e.Entry), residual: false));
    public HeatMapView AfterMitigation => new("heat-map-residual", "Open risks after mitigation", RaidService.HeatMap(Entries.Select(e => e.Entry), residual: true));

    public IEnumerable<RaidRow> Of(RaidKind kind) => Entries.Where(e => e.Entry.Kind == kind);

    public async Task OnGetAsync(CancellationToken ct)
    {
        IgnoreUnreadableFilters();
        Entries = await raid.ListAsync(Filter(null), ct);
        await OptionsAsync(ct);
    }

    /// <summary>One kind's entries as CSV, narrowed by the same filters as the page: ?handler=csv&amp;kind=risks.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? kind, CancellationToken ct)
    {
        var chosen = Enum.GetValues<RaidKind>().Where(k => k.Slug() == kind).Cast<RaidKind?>().SingleOrDefault()
            ?? throw new NotFoundException("The RAID log has risks, assumptions, issues and decisions.");
        IgnoreUnreadableFilters();
        return CsvDownload.File($"{chosen.Slug()}.csv", RaidService.ToTable(chosen, await raid.ListAsync(Filter(chosen), ct)));
    }

    /// <summary>The address of one kind's CSV with the filters the page shows.</summary>
    public string CsvAddress(RaidKind kind) =>
        $"{SystemHome}/raid{QueryString.Create([new("handler", "csv"), new("kind", kind.Slug()), .. FilterValues()]).ToUriComponent()}";

    private RaidFilter Filter(RaidKind? kind) => new(kind, OwnerOrganisationId, Band, Status, Overdue, GoalId, WorkstreamId);

    private IEnumerable<KeyValuePair<string, string?>> FilterValues()
    {
        if (OwnerOrganisationId is { } owner)
        {
            yield return new(nameof(OwnerOrganisationId), owner.ToString());
        }
        if (Band is { } band)
        {
            yield return new(nameof(Band), band.ToString());
        }
        if (Status is { } status)
        {
            yield return new(nameof(Status), status.ToString());
        }
        if (Overdue)
        {
            yield return new(nameof(Overdue), "true");
        }
        if (GoalId is { } goal)
        {
            yield return new(nameof(GoalId), goal.ToString());
        }
        if (WorkstreamId is { } workstream)
        {
            yield return new(nameof(WorkstreamId), workstream.ToString());
        }
    }

    /// <summary>Filters come from the form and links; one that cannot be read (or names no band or status) is ignored rather than failing the page.</summary>
    private void IgnoreUnreadableFilters()
    {
        if (!ModelState.IsValid || (Band is { } band && !Enum.IsDefined(band)) || (Status is { } status && !Enum.IsDefined(status)))
        {
            ModelState.Clear();
            (OwnerOrganisationId, Band, Status, Overdue, GoalId, WorkstreamId) = (null, null, null, false, null, null);
        }
    }

    private async Task OptionsAsync(CancellationToken ct)
    {
        OwnerOptions = [new("Any organisation", ""), .. (await organisations.ListAsync(ct)).Where(o => o.IsPartner)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerOrganisationId))];
        BandOptions = [new("Any band", ""), .. Enum.GetValues<RiskBand>().Select(b => new SelectListItem(b.InWords(), b.ToString(), b == Band))];
        StatusOptions = [new("Open or closed", ""), .. Enum.GetValues<RaidStatus>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Status))];
        GoalOptions = [new("Any goal", ""), .. (await goals.ListAsync(new GoalFilter(), ct)).Select(g => new SelectListItem(g.Title, g.Id.ToString(), g.Id == GoalId))];
        WorkstreamOptions = [new("Any workstream", ""), .. (await workstreams.ListAsync(ct)).Select(w => new SelectListItem(w.Name, w.Id.ToString(), w.Id == WorkstreamId))];
    }
}

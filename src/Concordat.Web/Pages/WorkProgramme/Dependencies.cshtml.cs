using Concordat.Core.Partnerships;
using Concordat.Core.WorkProgramme.Dependencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>Who waits on whom: the partner by partner matrix of open dependencies, drawn as a graph, and the list behind each cell.</summary>
public sealed class DependenciesModel(DependencyService dependencies, OrganisationService organisations) : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? WaitingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WaitedOnId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DependencyState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OffTrack { get; set; }

    public WhoWaitsOnWhom Matrix { get; private set; } = null!;
    public IReadOnlyList<DependencyRow> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WaitingOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WaitedOnOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StateOptions { get; private set; } = [];

    /// <summary>The filters as a query string, for the CSV link.</summary>
    public string Filters => $"waitingId={WaitingId}&waitedOnId={WaitedOnId}&state={State}&offTrack={OffTrack}";

    /// <summary>The list a matrix cell links to: that pair's open dependencies, or only the off-track ones.</summary>
    public static string CellQuery(Guid waiting, Guid waitedOn, bool offTrack) =>
        $"?waitingId={waiting}&waitedOnId={waitedOn}{(offTrack ? "&offTrack=true" : "")}#list";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return CsvDownload.File("dependencies.csv", DependencyService.ToTable(Rows));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Filters come from links and selects; one that cannot be read is ignored rather than failing the page.
            ModelState.Clear();
            (WaitingId, WaitedOnId, State, OffTrack) = (null, null, null, false);
        }
        Matrix = await dependencies.WhoWaitsOnWhomAsync(ct);
        var filtered = await dependencies.ListAsync(new DependencyFilter(WaitingId, WaitedOnId, State, OffTrack ? true : null), ct);
        // Without a state chosen the list shows what is still open, as the matrix counts it.
        Rows = State is null ? [.. filtered.Where(r => r.Dependency.State.IsOpen())] : filtered;
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        WaitingOptions = [new("Any organisation", ""), .. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == WaitingId))];
        WaitedOnOptions = [new("Any organisation", ""), .. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == WaitedOnId))];
        StateOptions = [new("Open (requested or accepted)", ""), .. Enum.GetValues<DependencyState>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == State))];
    }
}

using Concordat.Core.Access;
using Concordat.Core.Areas;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Places;

/// <summary>One place: its codes and neighbourhoods, and for convenors the forms to rename it, retire it and keep its neighbourhoods.</summary>
public sealed class PlaceModel(PlaceService places, HistoryService history, AreaDirectory areas) : EditPageModel
{
    public Place Place { get; private set; } = null!;
    public AreaNames Areas { get; private set; } = AreaNames.None;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    [BindProperty]
    public PlaceForm Input { get; set; } = new();

    [BindProperty]
    public SaveNeighbourhood Neighbourhood { get; set; } = new(null, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Place.Version;
        Input = new PlaceForm { Name = Place.Name, LocalAuthorityCode = Place.LocalAuthorityCode, SubIcbLocationCode = Place.SubIcbLocationCode };
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => places.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/places/{Id}");
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        Input = new PlaceForm { Name = Place.Name, LocalAuthorityCode = Place.LocalAuthorityCode, SubIcbLocationCode = Place.SubIcbLocationCode };
        return await SaveAsync(() => places.RetireAsync(Id, Version, Actor, ct), $"{Place.Name} retired", $"{SystemHome}/places/{Id}");
    }

    public async Task<IActionResult> OnPostNeighbourhoodAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        Version = Place.Version;
        Input = new PlaceForm { Name = Place.Name, LocalAuthorityCode = Place.LocalAuthorityCode, SubIcbLocationCode = Place.SubIcbLocationCode };
        try
        {
            var added = await places.AddNeighbourhoodAsync(Id, Neighbourhood, Actor, ct);
            this.Succeeded($"{added.Name} added");
            return Redirect($"{SystemHome}/places/{Id}#neighbourhoods");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, nameof(Neighbourhood));
        }
    }

    public async Task<IActionResult> OnPostRemoveNeighbourhoodAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        await places.RemoveNeighbourhoodAsync(Id, neighbourhoodId, Actor, ct);
        this.Succeeded("Neighbourhood removed");
        return Redirect($"{SystemHome}/places/{Id}#neighbourhoods");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Place = await places.GetAsync(Id, ct);
        Areas = await areas.NamesAsync([Place.LocalAuthorityCode, Place.SubIcbLocationCode], ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

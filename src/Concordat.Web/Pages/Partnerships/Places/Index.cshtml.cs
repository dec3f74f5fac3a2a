using Concordat.Core.Access;
using Concordat.Core.Areas;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Places;

public sealed class PlacesModel(PlaceService places, AreaDirectory areas) : SystemPageModel
{
    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];
    public AreaNames Areas { get; private set; } = AreaNames.None;

    [BindProperty]
    public PlaceForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var place = await places.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{place.Name} added");
            return Redirect($"{SystemHome}/places/{place.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await places.ListAsync(ct);
        Areas = await areas.NamesAsync(Places.SelectMany(p => new[] { p.Place.LocalAuthorityCode, p.Place.SubIcbLocationCode }), ct);
    }
}

using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Places;

public sealed class PlacesModel(PlaceService places) : SystemPageModel
{
    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    [BindProperty]
    public PlaceForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Places = await places.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Places = await places.ListAsync(ct);
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
}

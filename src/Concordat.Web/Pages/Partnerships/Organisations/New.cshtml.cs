using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Organisations;

public sealed class NewOrganisationModel(OrganisationService organisations) : SystemPageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public bool ChoosesPartnership => true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("add partner organisations");
        Places = await organisations.PlacesOfferedAsync([], ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Places = await organisations.PlacesOfferedAsync([], ct);
        if (!ModelState.IsValid)
        {
            // Only a tampered form gets here (for example an unknown type); say what to correct all the same.
            ModelState.Clear();
            ModelState.AddModelError("Input.Type", "Select the type of organisation");
            return this.InvalidInput();
        }
        try
        {
            var organisation = await organisations.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{organisation.Name} added");
            return Redirect($"{SystemHome}/organisations/{organisation.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }
}

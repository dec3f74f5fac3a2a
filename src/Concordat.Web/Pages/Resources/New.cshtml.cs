using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class NewResourceModel(ResourceService resources, OrganisationService organisations) : SystemPageModel, IResourceFormPage
{
    [BindProperty]
    public ResourceForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.OrganisationId = Actor.PrimaryMembership?.OrganisationId is { } own && Organisations.Any(o => o.Id == own) ? own : Organisations[0].Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var resource = await resources.CreateAsync(Input.ToInput(ModelState), Actor, ct);
            this.Succeeded($"{resource.Name} added to the register");
            return Redirect($"{SystemHome}/resources/{resource.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    /// <summary>Only the organisations this person may register resources for.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await organisations.PlacesOfferedAsync([], ct);
        Organisations = [.. (await organisations.ListAsync(ct)).Where(o => Actor.ActsFor(o.Id, Concordat.Core.Partnerships.DelegatedCapability.Resources))];
        if (Organisations.Count == 0)
        {
            throw new ForbiddenException("Only an organisation's leads and contributors, or a convenor, can register resources.");
        }
    }
}

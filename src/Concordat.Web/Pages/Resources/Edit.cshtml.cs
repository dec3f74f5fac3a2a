using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class EditResourceModel(ResourceService resources, OrganisationService organisations) : EditPageModel, IResourceFormPage
{
    [BindProperty]
    public ResourceForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public string CurrentName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var resource = await LoadAsync(ct);
        Input = ResourceForm.From(resource);
        Version = resource.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => resources.UpdateAsync(Id, Input.ToInput(ModelState), Version, Actor, ct), "Changes saved", $"{SystemHome}/resources/{Id}");
    }

    private async Task<Resource> LoadAsync(CancellationToken ct)
    {
        var resource = (await resources.GetAsync(Id, ct)).Row.Resource;
        ResourceService.RequireKeeper(Actor, resource.OrganisationId);
        CurrentName = resource.Name;
        Places = await organisations.PlacesOfferedAsync(resource.PlaceId is { } kept ? [kept] : [], ct);
        Organisations = [.. (await organisations.ListAsync(ct)).Where(o => Actor.ActsFor(o.Id, Concordat.Core.Partnerships.DelegatedCapability.Resources))];
        return resource;
    }
}

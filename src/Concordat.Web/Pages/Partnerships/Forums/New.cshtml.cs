using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Forums;

public sealed class NewForumModel(GovernanceForumService forums, OrganisationService organisations) : SystemPageModel, IForumFormPage
{
    [BindProperty]
    public ForumForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("add governance forums");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var forum = await forums.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{forum.Name} added");
            return Redirect($"{SystemHome}/forums/{forum.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await organisations.PlacesOfferedAsync(Input.PlaceId is { } p ? [p] : [], ct);
        Organisations = await organisations.ListAsync(ct);
    }
}

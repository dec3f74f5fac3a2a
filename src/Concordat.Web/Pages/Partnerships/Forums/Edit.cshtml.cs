using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Forums;

public sealed class EditForumModel(GovernanceForumService forums, OrganisationService organisations) : EditPageModel, IForumFormPage
{
    [BindProperty]
    public ForumForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public string CurrentName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("change governance forums");
        var forum = await LoadAsync(ct);
        Version = forum.Version;
        Input = ForumForm.Of(forum);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => forums.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/forums/{Id}");
    }

    private async Task<GovernanceForum> LoadAsync(CancellationToken ct)
    {
        var detail = await forums.GetAsync(Id, ct);
        CurrentName = detail.Forum.Name;
        Places = await organisations.PlacesOfferedAsync(detail.Forum.PlaceId is { } p ? [p] : [], ct);
        Organisations = await organisations.ListAsync(ct);
        return detail.Forum;
    }
}

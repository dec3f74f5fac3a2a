using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Strategy;

public sealed class VersionsModel(StrategyVersionService versions, GovernanceForumService forums) : SystemPageModel
{
    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid? AgreedByForumId { get; set; }

    [BindProperty]
    [Display(Name = "Date it was agreed")]
    public DateOnly? AgreedOn { get; set; }

    public IReadOnlyList<ForumDetail> Forums { get; private set; } = [];

    public IEnumerable<SelectListItem> ForumOptions => [new SelectListItem("No forum named", "", AgreedByForumId is null),
        .. Forums.Select(f => new SelectListItem(f.Forum.Name, f.Forum.Id.ToString(), f.Forum.Id == AgreedByForumId))];

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public bool IsPublic { get; private set; }
    public string PublicPath => $"/public/strategy/{SystemId}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await versions.ListAsync(ct);
        IsPublic = await versions.IsPublicAsync(ct);
        Forums = Actor.IsConvenor ? await forums.ListAsync(ct) : [];
    }

    public async Task<IActionResult> OnPostPublicAsync(bool makePublic, CancellationToken ct)
    {
        await versions.SetPublicAsync(makePublic, Actor, ct);
        this.Succeeded(makePublic ? "The latest published version is now public" : "The strategy is no longer public");
        return Redirect($"{SystemHome}/strategy/versions");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.ClearExceptDates();
        try
        {
            var version = await versions.PublishAsync(new PublishVersion(Note, AgreedByForumId, AgreedOn), Actor, ct);
            this.Succeeded($"Version {version.Number} published");
            return Redirect($"{SystemHome}/strategy/versions/{version.Number}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }
}

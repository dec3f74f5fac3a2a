using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class VersionsModel(StrategyVersionService versions) : SystemPageModel
{
    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public bool IsPublic { get; private set; }
    public string PublicPath => $"/public/strategy/{SystemId}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await versions.ListAsync(ct);
        IsPublic = await versions.IsPublicAsync(ct);
    }

    public async Task<IActionResult> OnPostPublicAsync(bool makePublic, CancellationToken ct)
    {
        await versions.SetPublicAsync(makePublic, Actor, ct);
        this.Succeeded(makePublic ? "The latest published version is now public" : "The strategy is no longer public");
        return Redirect($"{SystemHome}/strategy/versions");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var version = await versions.PublishAsync(new PublishVersion(Note), Actor, ct);
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

using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class VersionsModel(StrategyVersionService versions) : SystemPageModel
{
    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<StrategyVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await versions.ListAsync(ct);

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
            Versions = await versions.ListAsync(ct);
            return this.InvalidInput(e, "");
        }
    }
}

using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Systems;

/// <summary>An administrator renames a system, against the version they read.</summary>
public sealed class RenameSystemModel(SystemService systems) : SystemPageModel
{
    public sealed class RenameForm
    {
        public string? Name { get; set; }
    }

    [BindProperty]
    public RenameForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public EditConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireAdministrator("rename a system");
        var system = await systems.GetAsync(SystemId, ct);
        Input.Name = system.Name;
        Version = system.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await systems.RenameAsync(SystemId, Input.Name, Version, Actor, ct);
            this.Succeeded("System renamed");
            return Redirect(SystemHome);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            Version = e.CurrentVersion;
            Conflict = this.ShowEditConflict(e);
            return Page();
        }
    }
}

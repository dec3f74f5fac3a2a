using Concordat.Core.Access;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages;

/// <summary>
/// A page that changes one saved item against the version the person read, so that two people editing at once
/// never overwrite each other unseen.
/// </summary>
public abstract class EditPageModel : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the item when the form was read; a save against an older one is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public EditConflictView? Conflict { get; private set; }

    /// <summary>
    /// Saves, then redirects with a success banner. Bad input re-renders with 400 and each error beside its field;
    /// a conflict re-renders with 409, what is saved now, and the version to save against if the person insists.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> save, string succeeded, string redirectTo, string formPrefix = "Input")
    {
        try
        {
            await save();
            this.Succeeded(succeeded);
            return Redirect(redirectTo);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, formPrefix);
        }
        catch (EditConflictException e)
        {
            Version = e.CurrentVersion;
            Conflict = this.ShowEditConflict(e);
            return Page();
        }
    }
}

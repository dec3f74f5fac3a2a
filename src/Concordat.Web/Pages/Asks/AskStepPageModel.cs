using Concordat.Core.Access;
using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

/// <summary>
/// A page on which the ask's owner takes one step with it (a reply, implemented, impact, conditions): only a convenor
/// or a lead of the owning organisation reads or sends it, against the version of the ask they read.
/// </summary>
public abstract class AskStepPageModel(AskService asks) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the ask when the form was read; a step taken against an older one is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public AskDetail Detail { get; private set; } = null!;
    public EditConflictView? Conflict { get; private set; }

    /// <summary>What the page does, for the refusal of someone who may not: "reply for the system".</summary>
    protected abstract string StepInWords { get; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Detail.Ask.Version;
        Prefill();
    }

    /// <summary>Fills the form from the ask as it stands, when the page is first read.</summary>
    protected virtual void Prefill()
    {
    }

    /// <summary>Anything else the page shows beside the ask.</summary>
    protected virtual Task LoadMoreAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Takes the step, then goes back to the ask with a success banner. Bad input re-renders with 400 and each error
    /// beside its field (<paramref name="fields"/> are those the form shows); a conflict re-renders with 409, the ask as
    /// it is now, and its current version, so that trying again is a choice made against what is saved.
    /// </summary>
    protected async Task<IActionResult> TakeAsync(Func<Task> step, string succeeded, string anchor, CancellationToken ct, params string[] fields)
    {
        ModelState.ClearExceptDates();
        try
        {
            await step();
            this.Succeeded(succeeded);
            return Redirect($"{SystemHome}/asks/{Id}#{anchor}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInputOn(e, "Input", fields);
        }
        catch (EditConflictException e)
        {
            await LoadAsync(ct);
            Version = Detail.Ask.Version;
            var saved = e.Current.Count > 0 ? e.Current : new Dictionary<string, string?> { ["Status"] = Detail.Ask.Status.InWords() };
            Conflict = this.ShowEditConflict(new EditConflictException(Detail.Ask.Title, Version, saved), "Nothing has been saved.");
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await asks.GetAsync(Id, ct);
        if (!AskService.CanDraftFor(Actor, Detail.Ask.OwnerOrganisationId))
        {
            throw new ForbiddenException($"Only a convenor or a lead of the organisation that owns the ask can {StepInWords}.");
        }
        await LoadMoreAsync(ct);
    }
}

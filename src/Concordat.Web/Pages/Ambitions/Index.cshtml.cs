using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Ambitions;

/// <summary>
/// The strategy's ambitions with their goals, in the order the convenors set; convenors add ambitions here, move them and
/// their goals up and down, and place goals under another ambition. Every move is made against the order read.
/// </summary>
public sealed class AmbitionsModel(AmbitionService ambitions) : SystemPageModel
{
    public Arrangement Arrangement { get; private set; } = null!;

    [BindProperty]
    public AmbitionForm Input { get; set; } = new();

    /// <summary>The version of the order when the page was read.</summary>
    [BindProperty]
    public Guid ArrangementVersion { get; set; }

    /// <summary>The ambition a goal is to be placed under; empty for none.</summary>
    [BindProperty]
    public Guid? PlaceUnder { get; set; }

    public IEnumerable<SelectListItem> PlaceOptions(Guid? current) =>
        Arrangement.Ambitions.Select(a => new SelectListItem(a.Ambition.Title, a.Ambition.Id.ToString(), a.Ambition.Id == current))
            .Append(new SelectListItem("No ambition", "", current is null));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var ambition = await ambitions.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{ambition.Title} added");
            return Redirect($"{SystemHome}/ambitions");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    public Task<IActionResult> OnPostMoveAmbitionAsync(Guid ambitionId, Move move, CancellationToken ct) =>
        ArrangeAsync(() => ambitions.MoveAmbitionAsync(ambitionId, move, ArrangementVersion, Actor, ct), ct);

    public Task<IActionResult> OnPostMoveGoalAsync(Guid goalId, Move move, CancellationToken ct) =>
        ArrangeAsync(() => ambitions.MoveGoalAsync(goalId, move, ArrangementVersion, Actor, ct), ct);

    public Task<IActionResult> OnPostPlaceGoalAsync(Guid goalId, CancellationToken ct) =>
        ArrangeAsync(() => ambitions.PlaceGoalAsync(goalId, PlaceUnder, ArrangementVersion, Actor, ct), ct);

    private async Task<IActionResult> ArrangeAsync(Func<Task<Arrangement>> arrange, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await arrange();
            this.Succeeded("Order saved");
            return Redirect($"{SystemHome}/ambitions");
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(ArrangementVersion), "Someone else changed the order while you were looking; here it is now, so move again if you still need to");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Arrangement = await ambitions.ArrangementAsync(ct);
        ArrangementVersion = Arrangement.Version;
    }
}

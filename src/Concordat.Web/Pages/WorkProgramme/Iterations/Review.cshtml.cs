using Concordat.Core.Access;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme.Iterations;

/// <summary>An iteration's review: what was delivered, what slipped and why, how the measures moved; a convenor marks it held.</summary>
public sealed class ReviewModel(IterationService iterations) : SystemPageModel
{
    [FromRoute]
    public Guid IterationId { get; set; }

    [BindProperty]
    public HeldForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public Guid? SlipItemId { get; set; }

    [BindProperty]
    public string? SlipNote { get; set; }

    public IterationReview Review { get; private set; } = null!;

    public sealed class HeldForm
    {
        public DateOnly? HeldOn { get; set; }
        public string? Notes { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new HeldForm { HeldOn = Review.Iteration.ReviewHeldOn, Notes = Review.Iteration.ReviewNotes };
    }

    public async Task<IActionResult> OnPostHeldAsync(CancellationToken ct)
    {
        try
        {
            ModelState.ClearExceptDates();
            if (!ModelState.IsValid)
            {
                await LoadAsync(ct);
                return this.InvalidInput();
            }
            await iterations.HoldReviewAsync(IterationId, new HoldReview(Input.HeldOn, Input.Notes), Version, Actor, ct);
            this.Succeeded("Review recorded as held");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}/review");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e);
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("Input.HeldOn", "Someone changed this iteration while you were looking: check the review, then record it again");
            return this.InvalidInput();
        }
    }

    public async Task<IActionResult> OnPostSlipAsync(CancellationToken ct)
    {
        try
        {
            await iterations.RecordSlipAsync(IterationId, SlipItemId ?? Guid.Empty, SlipNote, Actor, ct);
            this.Succeeded("Why it slipped recorded");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}/review#slipped");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            ModelState.AddModelError($"slip-{SlipItemId}", e.Errors.Values.First()[0]);
            return this.InvalidInput();
        }
    }

    public bool CanNote(IterationItem item) => Actor.IsConvenor || Actor.CanContributeFor(item.OwnerOrganisationId);

    private async Task LoadAsync(CancellationToken ct)
    {
        Review = await iterations.ReviewAsync(IterationId, ct);
        Version = Review.Iteration.Version;
    }
}

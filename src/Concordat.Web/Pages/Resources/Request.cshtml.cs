using Concordat.Core.Words;
using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

/// <summary>
/// One request for a partner's resource, as everyone in the system may read it. A lead of the owning organisation
/// answers it here: accepts (in full, or less, or for a shorter period) or declines with a reason.
/// </summary>
public sealed class RequestModel(CommitmentService commitments) : SystemPageModel
{
    public sealed class AcceptForm
    {
        public string? Quantity { get; set; }
        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }
        [Display(Name = "End date")]
        public DateOnly? EndsOn { get; set; }
        public string? OverCommitmentReason { get; set; }
    }

    public sealed class DeclineForm
    {
        public string? Reason { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public AcceptForm Accept { get; set; } = new();

    [BindProperty]
    public DeclineForm Decline { get; set; } = new();

    public CommitmentRow Row { get; private set; } = null!;
    public bool NeedsReason { get; private set; }

    public bool CanAnswer => Row.Commitment.Status == CommitmentStatus.Requested && Actor.IsLeadOf(Row.OwnerId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var c = Row.Commitment;
        Accept = new AcceptForm
        {
            Quantity = c.RequestedQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartsOn = c.RequestedStartsOn,
            EndsOn = c.RequestedEndsOn,
        };
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var input = new AcceptCommitment(ResourceForm.ParseNumber(Accept.Quantity, "Accept.Quantity", "Amount", ModelState),
            Accept.StartsOn, Accept.EndsOn, Accept.OverCommitmentReason);
        if (!ModelState.IsValid)
        {
            return this.InvalidInput();
        }
        try
        {
            var accepted = await commitments.AcceptAsync(Id, input, Actor, ct);
            this.Succeeded(accepted.IsReducedFromRequest
                ? $"Request accepted in part: {Prose.Amount(accepted.Quantity, Row.Unit)} of {Row.ResourceName} now counts for {Row.GoalTitle}"
                : $"Request accepted: {Prose.Amount(accepted.Quantity, Row.Unit)} of {Row.ResourceName} now counts for {Row.GoalTitle}");
            return Redirect($"{SystemHome}/resources/{Row.Commitment.ResourceId}");
        }
        catch (InputInvalidException e)
        {
            NeedsReason = e.Errors.TryGetValue(nameof(AcceptCommitment.Quantity), out var messages) && messages.Any(m => m.StartsWith("Only ", StringComparison.Ordinal));
            return this.InvalidInput(e, "Accept");
        }
        catch (EditConflictException)
        {
            ModelState.AddModelError("Accept.Quantity", $"Someone committed {Row.ResourceName} at the same moment. Check what is free now and try again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            await commitments.DeclineAsync(Id, new DeclineCommitment(Decline.Reason), Actor, ct);
            this.Succeeded($"Request declined; {Row.Organisation} can see your reason");
            return Redirect($"{SystemHome}/resources/{Row.Commitment.ResourceId}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Decline");
        }
    }

    private async Task LoadAsync(CancellationToken ct) => Row = await commitments.GetAsync(Id, ct);
}

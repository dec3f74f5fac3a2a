using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

/// <summary>
/// An ask as the system reads it, and what its people may do next: the partners' agreement, the submission, the
/// exchange with the body addressed and, once it decides, the deal's two sides. Each action is offered only to those
/// its service lets do it (the service still decides).
/// </summary>
public sealed class AskModel(AskService asks, AskRoundService rounds, AskExchangeService exchange, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the ask when the page was read: submitting is done against it.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public AskDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    /// <summary>The round open now, or else the last one closed: who was asked, and what each said.</summary>
    public AskRoundView? Round { get; private set; }
    public IReadOnlyList<AskRoundView> EarlierRounds { get; private set; } = [];
    public AskExchange Exchange { get; private set; } = null!;

    public Ask Ask => Detail.Ask;
    public bool RoundIsOpen => Round?.Round.State == RoundState.Open;
    public bool CanDraft => AskService.CanDraftFor(Actor, Ask.OwnerOrganisationId);
    public bool CanChange => Ask.Status == AskStatus.Draft && !RoundIsOpen && CanDraft;
    public bool CanOpenRound => CanChange;
    public bool CanRecordPosition => RoundIsOpen && Round!.Responses.Any(r => Actor.IsLeadOf(r.OrganisationId));
    public bool CanWithdraw => RoundIsOpen && CanDraft;
    public bool CanSubmit => Ask.Status == AskStatus.AgreedLocally && CanDraft;
    public bool CanReply => CanDraft && AskExchangeService.ReplyKinds(Ask.Status, Exchange.Clock.WaitingOn).Count > 0;
    public bool HasDeal => Ask.Status is AskStatus.Agreed or AskStatus.PartlyAgreed or AskStatus.Implemented or AskStatus.ImpactReviewed;
    public bool CanMarkImplemented => CanDraft && Ask.Status is AskStatus.Agreed or AskStatus.PartlyAgreed;
    public bool CanReviewImpact => CanDraft && Ask.Status == AskStatus.Implemented;
    public bool CanAssessConditions => CanDraft && HasDeal && Ask.Conditions is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Ask.Version;
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        try
        {
            await exchange.SubmitAsync(Id, Version, Actor, ct);
            this.Succeeded("Ask submitted: it is now with the national body");
            return Redirect($"{SystemHome}/asks/{Id}#exchange");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            ModelState.Remove(nameof(Version));
            Version = Ask.Version;
            return this.InvalidInputOn(e, "");
        }
        catch (EditConflictException)
        {
            // The page shows the ask as it is now; submitting again is a choice made against that.
            await LoadAsync(ct);
            ModelState.Remove(nameof(Version));
            Version = Ask.Version;
            ModelState.AddModelError("", "The ask changed while you were reading it, so it has not been submitted. Check it below and submit it again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Rounds first: reading them settles one whose closing date has passed, which can change the ask.
        var all = await rounds.ForAskAsync(Id, ct);
        Detail = await asks.GetAsync(Id, ct);
        Round = all.FirstOrDefault(r => r.Round.State == RoundState.Open) ?? (all.Count > 0 ? all[0] : null);
        EarlierRounds = [.. all.Where(r => r != Round)];
        Exchange = await exchange.ReadAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}

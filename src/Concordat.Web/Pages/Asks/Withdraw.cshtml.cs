using Concordat.Core.Access;
using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

/// <summary>The ask's owner takes it back from the partners, to change its words and ask again.</summary>
public sealed class WithdrawAskRoundModel(AskService asks, AskRoundService rounds) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RoundId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public AskDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await rounds.WithdrawAsync(Id, RoundId, Reason, Actor, ct);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInputOn(e, "", nameof(Reason));
        }
        this.Succeeded("The ask is withdrawn from the partners: you can change the draft and ask them again");
        return Redirect($"{SystemHome}/asks/{Id}#agreement");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await asks.GetAsync(Id, ct);
        if (!AskService.CanDraftFor(Actor, Detail.Ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can withdraw it from the partners.");
        }
    }
}

using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class WithdrawModel(AgreementService agreement) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RoundId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool IsAdoption { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("withdraw a proposal");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await agreement.WithdrawAsync(RoundId, Reason, Actor, ct);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "");
        }
        this.Succeeded("Proposal withdrawn");
        return Redirect($"{SystemHome}/goals/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var round = await agreement.GetAsync(RoundId, ct);
        if (round.Round.GoalId != Id)
        {
            throw new NotFoundException("There is no such agreement round on this goal.");
        }
        IsAdoption = round.Round.Kind == ProposalKind.Adopt;
    }
}

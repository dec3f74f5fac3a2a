using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class AmendModel(GoalService goals, AgreementService agreement) : SystemPageModel
{
    public sealed class AmendForm
    {
        public string? Title { get; set; }
        public string? OutcomeStatement { get; set; }
        public string? Population { get; set; }
        public string? InequalityLens { get; set; }
        [Display(Name = "Horizon")]
        public DateOnly? Horizon { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RoundId { get; set; }

    [BindProperty]
    public AmendForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public string GoalTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("amend a proposal");
        var round = await LoadAsync(ct);
        var current = round.Current;
        Input = new AmendForm
        {
            Title = current.Title, OutcomeStatement = current.OutcomeStatement, Population = current.Population,
            InequalityLens = current.InequalityLens, Horizon = current.Horizon,
        };
        Version = round.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var input = new AmendProposal(Input.Title, Input.OutcomeStatement, Input.Population, Input.InequalityLens, Input.Horizon, Input.Note);
        try
        {
            await agreement.AmendAsync(RoundId, input, Version, Actor, ct);
            this.Succeeded("Proposal amended: partners are asked to confirm their positions on the new revision");
            return Redirect($"{SystemHome}/goals/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException)
        {
            // Positions recorded meanwhile also move the round on; keep what was typed and let it be sent again knowingly.
            var round = await LoadAsync(ct);
            ModelState.Remove(nameof(Version));
            Version = round.Version;
            ModelState.AddModelError("", $"The round changed while you were writing (it is now at revision {round.CurrentRevision}, and partners may have responded). Check the goal page, then send your amendment again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<AgreementRound> LoadAsync(CancellationToken ct)
    {
        var view = await agreement.GetAsync(RoundId, ct);
        if (view.Round.GoalId != Id)
        {
            throw new NotFoundException("There is no such agreement round on this goal.");
        }
        GoalTitle = (await goals.GetAsync(Id, ct)).Title;
        return view.Round;
    }
}

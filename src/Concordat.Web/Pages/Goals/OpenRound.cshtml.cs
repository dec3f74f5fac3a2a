using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

public sealed class OpenRoundModel(GoalService goals, AgreementService agreement, OrganisationService organisations) : SystemPageModel
{
    public sealed class RoundForm
    {
        public ProposalKind? Kind { get; set; }
        [Display(Name = "Closing date")]
        public DateOnly? ClosesOn { get; set; }
        public List<Guid> RequiredOrganisationIds { get; set; } = [];
        public string? Note { get; set; }
        public string? Title { get; set; }
        public string? OutcomeStatement { get; set; }
        public string? Population { get; set; }
        public string? InequalityLens { get; set; }
        [Display(Name = "Horizon")]
        public DateOnly? Horizon { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public GoalDetail Goal { get; private set; } = null!;
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];

    public IEnumerable<SelectListItem> KindOptions =>
    [
        new("Change the goal's wording", nameof(ProposalKind.Change), Input.Kind == ProposalKind.Change),
        new("Retire the goal", nameof(ProposalKind.Retire), Input.Kind == ProposalKind.Retire),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("open an agreement round");
        await LoadAsync(ct);
        Input.Title = Goal.Title;
        Input.OutcomeStatement = Goal.OutcomeStatement;
        Input.Population = Goal.Population;
        Input.InequalityLens = Goal.InequalityLens;
        Input.Horizon = Goal.Horizon;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var kind = Input.Kind;
        ModelState.ClearExceptDates();
        var input = new OpenRound(kind, Input.ClosesOn, Input.RequiredOrganisationIds, Input.Note, Input.Title, Input.OutcomeStatement,
            Input.Population, Input.InequalityLens, Input.Horizon);
        try
        {
            await agreement.OpenAsync(Id, input, Actor, ct);
            this.Succeeded("Agreement round opened: partners can now record their positions");
            return Redirect($"{SystemHome}/goals/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Goal = await goals.GetAsync(Id, ct);
        Partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner && o.Type != OrganisationType.NationalBody).ToList();
    }
}

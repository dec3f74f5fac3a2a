using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

/// <summary>
/// A convenor records an organisation's position on the written confirmation of one of its leads (a position taken
/// before Concordat, or sent by email), naming the lead and the confirmation. The organisation still decides: without a
/// lead's confirmation there is nothing to record.
/// </summary>
public sealed class ConfirmedPositionModel(GoalService goals, AgreementService agreement) : SystemPageModel
{
    public sealed class ConfirmedPositionForm
    {
        public Guid? OrganisationId { get; set; }
        public PositionKind? Kind { get; set; }
        public string? Reason { get; set; }
        public string? WouldResolve { get; set; }
        public string? Decision { get; set; }
        public Guid? ConfirmedByPersonId { get; set; }
        public string? Confirmation { get; set; }

        [Display(Name = "Date the position was taken")]
        public DateOnly? TakenOn { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RoundId { get; set; }

    [BindProperty]
    public ConfirmedPositionForm Input { get; set; } = new();

    [BindProperty]
    public int? Revision { get; set; }

    public GoalDetail Goal { get; private set; } = null!;
    public RoundView Round { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LeadOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Revision = Round.Round.CurrentRevision;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            ModelState.Clear();
            ModelState.AddModelError("", "The form could not be read. Open the goal page and record the position again.");
            return this.InvalidInput();
        }
        try
        {
            await agreement.RecordPositionAsync(RoundId, new RecordPosition(Input.OrganisationId, Input.Kind, Input.Reason, Input.WouldResolve, Input.Decision, Revision)
            {
                GoalId = Id, TakenOn = Input.TakenOn, ConfirmedByPersonId = Input.ConfirmedByPersonId, Confirmation = Input.Confirmation,
            }, null, Actor, ct);
            this.Succeeded("The position is recorded on the lead's written confirmation");
            return Redirect($"{SystemHome}/goals/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            ModelState.Remove(nameof(Revision));
            Revision = Round.Round.CurrentRevision;
            return this.InvalidInput(e);
        }
        catch (IfMatchRequiredException)
        {
            // The form offers only organisations without a position; one was recorded meanwhile, and is not overwritten unseen.
            await LoadAsync(ct);
            ModelState.Clear();
            ModelState.AddModelError("Input.OrganisationId", "The organisation's position was recorded while you were filling in this form: read it on the goal's page");
            return this.InvalidInput();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("record a position on a lead's written confirmation");
        Round = await agreement.GetAsync(RoundId, ct);
        if (Round.Round.GoalId != Id)
        {
            throw new NotFoundException("There is no such agreement round on this goal.");
        }
        Goal = await goals.GetAsync(Id, ct);
        Round.Round.RequireOpen();
        // Only organisations with no position yet: a recorded one is changed by its own leads, who see the version they change.
        OrganisationOptions = [new SelectListItem("Select an organisation", "", Input.OrganisationId is null),
            .. Round.Responses.Where(r => r.Position is null).Select(r => new SelectListItem(r.Organisation, r.OrganisationId.ToString(), r.OrganisationId == Input.OrganisationId))];
        LeadOptions = [new SelectListItem("Select a lead", "", Input.ConfirmedByPersonId is null),
            .. (await agreement.LeadsAskedAsync(Round, ct)).Select(l => new SelectListItem($"{l.Name}, {l.Organisation}", l.PersonId.ToString(), l.PersonId == Input.ConfirmedByPersonId))];
    }
}

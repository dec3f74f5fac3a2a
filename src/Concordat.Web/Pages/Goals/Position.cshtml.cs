using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

public sealed class PositionModel(GoalService goals, AgreementService agreement) : SystemPageModel
{
    public sealed class PositionForm
    {
        public Guid? OrganisationId { get; set; }
        public PositionKind? Kind { get; set; }
        public string? Reason { get; set; }
        public string? WouldResolve { get; set; }
        public string? Decision { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Date the position was taken")]
        public DateOnly? TakenOn { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RoundId { get; set; }

    [BindProperty]
    public PositionForm Input { get; set; } = new();

    /// <summary>The version of the organisation's existing position when the form was loaded, if it had one.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>The revision of the proposal shown when the form was loaded.</summary>
    [BindProperty]
    public int? Revision { get; set; }

    public GoalDetail Goal { get; private set; } = null!;
    public RoundView Round { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public EditConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var mine = Round.Responses.First(r => Actor.IsLeadOf(r.OrganisationId));
        Input.OrganisationId = mine.OrganisationId;
        Revision = Round.Round.CurrentRevision;
        if (mine.Position is { } existing)
        {
            Input.Kind = existing.Kind;
            Input.Reason = existing.Reason;
            Input.WouldResolve = existing.WouldResolve;
            Input.Decision = existing.Decision;
            Input.TakenOn = existing.TakenOn;
            Version = existing.Version;
        }
    }

    /// <summary>The service reads the round once and applies every rule; the page reads again only to show the form after a refusal.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            // Only a tampered form gets here (the fields are radios and hidden values); ask for the one choice a person makes.
            var kindMissing = ModelState["Input.Kind"]?.Errors.Count > 0;
            ModelState.Clear();
            ModelState.AddModelError(kindMissing ? "Input.Kind" : "", kindMissing
                ? "Select your organisation's position"
                : "The form could not be read. Open the goal page and record your position again.");
            return this.InvalidInput();
        }
        try
        {
            await agreement.RecordPositionAsync(RoundId,
                new RecordPosition(Input.OrganisationId, Input.Kind, Input.Reason, Input.WouldResolve, Input.Decision, Revision) { GoalId = Id, TakenOn = Input.TakenOn }, Version, Actor, ct);
            this.Succeeded("Your organisation's position is recorded");
            return Redirect($"{SystemHome}/goals/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            // The form now shows the latest revision; a position sent again is made against it.
            ModelState.Remove(nameof(Revision));
            Revision = Round.Round.CurrentRevision;
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            await LoadAsync(ct);
            // Saving again is a deliberate choice made against what is stored now.
            Version = Round.Responses.SingleOrDefault(r => r.OrganisationId == Input.OrganisationId)?.Position?.Version;
            ModelState.Remove(nameof(Revision));
            Revision = Round.Round.CurrentRevision;
            Conflict = this.ShowEditConflict(e, "Your position has not been saved.");
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Round = await agreement.GetAsync(RoundId, ct);
        if (Round.Round.GoalId != Id)
        {
            throw new NotFoundException("There is no such agreement round on this goal.");
        }
        Goal = await goals.GetAsync(Id, ct);
        Round.Round.RequireOpen();
        var mine = Round.Responses.Where(r => Actor.IsLeadOf(r.OrganisationId)).ToList();
        if (mine.Count == 0)
        {
            throw new ForbiddenException("Only a lead of an organisation asked to respond can record its position.");
        }
        OrganisationOptions = mine.Select(r => new SelectListItem(r.Organisation, r.OrganisationId.ToString(), r.OrganisationId == Input.OrganisationId)).ToList();
    }
}

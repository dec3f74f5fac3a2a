using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Asks;

/// <summary>A lead records (or changes) their organisation's position on an ask the partners are asked to agree.</summary>
public sealed class AskPositionModel(AskService asks, AskRoundService rounds) : SystemPageModel
{
    public sealed class PositionForm
    {
        public Guid? OrganisationId { get; set; }
        public PositionKind? Kind { get; set; }
        public string? Reason { get; set; }
        public string? WouldResolve { get; set; }
        public string? Decision { get; set; }
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

    public AskDetail Detail { get; private set; } = null!;
    public AskRoundView Round { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public EditConflictView? Conflict { get; private set; }

    /// <summary>Positions are recorded only while the round is open; a closed one's page says so, with no form.</summary>
    public bool IsOpen => Round.Round.State == RoundState.Open;

    public IEnumerable<SelectListItem> KindOptions =>
        Enum.GetValues<PositionKind>().Select(k => new SelectListItem(k.InWords(), k.ToString(), k == Input.Kind));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var mine = Round.Responses.First(r => Actor.IsLeadOf(r.OrganisationId));
        Input.OrganisationId = mine.OrganisationId;
        if (mine.Position is { } existing)
        {
            Input.Kind = existing.Kind;
            Input.Reason = existing.Reason;
            Input.WouldResolve = existing.WouldResolve;
            Input.Decision = existing.Decision;
            Version = existing.Version;
        }
        OrganisationOptions = Options();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The service judges every field; binding can only fail on a tampered form (radios and hidden values).
        ModelState.Clear();
        try
        {
            await rounds.RecordPositionAsync(Id, RoundId, new RecordAskPosition(Input.OrganisationId, Input.Kind, Input.Reason, Input.WouldResolve, Input.Decision),
                Version, Actor, ct);
            this.Succeeded("Your organisation's position is recorded");
            return Redirect($"{SystemHome}/asks/{Id}#agreement");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            OrganisationOptions = Options();
            return this.InvalidInputOn(e, "Input", nameof(PositionForm.OrganisationId), nameof(PositionForm.Kind), nameof(PositionForm.Reason),
                nameof(PositionForm.WouldResolve), nameof(PositionForm.Decision));
        }
        catch (Exception e) when (e is EditConflictException or IfMatchRequiredException)
        {
            // Another lead of the organisation recorded its position while this one wrote: show what is saved, and
            // let saving again be a choice made against it.
            await LoadAsync(ct);
            OrganisationOptions = Options();
            var saved = Round.Responses.SingleOrDefault(r => r.OrganisationId == Input.OrganisationId)?.Position;
            Version = saved?.Version;
            ModelState.Remove(nameof(Version));
            var organisation = Round.Responses.SingleOrDefault(r => r.OrganisationId == Input.OrganisationId)?.Organisation ?? "";
            Conflict = this.ShowEditConflict(new EditConflictException("Your organisation's position", saved?.Version ?? Guid.Empty,
                saved?.Snapshot(organisation) ?? new SortedDictionary<string, string?>()), "Your position has not been saved.");
            return Page();
        }
    }

    private List<SelectListItem> Options() =>
        [.. Round.Responses.Where(r => Actor.IsLeadOf(r.OrganisationId)).Select(r => new SelectListItem(r.Organisation, r.OrganisationId.ToString(), r.OrganisationId == Input.OrganisationId))];

    private async Task LoadAsync(CancellationToken ct)
    {
        // Rounds first: reading them settles one whose closing date has passed.
        Round = (await rounds.ForAskAsync(Id, ct)).SingleOrDefault(r => r.Round.Id == RoundId)
            ?? throw new NotFoundException("There is no such round on this ask.");
        Detail = await asks.GetAsync(Id, ct);
        if (Round.Responses.All(r => !Actor.IsLeadOf(r.OrganisationId)))
        {
            throw new ForbiddenException("Only a lead of an organisation asked to agree the ask can record its position.");
        }
    }
}

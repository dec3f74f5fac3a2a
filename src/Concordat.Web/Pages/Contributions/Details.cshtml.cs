using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Contributions;

public sealed class ContributionModel(ContributionService contributions, HistoryService history, CommitmentService commitments, ResourceService resources) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? WithdrawDecision { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public ContributionDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Name, string Unit)> Resources { get; private set; } = new Dictionary<Guid, (string, string)>();
    public bool CanCommitResources => Detail.Contribution.Status != ContributionStatus.Withdrawn
        && (Actor.IsConvenor || Actor.CanContributeFor(Detail.Contribution.OrganisationId));

    public bool IsLead => Actor.IsLeadOf(Detail.Contribution.OrganisationId);
    public bool CanAccept => Detail.Contribution.Status == ContributionStatus.Proposed && Goal.CanShape(Actor, Detail.GoalStewards);
    public bool CanCheckIn => Detail.Contribution.IsActive && Actor.CanContributeFor(Detail.Contribution.OrganisationId);
    public bool CanAcknowledge => Goal.CanShape(Actor, Detail.GoalStewards);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync(() => contributions.AcceptAsync(Id, Decision, Version, Actor, ct), "Contribution accepted", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        ActAsync(() => contributions.WithdrawAsync(Id, WithdrawDecision, Version, Actor, ct), "Contribution withdrawn", ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid checkInId, CancellationToken ct)
    {
        if (await contributions.ContributionOfCheckInAsync(checkInId, ct) != Id)
        {
            throw new NotFoundException("There is no such check-in on this contribution.");
        }
        return await ActAsync(() => contributions.AcknowledgeAsync(checkInId, Actor, ct), "Check-in acknowledged", ct);
    }

    private async Task<IActionResult> ActAsync(Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            this.Succeeded(done);
            return Redirect($"{SystemHome}/contributions/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", "Someone else changed this contribution while you were looking at it. Check what it says now, then try again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await contributions.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
        Commitments = await commitments.ForContributionAsync(Id, ct);
        Resources = Commitments.Count == 0 ? new Dictionary<Guid, (string, string)>()
            : (await resources.ListAsync(new ResourceFilter(), ct)).ToDictionary(r => r.Resource.Id, r => (r.Resource.Name, r.Resource.Unit));
    }
}

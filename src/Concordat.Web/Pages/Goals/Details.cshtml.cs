using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class GoalModel(GoalService goals, AgreementService agreement, PerspectiveService perspectives, ContributionService contributions,
    Concordat.Core.Measures.MeasureService measures, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public GoalDetail Goal { get; private set; } = null!;
    public RoundView? OpenRound { get; private set; }
    public IReadOnlyList<RoundView> PastRounds { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<PerspectiveView> Perspectives { get; private set; } = [];
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public IReadOnlyList<Concordat.Core.Measures.MeasureSummary> Measures { get; private set; } = [];
    public bool CanCommit => Goal.Status != GoalStatus.Retired && Actor.Memberships.Any(m => m.Role == Concordat.Core.Partnerships.Role.OrganisationLead);
    public bool CanRecordPerspective => Actor.Memberships.Any(m => Actor.CanContributeFor(m.OrganisationId));

    public bool CanEditDraft => Goal.Status == GoalStatus.Draft && GoalService.CanEditDraft(Actor, Goal.LeadOrganisationId, Goal.Owners.JointOwners.Select(o => o.Id));
    public bool CanOpenRound => Actor.IsConvenor && OpenRound is null && Goal.Status is GoalStatus.Draft or GoalStatus.Agreed;
    public bool CanRecordPosition => OpenRound is { } round && round.Responses.Any(r => Actor.IsLeadOf(r.OrganisationId));

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Rounds first: reading them settles any whose closing date has passed, which can change the goal.
        var rounds = await agreement.ForGoalAsync(Id, ct);
        Goal = await goals.GetAsync(Id, ct);
        OpenRound = rounds.FirstOrDefault(r => r.Round.State == RoundState.Open);
        PastRounds = rounds.Where(r => r.Round.State != RoundState.Open).ToList();
        Perspectives = await perspectives.ForGoalAsync(Id, ct);
        Contributions = await contributions.ForGoalAsync(Id, ct);
        Measures = await measures.ListAsync(Id, ct);
        History = await history.ForItemsAsync([Id, .. Contributions.Select(c => c.Id)], ct);
    }
}

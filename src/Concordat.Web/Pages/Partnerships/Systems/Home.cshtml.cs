using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Pages.Partnerships.Systems;

public sealed class SystemHomeModel(ConcordatDb db, HistoryService history, CommitmentService commitments, PooledFundService funds) : SystemPageModel
{
    public int OrganisationCount { get; private set; }
    public int PlaceCount { get; private set; }
    public int PeopleCount { get; private set; }
    public IReadOnlyList<HistoryEntry> Recent { get; private set; } = [];

    /// <summary>Requests for resources of the organisations this person leads: theirs to answer.</summary>
    public IReadOnlyList<CommitmentRow> RequestsToAnswer { get; private set; } = [];

    /// <summary>Pooled-fund payments the host proposed for the organisations this person leads, awaiting their confirmation.</summary>
    public IReadOnlyList<(PooledFund Fund, PooledFundContribution Proposal)> PaymentsToConfirm { get; private set; } = [];

    /// <summary>An open agreement round still waiting for the position of an organisation this person leads.</summary>
    public sealed record PositionOwed(Guid GoalId, string GoalTitle, Guid RoundId, string Organisation, DateOnly ClosesOn);

    public IReadOnlyList<PositionOwed> PositionsOwed { get; private set; } = [];

    public bool HasWaiting => PositionsOwed.Count + RequestsToAnswer.Count + PaymentsToConfirm.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganisationCount = await db.Organisations.CountAsync(ct);
        PlaceCount = await db.Places.CountAsync(ct);
        PeopleCount = await db.Memberships.Select(m => m.PersonId).Distinct().CountAsync(ct);
        Recent = (await history.FeedAsync(null, null, 1, ct)).Entries.Take(5).ToList();
        var led = Actor.Memberships.Where(m => m.Role == Concordat.Core.Partnerships.Role.OrganisationLead).Select(m => m.OrganisationId).ToList();
        RequestsToAnswer = led.Count == 0 ? [] : await commitments.RequestsAsync(led, ct);
        PaymentsToConfirm = led.Count == 0 ? [] : await funds.ProposalsAwaitingAsync(led, ct);
        PositionsOwed = led.Count == 0 ? [] : await PositionsOwedAsync(led, ct);
    }

    /// <summary>Open rounds whose required responses include an organisation this person leads that has no position on the current revision; soonest closing first.</summary>
    private async Task<IReadOnlyList<PositionOwed>> PositionsOwedAsync(IReadOnlyList<Guid> led, CancellationToken ct)
    {
        var rounds = await db.AgreementRounds.AsNoTracking().Include(r => r.RequiredResponses).Include(r => r.Positions).AsSplitQuery()
            .Where(r => r.State == RoundState.Open && r.RequiredResponses.Any(x => led.Contains(x.OrganisationId)))
            .ToListAsync(ct);
        var goalIds = rounds.Select(r => r.GoalId).ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Title, ct);
        var names = Actor.Memberships.ToDictionary(m => m.OrganisationId, m => m.OrganisationName);
        return [.. rounds.SelectMany(r => r.Outstanding.Where(led.Contains).Select(o => new PositionOwed(r.GoalId, goals[r.GoalId], r.Id, names[o], r.ClosesOn)))
            .OrderBy(p => p.ClosesOn)];
    }
}

using Concordat.Core.Data;
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

    public bool HasWaiting => RequestsToAnswer.Count + PaymentsToConfirm.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganisationCount = await db.Organisations.CountAsync(ct);
        PlaceCount = await db.Places.CountAsync(ct);
        PeopleCount = await db.Memberships.Select(m => m.PersonId).Distinct().CountAsync(ct);
        Recent = (await history.FeedAsync(null, null, 1, ct)).Entries.Take(5).ToList();
        var led = Actor.Memberships.Where(m => m.Role == Concordat.Core.Partnerships.Role.OrganisationLead).Select(m => m.OrganisationId).ToList();
        RequestsToAnswer = led.Count == 0 ? [] : await commitments.RequestsAsync(led, ct);
        PaymentsToConfirm = led.Count == 0 ? [] : await funds.ProposalsAwaitingAsync(led, ct);
    }
}

using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Resources;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Waiting;

/// <summary>An open agreement round still waiting for the position of an organisation the person leads.</summary>
public sealed record PositionOwed(Guid GoalId, string GoalTitle, Guid RoundId, string Organisation, DateOnly ClosesOn);

/// <summary>A contribution of the person's organisation whose next check-in is due soon or overdue.</summary>
public sealed record CheckInDue(Guid ContributionId, string GoalTitle, string Organisation, DateOnly DueOn, bool IsOverdue);

/// <summary>A check-in on a goal the person answers for, not yet acknowledged.</summary>
public sealed record CheckInToAcknowledge(Guid ContributionId, Guid CheckInId, string GoalTitle, string Organisation, string PostedByName, DateTime PostedAtUtc);

/// <summary>A measure the person's organisation supplies data for, with no data yet or data out of date.</summary>
public sealed record DataOutOfDate(Guid MeasureId, string Measure, string Organisation, DateOnly? NewestPeriod, DateOnly? DueBy);

public enum WaitingKind
{
    Position,
    CheckIn,
    Acknowledgement,
    ResourceRequest,
    Payment,
    CarryingRequest,
    Data,
    RetrospectiveAnswer,
    RetrospectiveAction,
    DependencyRequest,
    DependencyOffTrack,
    BlockedOnYou,
    RiskReview,
    AssumptionCheck,
    PdsaReadyToStudy,
    DependencyAwaitingAnswer,
    BlockedOnOthers,
    ResourceAwaitingAnswer,
    CheckInAwaitingAcknowledgement,
}

/// <summary>
/// How a person's list is read: what they must do, what others asked them to answer or review, and what their
/// organisations are waiting on others for (shown for follow-up, never counted as waiting on them).
/// </summary>
public enum WaitingGroup
{
    ToDo,
    ToReview,
    WaitingOnOthers,
}

/// <summary>
/// One thing waiting on a person, in the words every page, API client and (later) email shows: what to do, more about
/// it, the date it is due by where there is one, and the page that does it (relative to the system's home).
/// </summary>
public sealed record WaitingItem(WaitingKind Kind, string Text, string Detail, DateOnly? By, string Path)
{
    /// <summary>The date it is due by, in words, unless <see cref="Detail"/> already says it.</summary>
    public string? Due => By is { } by && !Detail.Contains(Prose.Date(by), StringComparison.Ordinal) ? $"Due by {Prose.Date(by)}" : null;
}

/// <summary>Everything waiting for one person's answer or action, each list soonest or oldest first.</summary>
public sealed record WaitingOnYou(
    IReadOnlyList<PositionOwed> PositionsOwed,
    IReadOnlyList<CheckInDue> CheckInsDue,
    IReadOnlyList<CheckInToAcknowledge> CheckInsToAcknowledge,
    IReadOnlyList<CommitmentRow> ResourceRequests,
    IReadOnlyList<(PooledFund Fund, PooledFundContribution Proposal)> PaymentsToConfirm,
    IReadOnlyList<CarryingRequest> CarryingRequests,
    IReadOnlyList<DataOutOfDate> DataOutOfDate,
    IReadOnlyList<WaitingItem>? WorkProgramme = null,
    IReadOnlyList<WaitingItem>? OnOthers = null)
{
    /// <summary>What waits on the person: everything but what their organisations wait on others for.</summary>
    public int Count => PositionsOwed.Count + CheckInsDue.Count + CheckInsToAcknowledge.Count + ResourceRequests.Count + PaymentsToConfirm.Count
        + CarryingRequests.Count + DataOutOfDate.Count + (WorkProgramme?.Count ?? 0);

    /// <summary>One group of <see cref="Items"/>, soonest due first (undated last), in list order otherwise.</summary>
    public IReadOnlyList<WaitingItem> In(WaitingGroup group) =>
        [.. Items.Where(i => i.Kind.Group() == group).OrderBy(i => i.By ?? DateOnly.MaxValue)];

    /// <summary>Everything, group by group.</summary>
    public IReadOnlyList<WaitingItem> Grouped => [.. Enum.GetValues<WaitingGroup>().SelectMany(In)];

    /// <summary>Everything as one list, in the order above.</summary>
    public IReadOnlyList<WaitingItem> Items =>
    [
        .. PositionsOwed.Select(p => new WaitingItem(WaitingKind.Position, $"Record {p.Organisation}'s position on {p.GoalTitle}",
            $"The round closes on {Prose.Date(p.ClosesOn)}", p.ClosesOn, $"goals/{p.GoalId}/rounds/{p.RoundId}/position")),
        .. CheckInsDue.Select(d => new WaitingItem(WaitingKind.CheckIn, $"Check in on {d.Organisation}'s contribution to {d.GoalTitle}",
            d.IsOverdue ? $"Overdue since {Prose.Date(d.DueOn)}" : $"Due by {Prose.Date(d.DueOn)}", d.DueOn, $"contributions/{d.ContributionId}")),
        .. CheckInsToAcknowledge.Select(k => new WaitingItem(WaitingKind.Acknowledgement, $"Acknowledge {k.Organisation}'s check-in on {k.GoalTitle}",
            $"Posted by {k.PostedByName} on {Prose.Date(k.PostedAtUtc)}", null, $"contributions/{k.ContributionId}#check-ins")),
        .. ResourceRequests.Select(r => new WaitingItem(WaitingKind.ResourceRequest,
            $"{r.Organisation} asks for {Prose.Amount(r.Commitment.RequestedQuantity, r.Unit)} of {r.ResourceName}",
            $"{r.Owner}'s resource, for {r.GoalTitle}, {Prose.Date(r.Commitment.RequestedStartsOn)} to {Prose.Date(r.Commitment.RequestedEndsOn)}; asked on {Prose.Date(r.Commitment.CreatedAtUtc)}",
            null, $"commitments/{r.Commitment.Id}")),
        .. PaymentsToConfirm.Select(p => new WaitingItem(WaitingKind.Payment, $"Confirm or decline {Prose.Pounds(p.Proposal.ProposedInPence ?? 0)} into {p.Fund.Name}",
            $"Proposed by {p.Proposal.ProposedByName}", null, $"resources/pooled-funds/{p.Fund.Id}")),
        .. CarryingRequests.Select(c => new WaitingItem(WaitingKind.CarryingRequest, $"{c.Organisation} is asked to carry the change idea {c.ChangeIdea}",
            $"For {c.GoalTitle}; asked by {c.RequestedByName} on {Prose.Date(c.RequestedAtUtc)}", null,
            $"goals/{c.GoalId}/theory-of-change/change-ideas/{c.ChangeIdeaId}/carriers/{c.ContributionId}")),
        .. DataOutOfDate.Select(d => new WaitingItem(WaitingKind.Data, $"Add data to {d.Measure}",
            d.DueBy is { } due ? $"{d.Organisation}'s data has been out of date since {Prose.Date(due)}" : $"{d.Organisation} has no data on it yet",
            d.DueBy, $"measures/{d.MeasureId}")),
        .. WorkProgramme ?? [],
        .. OnOthers ?? [],
    ];
}

/// <summary>Changes made by others since the person's previous visit, newest first; <see cref="Since"/> is null on a first visit.</summary>
public sealed record ChangesSinceLastVisit(DateTime? Since, IReadOnlyList<HistoryEntry> Entries, int TotalCount);

/// <summary>
/// What is waiting on a person in a system: what their organisations owe (positions, check-ins, data), what others ask
/// of them (resources, payments into a pool, carrying a change idea), and what they must acknowledge.
/// </summary>
public sealed class WaitingService(ConcordatDb db, TimeProvider clock, CommitmentService commitments, PooledFundService funds, TheoryOfChangeService theory,
    HistoryService history, WorkProgramme.Dependencies.DependencyService dependencies, WorkProgramme.Iterations.IterationService iterations,
    Raid.RaidService raid, Pdsa.PdsaService pdsa)
{
    /// <summary>How far ahead a check-in shows as due.</summary>
    public const int CheckInNoticeDays = 14;

    private const int ChangesShown = 10;

    public async Task<WaitingOnYou> ForAsync(Actor actor, CancellationToken ct)
    {
        var led = actor.Memberships.Where(m => m.Role == Role.OrganisationLead).Select(m => m.OrganisationId).ToList();
        var contributing = actor.Memberships.Where(m => m.Role is Role.OrganisationLead or Role.Contributor).Select(m => m.OrganisationId).ToList();
        return new WaitingOnYou(
            led.Count == 0 ? [] : await PositionsOwedAsync(actor, led, ct),
            contributing.Count == 0 ? [] : await CheckInsDueAsync(contributing, ct),
            await CheckInsToAcknowledgeAsync(actor, led, ct),
            led.Count == 0 ? [] : await commitments.RequestsAsync(led, ct),
            led.Count == 0 ? [] : await funds.ProposalsAwaitingAsync(led, ct),
            led.Count == 0 ? [] : await theory.CarryingRequestsAsync(led, ct),
            await DataOutOfDateAsync(actor, contributing, ct),
            [
                .. await dependencies.WaitingForAsync(actor, ct), .. await iterations.WaitingForAsync(actor, ct), .. await raid.WaitingForAsync(actor, ct),
                .. await pdsa.WaitingForAsync(actor, ct),
            ],
            contributing.Count == 0 ? [] : [.. await dependencies.AwaitedByAsync(contributing, ct), .. await ResourceRequestsMadeAsync(contributing, ct),
                .. await CheckInsAwaitingAcknowledgementAsync(contributing, ct)]);
    }

    /// <summary>Requests the person's organisations made for other organisations' resources, not yet answered.</summary>
    private async Task<IReadOnlyList<WaitingItem>> ResourceRequestsMadeAsync(List<Guid> organisations, CancellationToken ct)
    {
        var requests = db.ResourceCommitments.AsNoTracking().Where(c => c.Status == Resources.CommitmentStatus.Requested
            && db.Contributions.Any(k => k.Id == c.ContributionId && organisations.Contains(k.OrganisationId)));
        var rows = await Resources.CommitmentRow.Query(db, requests, db.Contributions).ToListAsync(ct);
        return [.. rows.Where(r => !organisations.Contains(r.OwnerId)).OrderBy(r => r.Commitment.CreatedAtUtc).Select(r => new WaitingItem(
            WaitingKind.ResourceAwaitingAnswer, $"{r.Owner} has not yet answered {r.Organisation}'s request for {r.ResourceName}",
            $"{Prose.Amount(r.Commitment.RequestedQuantity, r.Unit)} for {r.GoalTitle}; asked on {Prose.Date(r.Commitment.CreatedAtUtc)}", null,
            $"commitments/{r.Commitment.Id}"))];
    }

    /// <summary>Check-ins the person's organisations posted that the goal's lead (or, with none, its owners) has not yet acknowledged.</summary>
    private async Task<IReadOnlyList<WaitingItem>> CheckInsAwaitingAcknowledgementAsync(List<Guid> organisations, CancellationToken ct)
    {
        var rows = await (from k in db.CheckIns.AsNoTracking()
                          join c in db.Contributions on k.ContributionId equals c.Id
                          join g in db.Goals on c.GoalId equals g.Id
                          join o in db.Organisations on c.OrganisationId equals o.Id
                          where k.AcknowledgedAtUtc == null && organisations.Contains(c.OrganisationId)
                              && (g.LeadOrganisationId != null ? !organisations.Contains(g.LeadOrganisationId.Value)
                                  : !g.JointOwners.Any(j => organisations.Contains(j.OrganisationId))
                                      && !db.Forums.Any(f => f.Id == g.OwningForumId && f.Members.Any(m => organisations.Contains(m.OrganisationId))))
                          orderby k.PostedAtUtc
                          select new
                          {
                              c.Id, Goal = g.Title, Organisation = o.Name, k.PostedByName, k.PostedAtUtc,
                              Lead = db.Organisations.Where(l => l.Id == g.LeadOrganisationId).Select(l => l.Name).FirstOrDefault(),
                          }).ToListAsync(ct);
        return [.. rows.Select(r => new WaitingItem(WaitingKind.CheckInAwaitingAcknowledgement,
            r.Lead is null ? $"No owner of {r.Goal} has yet acknowledged {r.Organisation}'s check-in" : $"{r.Lead} has not yet acknowledged {r.Organisation}'s check-in on {r.Goal}",
            $"Posted by {r.PostedByName} on {Prose.Date(r.PostedAtUtc)}", null, $"contributions/{r.Id}#check-ins"))];
    }

    /// <summary>Records this look at the home page and returns what others changed since the previous visit.</summary>
    public async Task<ChangesSinceLastVisit> ChangesSinceLastVisitAsync(Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return new ChangesSinceLastVisit(null, [], 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.PersonId == personId, ct);
        if (visit is null)
        {
            db.Visits.Add(new Visit { SystemId = actor.SystemId, PersonId = personId, SeenAtUtc = now });
        }
        else
        {
            visit.Seen(now);
        }
        try
        {
            // Nothing is written when the look was within a minute of the last one.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened at once both tried to record the first visit; either record will do.
            db.ChangeTracker.Clear();
        }
        if (visit?.ChangesSinceUtc is not { } since)
        {
            return new ChangesSinceLastVisit(null, [], 0);
        }
        var (entries, total) = await history.ByOthersSinceAsync(personId, since, ChangesShown, ct);
        return new ChangesSinceLastVisit(DateTime.SpecifyKind(since, DateTimeKind.Utc), entries, total);
    }

    /// <summary>Open rounds whose required responses include an organisation this person leads that has no position on the current revision; soonest closing first.</summary>
    private async Task<IReadOnlyList<PositionOwed>> PositionsOwedAsync(Actor actor, List<Guid> led, CancellationToken ct)
    {
        var rounds = await db.AgreementRounds.AsNoTracking().Include(r => r.RequiredResponses).Include(r => r.Positions).AsSplitQuery()
            .Where(r => r.State == RoundState.Open && r.RequiredResponses.Any(x => led.Contains(x.OrganisationId)))
            .ToListAsync(ct);
        var goalIds = rounds.Select(r => r.GoalId).ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Title, ct);
        var names = actor.Memberships.ToDictionary(m => m.OrganisationId, m => m.OrganisationName);
        return [.. rounds.SelectMany(r => r.Outstanding.Where(led.Contains).Select(o => new PositionOwed(r.GoalId, goals[r.GoalId], r.Id, names[o], r.ClosesOn)))
            .OrderBy(p => p.ClosesOn)];
    }

    /// <summary>
    /// Agreed contributions of the person's organisations whose next check-in (a cadence after the last one, or after
    /// agreement) falls within <see cref="CheckInNoticeDays"/> or has passed.
    /// </summary>
    private async Task<IReadOnlyList<CheckInDue>> CheckInsDueAsync(List<Guid> organisations, CancellationToken ct)
    {
        var rows = await (from c in db.Contributions.AsNoTracking()
                          join g in db.Goals on c.GoalId equals g.Id
                          join o in db.Organisations on c.OrganisationId equals o.Id
                          where organisations.Contains(c.OrganisationId)
                              && (c.Status == Contributions.ContributionStatus.Agreed || c.Status == Contributions.ContributionStatus.Varied)
                          select new
                          {
                              c.Id, GoalTitle = g.Title, Organisation = o.Name, c.CheckInCadenceDays, c.StatusChangedAtUtc,
                              LastCheckIn = db.CheckIns.Where(k => k.ContributionId == c.Id).Max(k => (DateTime?)k.PostedAtUtc),
                          }).ToListAsync(ct);
        var today = UkCalendar.Today(clock);
        return [.. rows.Select(r => (Row: r, Due: DateOnly.FromDateTime(r.LastCheckIn ?? r.StatusChangedAtUtc).AddDays(r.CheckInCadenceDays)))
            .Where(x => x.Due <= today.AddDays(CheckInNoticeDays))
            .OrderBy(x => x.Due)
            .Select(x => new CheckInDue(x.Row.Id, x.Row.GoalTitle, x.Row.Organisation, x.Due, x.Due < today))];
    }

    /// <summary>
    /// Unacknowledged check-ins on goals led by an organisation the person leads, or with no lead owned by one (jointly or
    /// through its forum); a convenor acknowledges for any goal. Except their own: someone else reviews what a person reported.
    /// </summary>
    private async Task<IReadOnlyList<CheckInToAcknowledge>> CheckInsToAcknowledgeAsync(Actor actor, List<Guid> led, CancellationToken ct)
    {
        if (!actor.IsConvenor && led.Count == 0)
        {
            return [];
        }
        var all = actor.IsConvenor;
        return await (from k in db.CheckIns.AsNoTracking()
                      join c in db.Contributions on k.ContributionId equals c.Id
                      join g in db.Goals on c.GoalId equals g.Id
                      join o in db.Organisations on c.OrganisationId equals o.Id
                      where k.AcknowledgedAtUtc == null && (all || (g.LeadOrganisationId != null ? led.Contains(g.LeadOrganisationId.Value)
                          : g.JointOwners.Any(j => led.Contains(j.OrganisationId)) || db.Forums.Any(f => f.Id == g.OwningForumId && f.Members.Any(m => led.Contains(m.OrganisationId))))) && k.PostedByPersonId != actor.PersonId
                      orderby k.PostedAtUtc
                      select new CheckInToAcknowledge(c.Id, k.Id, g.Title, o.Name, k.PostedByName, k.PostedAtUtc)).ToListAsync(ct);
    }

    /// <summary>Measures owned by the person's organisations, or by one that delegated its data to them, with no data or data past its due date.</summary>
    private async Task<IReadOnlyList<DataOutOfDate>> DataOutOfDateAsync(Actor actor, List<Guid> contributing, CancellationToken ct)
    {
        var owners = contributing.Union(actor.Delegations.Where(d => d.Capability == DelegatedCapability.MeasureData).Select(d => d.OrganisationId)).ToList();
        if (owners.Count == 0)
        {
            return [];
        }
        var measures = await (from m in db.Measures.AsNoTracking()
                              join o in db.Organisations on m.OwnerOrganisationId equals o.Id
                              where owners.Contains(m.OwnerOrganisationId)
                              select new { Measure = m, Organisation = o.Name, Newest = db.Observations.Where(x => x.MeasureId == m.Id).Max(x => (DateOnly?)x.PeriodStart) })
            .ToListAsync(ct);
        var today = UkCalendar.Today(clock);
        return [.. measures.Where(x => x.Newest is not { } newest || x.Measure.IsStale(newest, today))
            .Select(x => new DataOutOfDate(x.Measure.Id, x.Measure.Name, x.Organisation, x.Newest, x.Newest is { } n ? x.Measure.NextReleaseExpectedBy(n) : null))
            .OrderBy(d => d.DueBy ?? DateOnly.MinValue).ThenBy(d => d.Measure, StringComparer.Ordinal)];
    }
}

public static class WaitingWords
{
    public static string InWords(this WaitingKind kind) => kind switch
    {
        WaitingKind.Position => "Position to record",
        WaitingKind.CheckIn => "Check-in due",
        WaitingKind.Acknowledgement => "Check-in to acknowledge",
        WaitingKind.ResourceRequest => "Resource request to answer",
        WaitingKind.Payment => "Payment into a pooled fund to confirm",
        WaitingKind.CarryingRequest => "Change idea to carry or decline",
        WaitingKind.Data => "Data out of date",
        WaitingKind.RetrospectiveAnswer => "Retrospective to answer",
        WaitingKind.RetrospectiveAction => "Retrospective action to finish",
        WaitingKind.DependencyRequest => "Dependency to answer",
        WaitingKind.DependencyOffTrack => "Dependency off track",
        WaitingKind.BlockedOnYou => "Item blocked on your organisation",
        WaitingKind.RiskReview => "Risk to review",
        WaitingKind.AssumptionCheck => "Assumption to check",
        WaitingKind.PdsaReadyToStudy => "PDSA cycle to study",
        WaitingKind.DependencyAwaitingAnswer => "Dependency not yet answered",
        WaitingKind.BlockedOnOthers => "Item blocked on another organisation",
        WaitingKind.ResourceAwaitingAnswer => "Resource request not yet answered",
        WaitingKind.CheckInAwaitingAcknowledgement => "Check-in not yet acknowledged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static WaitingGroup Group(this WaitingKind kind) => kind switch
    {
        WaitingKind.Acknowledgement or WaitingKind.ResourceRequest or WaitingKind.Payment or WaitingKind.CarryingRequest or WaitingKind.DependencyRequest
            => WaitingGroup.ToReview,
        WaitingKind.DependencyAwaitingAnswer or WaitingKind.BlockedOnOthers or WaitingKind.ResourceAwaitingAnswer or WaitingKind.CheckInAwaitingAcknowledgement
            => WaitingGroup.WaitingOnOthers,
        _ => WaitingGroup.ToDo,
    };

    public static string InWords(this WaitingGroup group) => group switch
    {
        WaitingGroup.ToDo => "To do",
        WaitingGroup.ToReview => "To review",
        WaitingGroup.WaitingOnOthers => "Waiting on others",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}

using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Contributions;

public sealed record SaveContribution(Guid? OrganisationId, string? Commitment, string? Actions, DateOnly? DueOn, string? AccountablePerson,
    string? Reviewer, int? CheckInCadenceDays, string? Decision);

public sealed record PostCheckIn(CheckInStatus? Status, int? Confidence, string? Narrative);

public sealed record LastCheckIn(CheckInStatus Status, int Confidence, DateTime PostedAtUtc, bool Acknowledged);

public sealed record ContributionRow(Guid Id, Guid OrganisationId, string Organisation, string Commitment, DateOnly DueOn, string AccountablePerson,
    ContributionStatus Status, LastCheckIn? LastCheckIn, bool IsOverdue);

/// <param name="GoalStewards">Organisations whose leads accept contributions and acknowledge check-ins (<see cref="Goal.StewardsOfAsync"/>).</param>
public sealed record ContributionDetail(Contribution Contribution, string Organisation, Guid GoalId, string GoalTitle, IReadOnlyList<Guid> GoalStewards,
    IReadOnlyList<CheckIn> CheckIns, bool IsOverdue);

/// <summary>Contributions to goals and their check-ins.</summary>
public sealed class ContributionService(ConcordatDb db, TimeProvider clock)
{
    public static void RequireCheckInBy(Actor actor, Guid contributingOrganisationId)
    {
        if (!actor.CanContributeFor(contributingOrganisationId))
        {
            throw new ForbiddenException("Only the organisation's own leads and contributors can post its check-ins.");
        }
    }

    public const string EntityType = "Contribution";

    public async Task<IReadOnlyList<ContributionRow>> ForGoalAsync(Guid goalId, CancellationToken ct) => [.. (await ForGoalsAsync([goalId], ct))[goalId]];

    /// <summary>The contributions of many goals in one query, each goal's in the order <see cref="ForGoalAsync"/> gives.</summary>
    public async Task<ILookup<Guid, ContributionRow>> ForGoalsAsync(IReadOnlyCollection<Guid> goalIds, CancellationToken ct)
    {
        var rows = await db.Contributions.AsNoTracking().Where(c => goalIds.Contains(c.GoalId))
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new
            {
                Contribution = c,
                Organisation = o.Name,
                Last = db.CheckIns.Where(k => k.ContributionId == c.Id).OrderByDescending(k => k.PostedAtUtc)
                    .Select(k => new { k.Status, k.Confidence, k.PostedAtUtc, Acknowledged = k.AcknowledgedAtUtc != null }).FirstOrDefault(),
            })
            .OrderBy(x => x.Organisation).ThenBy(x => x.Contribution.CreatedAtUtc).ThenBy(x => x.Contribution.Id)
            .ToListAsync(ct);
        return rows.ToLookup(x => x.Contribution.GoalId, x => new ContributionRow(x.Contribution.Id, x.Contribution.OrganisationId, x.Organisation, x.Contribution.Commitment,
            x.Contribution.DueOn, x.Contribution.AccountablePerson, x.Contribution.Status,
            x.Last is null ? null : new LastCheckIn(x.Last.Status, x.Last.Confidence, DateTime.SpecifyKind(x.Last.PostedAtUtc, DateTimeKind.Utc), x.Last.Acknowledged),
            IsOverdue(x.Contribution, x.Last?.PostedAtUtc)));
    }

    public async Task<ContributionDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("There is no such contribution in this system.");
        var goalTitle = await db.Goals.AsNoTracking().Where(g => g.Id == contribution.GoalId).Select(g => g.Title).SingleAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == contribution.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(k => k.ContributionId == id).OrderByDescending(k => k.PostedAtUtc).ToListAsync(ct);
        return new ContributionDetail(contribution, organisation, contribution.GoalId, goalTitle, await Goal.StewardsAsync(db, contribution.GoalId, ct), checkIns,
            IsOverdue(contribution, checkIns.FirstOrDefault()?.PostedAtUtc));
    }

    /// <summary>
    /// Active and without a check-in for longer than its cadence, counted from the last check-in or, before the
    /// first, from when it was agreed.
    /// </summary>
    private bool IsOverdue(Contribution c, DateTime? lastCheckInUtc) =>
        c.IsActive && clock.GetUtcNow().UtcDateTime - (lastCheckInUtc ?? c.StatusChangedAtUtc) > TimeSpan.FromDays(c.CheckInCadenceDays);

    /// <summary>An organisation's lead commits it to contribute to a goal; the contribution starts as proposed.</summary>
    public async Task<Contribution> CommitAsync(Guid goalId, SaveContribution input, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        actor.RequireActingForSome(null, "Only a lead of the organisation can commit its contribution.", leadsOnly: true);
        if (input.OrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            throw new InputInvalidException(nameof(input.OrganisationId), "Select the organisation that commits");
        }
        if (!actor.IsLeadOf(organisationId))
        {
            throw new ForbiddenException("Only a lead of the organisation can commit its contribution.");
        }
        if (goal.Status == GoalStatus.Retired)
        {
            throw new InputInvalidException(nameof(input.Commitment), "This goal is retired: it takes no new contributions");
        }
        var terms = Validate(input, goal.SeniorResponsibleOwner);
        var now = clock.GetUtcNow().UtcDateTime;
        var contribution = new Contribution
        {
            SystemId = actor.SystemId, GoalId = goalId, OrganisationId = organisationId, Commitment = terms.Commitment!, AccountablePerson = terms.AccountablePerson!,
            Reviewer = terms.Reviewer!, CreatedAtUtc = now, StatusChangedAtUtc = now, Status = ContributionStatus.Proposed,
        };
        Apply(contribution, terms);
        db.Contributions.Add(contribution);
        var organisation = await OrganisationNameAsync(organisationId, ct);
        db.Audit(actor, now, "ContributionCommitted", EntityType, contribution.Id, $"{organisation}: {goal.Title}", null, contribution.Snapshot(organisation));
        await db.SaveChangesAsync(ct);
        return contribution;
    }

    /// <summary>A convenor, or a lead of the goal's lead organisation or (with no lead) of an organisation that owns it, accepts a proposed contribution.</summary>
    public async Task AcceptAsync(Guid id, string? decision, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (contribution, goal) = await LoadAsync(id, ct);
        await RequireStewardOrConvenorAsync(actor, goal.Id, "accept a contribution", ct);
        await RequireVersionAsync(contribution, expectedVersion, ct);
        if (contribution.Status != ContributionStatus.Proposed)
        {
            throw new InputInvalidException("Status", $"Only a proposed contribution can be accepted; this one is {Prose.Clause(contribution.Status.InWords())}");
        }
        RequireDecisionLength(decision, "Decision");
        await ChangeAsync(contribution, goal.Title, actor, "ContributionAgreed", c =>
        {
            c.Status = ContributionStatus.Agreed;
            c.Decision = Trim(decision) ?? c.Decision;
        }, ct);
    }

    /// <summary>
    /// The organisation changes its terms. Once agreed, a change is a variation: the previous terms stay in the
    /// history, and the contribution shows as varied.
    /// </summary>
    public async Task VaryAsync(Guid id, SaveContribution input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (contribution, goal) = await LoadAsync(id, ct);
        RequireLead(contribution, actor, "change its contribution");
        await RequireVersionAsync(contribution, expectedVersion, ct);
        if (contribution.Status == ContributionStatus.Withdrawn)
        {
            throw new InputInvalidException(nameof(input.Commitment), "This contribution has been withdrawn: commit a new one instead");
        }
        var terms = Validate(input, goal.SeniorResponsibleOwner);
        await ChangeAsync(contribution, goal.Title, actor, contribution.Status == ContributionStatus.Proposed ? "ContributionChanged" : "ContributionVaried", c =>
        {
            c.Commitment = terms.Commitment!;
            c.AccountablePerson = terms.AccountablePerson!;
            c.Reviewer = terms.Reviewer!;
            Apply(c, terms);
            if (c.IsActive)
            {
                c.Status = ContributionStatus.Varied;
            }
        }, ct);
    }

    public async Task WithdrawAsync(Guid id, string? decision, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (contribution, goal) = await LoadAsync(id, ct);
        RequireLead(contribution, actor, "withdraw its contribution");
        await RequireVersionAsync(contribution, expectedVersion, ct);
        if (contribution.Status == ContributionStatus.Withdrawn)
        {
            throw new InputInvalidException("Status", "This contribution has already been withdrawn");
        }
        RequireDecisionLength(decision, "WithdrawDecision");
        await ChangeAsync(contribution, goal.Title, actor, "ContributionWithdrawn", c =>
        {
            c.Status = ContributionStatus.Withdrawn;
            c.Decision = Trim(decision) ?? c.Decision;
        }, ct);
    }

    /// <summary>The organisation's leads and contributors report progress on an agreed contribution.</summary>
    public async Task<CheckIn> CheckInAsync(Guid id, PostCheckIn input, Actor actor, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("There is no such contribution in this system.");
        ContributionService.RequireCheckInBy(actor, contribution.OrganisationId);
        var errors = new InputErrors();
        if (!contribution.IsActive)
        {
            errors.Add(nameof(input.Status), contribution.Status == ContributionStatus.Withdrawn
                ? "This contribution has been withdrawn: it takes no more check-ins"
                : "Check-ins start once the contribution is agreed");
        }
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(nameof(input.Status), "Select how the contribution is going");
            status = default;
        }
        if (input.Confidence is not { } confidence)
        {
            errors.Add(nameof(input.Confidence), "Enter a confidence from 0 to 10");
            confidence = 0;
        }
        else if (confidence is < 0 or > 10)
        {
            errors.Add(nameof(input.Confidence), "Confidence must be a whole number from 0 to 10");
        }
        var narrative = errors.OptionalText(nameof(input.Narrative), "Narrative", input.Narrative, CheckIn.NarrativeMaxLength);
        if (narrative is null && status is CheckInStatus.AtRisk or CheckInStatus.OffTrack)
        {
            errors.Add(nameof(input.Narrative), "Say what is wrong and what is being done, when a contribution is at risk or off track");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var checkIn = new CheckIn
        {
            SystemId = actor.SystemId, ContributionId = id, Status = status, Confidence = confidence, Narrative = narrative,
            PostedByPersonId = actor.PersonId ?? Guid.Empty, PostedByName = actor.DisplayName, PostedAtUtc = now,
        };
        db.CheckIns.Add(checkIn);
        var goalTitle = await db.Goals.Where(g => g.Id == contribution.GoalId).Select(g => g.Title).SingleAsync(ct);
        var organisationName = await OrganisationNameAsync(contribution.OrganisationId, ct);
        db.Audit(actor, now, "CheckInPosted", EntityType, contribution.Id, $"{organisationName}: {goalTitle}", null, new SortedDictionary<string, string?>
        {
            ["Organisation"] = organisationName,
            ["Status"] = status.InWords(),
            ["Confidence"] = $"{confidence} out of 10",
            ["Narrative"] = narrative,
        });
        await db.SaveChangesAsync(ct);
        return checkIn;
    }

    /// <summary>
    /// The reviewer (acting through a convenor, or a lead of the goal's lead organisation or, with no lead, of an organisation
    /// that owns it) acknowledges a check-in.
    /// </summary>
    public async Task AcknowledgeAsync(Guid checkInId, Actor actor, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.SingleOrDefaultAsync(k => k.Id == checkInId, ct) ?? throw new NotFoundException("There is no such check-in in this system.");
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == checkIn.ContributionId, ct);
        var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.Id == contribution.GoalId, ct);
        await RequireStewardOrConvenorAsync(actor, goal.Id, "acknowledge check-ins", ct);
        if (checkIn.AcknowledgedAtUtc is not null)
        {
            throw new InputInvalidException("CheckIn", $"This check-in was already acknowledged by {checkIn.AcknowledgedByName}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        checkIn.AcknowledgedByName = actor.DisplayName;
        checkIn.AcknowledgedAtUtc = now;
        var organisation = await OrganisationNameAsync(contribution.OrganisationId, ct);
        db.Audit(actor, now, "CheckInAcknowledged", EntityType, contribution.Id, $"{organisation}: {goal.Title}", null, new SortedDictionary<string, string?>
        {
            ["Organisation"] = organisation,
            ["Check-in"] = $"{checkIn.Status.InWords()}, posted {Prose.Date(checkIn.PostedAtUtc)}",
            ["Reviewer"] = contribution.Reviewer,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another reviewer acknowledged it at the same moment (the update is guarded on "not yet acknowledged").
            throw new InputInvalidException("CheckIn", "This check-in was acknowledged by someone else just now");
        }
    }

    private static void RequireDecisionLength(string? decision, string field)
    {
        if (Trim(decision) is { Length: > Contribution.DecisionMaxLength })
        {
            throw new InputInvalidException(field, $"Decision must be {Contribution.DecisionMaxLength} characters or fewer");
        }
    }

    private static void RequireLead(Contribution contribution, Actor actor, string action)
    {
        if (!actor.IsLeadOf(contribution.OrganisationId))
        {
            throw new ForbiddenException($"Only a lead of the organisation can {action}.");
        }
    }

    private async Task<(Contribution Contribution, Goal Goal)> LoadAsync(Guid id, CancellationToken ct)
    {
        var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("There is no such contribution in this system.");
        var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.Id == contribution.GoalId, ct);
        return (contribution, goal);
    }

    /// <summary>After the permission check: whether the edit was made against the stored version.</summary>
    private async Task RequireVersionAsync(Contribution contribution, Guid? expectedVersion, CancellationToken ct)
    {
        if (!contribution.Version.Matches(expectedVersion, "contribution"))
        {
            throw new EditConflictException("The contribution", contribution.Version, contribution.Snapshot(await OrganisationNameAsync(contribution.OrganisationId, ct)));
        }
    }

    private async Task ChangeAsync(Contribution contribution, string goalTitle, Actor actor, string action, Action<Contribution> change, CancellationToken ct)
    {
        var organisation = await OrganisationNameAsync(contribution.OrganisationId, ct);
        var before = contribution.Snapshot(organisation);
        var status = contribution.Status;
        var wasActive = contribution.IsActive;
        change(contribution);
        var after = contribution.Snapshot(organisation);
        if (before.Where(f => f.Key != "Status").SequenceEqual(after.Where(f => f.Key != "Status")) && action == "ContributionVaried")
        {
            // Saving unchanged terms is not a variation (and must not reset the check-in clock).
            db.Entry(contribution).State = EntityState.Unchanged;
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The check-in clock runs from agreement: varying an agreed contribution does not restart it.
        if (contribution.Status != status && !(wasActive && contribution.IsActive))
        {
            contribution.StatusChangedAtUtc = now;
        }
        db.Entry(contribution).State = EntityState.Modified;
        db.Audit(actor, now, action, EntityType, contribution.Id, $"{organisation}: {goalTitle}", before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException("The contribution", Guid.Empty, new Dictionary<string, string?>());
        }
    }

    /// <summary>The contribution a check-in belongs to, so pages can check a route's ids agree.</summary>
    public async Task<Guid?> ContributionOfCheckInAsync(Guid checkInId, CancellationToken ct) =>
        await db.CheckIns.Where(k => k.Id == checkInId).Select(k => (Guid?)k.ContributionId).SingleOrDefaultAsync(ct);

    private sealed record Terms(string? Commitment, string? Actions, DateOnly DueOn, string? AccountablePerson, string? Reviewer, int Cadence, string? Decision);

    /// <param name="goalOwner">The goal's senior responsible owner, who reviews unless someone else is named; a goal may have none.</param>
    private Terms Validate(SaveContribution input, string? goalOwner)
    {
        var errors = new InputErrors();
        var commitment = errors.RequiredText(nameof(input.Commitment), "Commitment", input.Commitment, Contribution.CommitmentMaxLength,
            "Enter what your organisation will do");
        var actions = errors.OptionalText(nameof(input.Actions), "Actions", input.Actions, Contribution.ActionsMaxLength);
        if (input.DueOn is not { } due)
        {
            errors.Add(nameof(input.DueOn), "Enter the date by which it will be done");
        }
        else if (due <= UkCalendar.Today(clock))
        {
            errors.Add(nameof(input.DueOn), "The due date must be in the future");
        }
        var accountable = errors.RequiredText(nameof(input.AccountablePerson), "Accountable person", input.AccountablePerson, Contribution.PersonMaxLength,
            "Enter the name of the person accountable");
        var reviewer = errors.OptionalText(nameof(input.Reviewer), "Reviewer", input.Reviewer, Contribution.PersonMaxLength) ?? goalOwner;
        if (reviewer is null)
        {
            errors.Add(nameof(input.Reviewer), "Enter who reviews the contribution: the goal has no senior responsible owner to review it");
        }
        var cadence = input.CheckInCadenceDays ?? Contribution.DefaultCadenceDays;
        if (cadence is < 7 or > 92)
        {
            errors.Add(nameof(input.CheckInCadenceDays), "Check in every 7 to 92 days");
        }
        var decision = errors.OptionalText(nameof(input.Decision), "Decision", input.Decision, Contribution.DecisionMaxLength);
        errors.ThrowIfAny();
        return new Terms(commitment, actions, input.DueOn!.Value, accountable, reviewer, cadence, decision);
    }

    private static void Apply(Contribution contribution, Terms terms)
    {
        contribution.Actions = terms.Actions;
        contribution.DueOn = terms.DueOn;
        contribution.CheckInCadenceDays = terms.Cadence;
        contribution.Decision = terms.Decision ?? contribution.Decision;
    }

    /// <summary>Trimmed text, or null when blank; lengths are checked by the caller so the error can name the field.</summary>
    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<string> OrganisationNameAsync(Guid id, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);

    private async Task RequireStewardOrConvenorAsync(Actor actor, Guid goalId, string action, CancellationToken ct)
    {
        if (!actor.IsConvenor && !(await Goal.StewardsAsync(db, goalId, ct)).Any(actor.IsLeadOf))
        {
            throw new ForbiddenException($"Only a convenor, or a lead of the organisation that leads or owns the goal, can {action}.");
        }
    }
}

using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Goals;

/// <summary>
/// What the convenor proposes. For <see cref="ProposalKind.Change"/> the new wording is given; for Adopt and
/// Retire the goal's current wording is what partners consent to.
/// </summary>
public sealed record OpenRound(ProposalKind? Kind, DateOnly? ClosesOn, IReadOnlyList<Guid> RequiredOrganisationIds, string? Note,
    string? Title = null, string? OutcomeStatement = null, string? Population = null, string? InequalityLens = null, DateOnly? Horizon = null);

/// <summary>
/// A position. <paramref name="Revision"/> is the revision the person read: if the proposal has been amended
/// since, the position is refused rather than counted against wording they have not seen.
/// </summary>
public sealed record RecordPosition(Guid? OrganisationId, PositionKind? Kind, string? Reason, string? WouldResolve, string? Decision, int? Revision = null)
{
    /// <summary>The goal the person answered from, when they came from one: a round of another goal is then not found.</summary>
    public Guid? GoalId { get; init; }

    /// <summary>The day the organisation took the position, when earlier than today.</summary>
    public DateOnly? TakenOn { get; init; }

    /// <summary>For a convenor recording it: the lead of the organisation whose written confirmation this is.</summary>
    public Guid? ConfirmedByPersonId { get; init; }

    /// <summary>For a convenor recording it: the confirmation, like "email of 3 March 2023".</summary>
    public string? Confirmation { get; init; }

    public bool OnConfirmation => ConfirmedByPersonId is not null || !string.IsNullOrWhiteSpace(Confirmation);
}

public sealed record AmendProposal(string? Title, string? OutcomeStatement, string? Population, string? InequalityLens, DateOnly? Horizon, string? Note);

public sealed record ResponseView(Guid OrganisationId, string Organisation, Position? Position, bool OnCurrentRevision);

public sealed record RoundView(AgreementRound Round, IReadOnlyList<ResponseView> Responses, string? DecidedBy = null)
{
    public IEnumerable<ResponseView> Outstanding => Responses.Where(r => !r.OnCurrentRevision);

    /// <summary>
    /// "agreed by the integrated care partnership on 14 December 2022, recorded on 7 December 2026", or null when no
    /// forum was recorded.
    /// </summary>
    public string? Decision => DecidedBy is not null && Round.DecidedOn is { } on
        ? $"{(Round.State == RoundState.Agreed ? "agreed" : "decided")} by {DecidedBy} on {Prose.Date(on)}"
            + (Round.DecisionRecordedAtUtc is { } recorded ? $", recorded on {Prose.Date(recorded)}" : "")
        : null;
}

/// <summary>Agreement rounds: consent, organisation by organisation, on adopting, changing or retiring a goal.</summary>
public sealed class AgreementService(ConcordatDb db, GoalService goals, TimeProvider clock)
{
    public const string EntityType = "AgreementRound";

    public async Task<IReadOnlyList<RoundView>> ForGoalAsync(Guid goalId, CancellationToken ct)
    {
        await SettleOverdueAsync(goalId, ct);
        var rounds = await db.AgreementRounds.AsNoTracking()
            .Include(r => r.Revisions).Include(r => r.RequiredResponses).Include(r => r.Positions)
            .Where(r => r.GoalId == goalId).OrderByDescending(r => r.OpenedAtUtc).ThenBy(r => r.Id).AsSplitQuery().ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var forumIds = rounds.Where(r => r.DecidedByForumId is not null).Select(r => r.DecidedByForumId!.Value).Distinct().ToList();
        var forums = forumIds.Count == 0 ? [] : await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return rounds.Select(r => View(r, names) with { DecidedBy = r.DecidedByForumId is { } f ? forums.GetValueOrDefault(f) : null }).ToList();
    }

    /// <summary>
    /// Records the governance forum that took a closed round's outcome, and the day (convenors only); both empty clears it.
    /// Made against the round's version, since two convenors could record different forums.
    /// </summary>
    public async Task<AgreementRound> RecordDecisionAsync(Guid roundId, TakenAt input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var round = await db.AgreementRounds.SingleOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException("There is no such agreement round in this system.");
        actor.RequireConvenor("record where an agreement round's outcome was decided");
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == round.GoalId).Select(g => g.Title).SingleAsync(ct);
        if (!round.Version.Matches(expectedVersion, "round"))
        {
            throw new EditConflictException(goal, round.Version, await DecisionSnapshotAsync(round, ct));
        }
        var errors = new InputErrors();
        if (round.State == RoundState.Open)
        {
            errors.Add(nameof(TakenAt.ForumId), "The round is still open: record where its outcome was decided once it has closed");
        }
        var forum = await GovernanceForumService.CheckTakenAtAsync(db, errors, input, UkCalendar.Today(clock), ct);
        errors.ThrowIfAny();
        var before = await DecisionSnapshotAsync(round, ct);
        db.Entry(round).Property(r => r.Version).OriginalValue = round.Version;
        (round.DecidedByForumId, round.DecidedOn) = forum is null ? (null, null) : (input.ForumId, input.On);
        round.DecisionRecordedAtUtc = forum is null ? null : clock.GetUtcNow().UtcDateTime;
        var after = new SortedDictionary<string, string?> { ["Decided by"] = forum is null ? null : $"{forum} on {Prose.Date(input.On!.Value)}" };
        if (before.SequenceEqual(after))
        {
            return round;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "RoundDecisionRecorded", GoalService.EntityType, round.GoalId, goal, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.AgreementRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
            throw new EditConflictException(goal, current.Version, await DecisionSnapshotAsync(current, ct));
        }
        return round;
    }

    private async Task<SortedDictionary<string, string?>> DecisionSnapshotAsync(AgreementRound round, CancellationToken ct)
    {
        var forum = round.DecidedByForumId is { } id ? await db.Forums.Where(f => f.Id == id).Select(f => f.Name).SingleOrDefaultAsync(ct) : null;
        return new SortedDictionary<string, string?> { ["Decided by"] = forum is null || round.DecidedOn is not { } on ? null : $"{forum} on {Prose.Date(on)}" };
    }

    /// <summary>The leads of the organisations a round asks, by name: those whose written confirmation a convenor can record.</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Name, string Organisation)>> LeadsAskedAsync(RoundView round, CancellationToken ct)
    {
        var asked = round.Responses.Select(r => r.OrganisationId).ToList();
        var leads = await db.Memberships.AsNoTracking().Where(m => m.Role == Role.OrganisationLead && asked.Contains(m.OrganisationId))
            .Select(m => new { m.PersonId, m.Person!.DisplayName, Organisation = m.Organisation!.Name }).ToListAsync(ct);
        return [.. leads.Select(l => (l.PersonId, l.DisplayName, l.Organisation)).OrderBy(l => l.Organisation, StringComparer.Ordinal).ThenBy(l => l.DisplayName, StringComparer.Ordinal)];
    }

    public async Task<RoundView> GetAsync(Guid roundId, CancellationToken ct)
    {
        var goalId = await db.AgreementRounds.Where(r => r.Id == roundId).Select(r => (Guid?)r.GoalId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("There is no such agreement round in this system.");
        return (await ForGoalAsync(goalId, ct)).Single(r => r.Round.Id == roundId);
    }

    private static RoundView View(AgreementRound round, IReadOnlyDictionary<Guid, string> names) =>
        new(round, round.RequiredResponses
            .Select(r => round.Positions.SingleOrDefault(p => p.OrganisationId == r.OrganisationId) is { } position
                ? new ResponseView(r.OrganisationId, names.GetValueOrDefault(r.OrganisationId, "?"), position, position.Revision == round.CurrentRevision)
                : new ResponseView(r.OrganisationId, names.GetValueOrDefault(r.OrganisationId, "?"), null, false))
            .OrderBy(r => r.Organisation, StringComparer.Ordinal).ToList());

    public async Task<AgreementRound> OpenAsync(Guid goalId, OpenRound input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("open an agreement round");
        await SettleOverdueAsync(goalId, ct);
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var errors = new InputErrors();
        var today = UkCalendar.Today(clock);
        if (await db.AgreementRounds.AnyAsync(r => r.GoalId == goalId && r.State == RoundState.Open, ct))
        {
            errors.Add(nameof(input.Kind), "This goal already has an open agreement round: amend or withdraw it first");
        }
        else if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "Select what the round proposes");
        }
        else if (kind == ProposalKind.Adopt && goal.Status != GoalStatus.Draft)
        {
            errors.Add(nameof(input.Kind), "Only a draft goal can be proposed for adoption");
        }
        else if (kind is ProposalKind.Change or ProposalKind.Retire && goal.Status != GoalStatus.Agreed)
        {
            errors.Add(nameof(input.Kind), "Only an agreed goal can be changed or retired");
        }
        if (input.ClosesOn is not { } closesOn)
        {
            errors.Add(nameof(input.ClosesOn), "Enter the closing date");
        }
        else if (closesOn <= today)
        {
            errors.Add(nameof(input.ClosesOn), "The closing date must be in the future");
        }
        // National bodies and organisations outside the system are not asked: the partners agree goals.
        var partners = await db.Organisations.Where(o => o.IsPartner && o.Type != OrganisationType.NationalBody).Select(o => o.Id).ToListAsync(ct);
        var required = (input.RequiredOrganisationIds ?? []).Distinct().ToList();
        if (required.Count == 0)
        {
            required = partners;
        }
        else if (required.Any(o => !partners.Contains(o)))
        {
            errors.Add(nameof(input.RequiredOrganisationIds), "Select partner organisations of this system");
        }
        var note = errors.OptionalText(nameof(input.Note), "Note", input.Note, AgreementRound.NoteMaxLength);
        var wording = input.Kind == ProposalKind.Change
            ? GoalService.ValidateWording(errors, input.Title, input.OutcomeStatement, input.Population, input.InequalityLens, input.Horizon, today)
            : new GoalService.Wording(goal.Title, goal.OutcomeStatement, goal.Population, goal.InequalityLens, goal.Horizon);
        if (input.Kind == ProposalKind.Change && !errors.Any && wording == new GoalService.Wording(goal.Title, goal.OutcomeStatement, goal.Population, goal.InequalityLens, goal.Horizon))
        {
            errors.Add(nameof(input.Title), "The proposed wording is the same as the agreed goal: change something to propose");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var round = new AgreementRound
        {
            SystemId = actor.SystemId,
            GoalId = goalId,
            Kind = input.Kind!.Value,
            State = RoundState.Open,
            OpenedByPersonId = actor.PersonId ?? Guid.Empty,
            OpenedByName = actor.DisplayName,
            OpenedAtUtc = now,
            ClosesOn = input.ClosesOn!.Value,
            RequiredResponses = required.Select(o => new RequiredResponse { SystemId = actor.SystemId, OrganisationId = o }).ToList(),
        };
        round.Revisions.Add(ProposalRevision.For(round, 1, wording, note, now));
        db.AgreementRounds.Add(round);
        if (round.Kind == ProposalKind.Adopt)
        {
            goal.Status = GoalStatus.Proposed;
        }
        db.Audit(actor, now, "AgreementRoundOpened", GoalService.EntityType, goalId, goal.Title, null, new SortedDictionary<string, string?>
        {
            ["Proposal"] = round.Kind.InWords(),
            ["Closes on"] = Prose.Date(round.ClosesOn),
            ["Organisations asked"] = required.Count.ToString(CultureInfo.InvariantCulture),
            ["Note"] = note,
        });
        await SaveAsync(ct);
        return round;
    }

    /// <summary>
    /// Records (or changes, or re-confirms) one organisation's position on the current revision, only while the round
    /// is open. A lead of that organisation records it; a convenor may record it only on the written confirmation of
    /// one of its leads, named with the confirmation, so the organisation still decides for itself. Either may give
    /// the past day the position was taken (a strategy adopted before Concordat): the round then records what was
    /// decided, attributed to who recorded it and when. When the last required organisation responds and no
    /// objection stands, the round closes as agreed and the proposal takes effect in the same save.
    /// </summary>
    public async Task<Position> RecordPositionAsync(Guid roundId, RecordPosition input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var round = await LoadOpenAsync(roundId, ct, input.GoalId);
        if (input.OrganisationId is not { } organisationId || round.RequiredResponses.All(r => r.OrganisationId != organisationId))
        {
            throw new InputInvalidException(nameof(input.OrganisationId), "Select an organisation this round asks to respond");
        }
        var isLead = actor.IsLeadOf(organisationId);
        if (!isLead && !(actor.IsConvenor && input.OnConfirmation))
        {
            throw new ForbiddenException("Only a lead of the organisation can record its position, or a convenor on a lead's written confirmation.");
        }
        if (input.Revision is { } read && read != round.CurrentRevision)
        {
            throw new InputInvalidException(nameof(input.Kind),
                $"The proposal was amended while you were responding: read revision {round.CurrentRevision}, then record your position again");
        }
        var errors = new InputErrors();
        var (kind, reason, wouldResolve, decision) = Position.ReadFields(errors, input.Kind, input.Reason, input.WouldResolve, input.Decision);
        if (input.TakenOn > UkCalendar.Today(clock))
        {
            errors.Add(nameof(input.TakenOn), "The day the position was taken must be today or in the past");
        }
        var (confirmedBy, confirmation) = isLead
            ? (null, null)
            : await CheckConfirmationAsync(input, organisationId, errors, ct);
        if (isLead && input.OnConfirmation)
        {
            errors.Add(nameof(input.ConfirmedByPersonId), "You lead this organisation: record its position yourself, without a confirmation");
        }
        Position.RequireReasons(errors, kind, reason, wouldResolve);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var position = round.Positions.SingleOrDefault(p => p.OrganisationId == organisationId);
        var before = position is null ? null : position.Snapshot();
        if (position is null && expectedVersion == Versions.Any)
        {
            // If-Match: * matches only something that exists (RFC 9110).
            throw new EditConflictException("Your organisation's position", Guid.Empty, new Dictionary<string, string?>());
        }
        if (position is null)
        {
            position = new Position
            {
                SystemId = round.SystemId, RoundId = round.Id, OrganisationId = organisationId, RecordedByName = actor.DisplayName,
            };
            // Added through the context (which also puts it in round.Positions): a child with its key already set
            // that is only added to a tracked parent's list is taken for an existing row.
            db.Positions.Add(position);
        }
        else
        {
            // Someone else from the same organisation recorded or changed the position since this person read it.
            if (!position.Version.Matches(expectedVersion, "position (its version in GET …/rounds/{roundId})"))
            {
                throw new EditConflictException("Your organisation's position", position.Version, position.Snapshot());
            }
            db.Entry(position).Property(p => p.Version).OriginalValue = position.Version;
        }
        position.Revision = round.CurrentRevision;
        position.Kind = kind;
        position.Reason = reason;
        position.WouldResolve = kind == PositionKind.Object ? wouldResolve : null;
        position.Decision = decision;
        position.RecordedByPersonId = actor.PersonId ?? Guid.Empty;
        position.RecordedByName = actor.DisplayName;
        position.RecordedAtUtc = now;
        position.TakenOn = input.TakenOn;
        (position.ConfirmedByPersonId, position.ConfirmedByName, position.Confirmation) = (confirmedBy?.Id, confirmedBy?.Name, confirmation);

        // Every position moves the round's version on, so two positions saved at once cannot both miss that
        // together they complete the round.
        db.Entry(round).State = EntityState.Modified;
        var goal = await db.Goals.Include(g => g.Places).SingleAsync(g => g.Id == round.GoalId, ct);
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        db.Audit(actor, now, confirmedBy is null ? "PositionRecorded" : "PositionRecordedOnConfirmation", GoalService.EntityType, goal.Id, goal.Title,
            before, position.Snapshot(organisation));
        if (round.IsAgreedNow)
        {
            await CloseAsync(round, goal, RoundState.Agreed, actor, now, ct);
        }
        await SaveAsync(ct);
        return position;
    }

    /// <summary>The lead a convenor names and the confirmation they name: both required, and the person must lead the organisation.</summary>
    private async Task<((Guid Id, string Name)? Lead, string? Confirmation)> CheckConfirmationAsync(RecordPosition input, Guid organisationId, InputErrors errors,
        CancellationToken ct)
    {
        var confirmation = errors.OptionalText(nameof(input.Confirmation), "Written confirmation", input.Confirmation, Position.ConfirmationMaxLength);
        if (confirmation is null)
        {
            errors.Add(nameof(input.Confirmation), "Enter the lead's written confirmation, for example email of 3 March 2023");
        }
        if (input.ConfirmedByPersonId is not { } personId)
        {
            errors.Add(nameof(input.ConfirmedByPersonId), "Select the lead of the organisation whose written confirmation this is");
            return (null, confirmation);
        }
        var lead = await db.Memberships.Where(m => m.PersonId == personId && m.OrganisationId == organisationId && m.Role == Role.OrganisationLead)
            .Select(m => m.Person!.DisplayName).FirstOrDefaultAsync(ct);
        if (lead is null)
        {
            errors.Add(nameof(input.ConfirmedByPersonId), "Select a lead of the organisation: only its leads can confirm its position");
            return (null, confirmation);
        }
        return ((personId, lead), confirmation);
    }

    /// <summary>
    /// Answers an objection with a new revision of the proposal. Positions given on earlier revisions stay on the
    /// record but no longer count: each organisation must confirm again.
    /// </summary>
    public async Task<AgreementRound> AmendAsync(Guid roundId, AmendProposal input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("amend a proposal");
        var round = await LoadOpenAsync(roundId, ct);
        if (round.Kind == ProposalKind.Retire)
        {
            throw new InputInvalidException(nameof(input.Title), "A retirement has no wording to amend: withdraw it instead");
        }
        if (!round.Version.Matches(expectedVersion, "round"))
        {
            throw new EditConflictException("The proposal", round.Version, new Dictionary<string, string?> { ["Revision"] = round.CurrentRevision.ToString(CultureInfo.InvariantCulture) });
        }
        var errors = new InputErrors();
        var wording = GoalService.ValidateWording(errors, input.Title, input.OutcomeStatement, input.Population, input.InequalityLens, input.Horizon, UkCalendar.Today(clock));
        var note = errors.OptionalText(nameof(input.Note), "Note", input.Note, AgreementRound.NoteMaxLength);
        if (note is null)
        {
            errors.Add(nameof(input.Note), "Say what the amendment changes and which concerns it answers");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(round).Property(r => r.Version).OriginalValue = round.Version;
        var previous = round.Current;
        round.CurrentRevision++;
        var revision = ProposalRevision.For(round, round.CurrentRevision, wording, note, now);
        db.Add(revision);
        db.Entry(round).State = EntityState.Modified;
        var goal = await db.Goals.SingleAsync(g => g.Id == round.GoalId, ct);
        db.Audit(actor, now, "ProposalAmended", GoalService.EntityType, goal.Id, goal.Title, previous.Snapshot(), round.Current.Snapshot());
        await SaveAsync(ct);
        return round;
    }

    public async Task WithdrawAsync(Guid roundId, string? reason, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("withdraw a proposal");
        if (reason?.Trim() is { Length: > AgreementRound.NoteMaxLength })
        {
            throw new InputInvalidException("Reason", $"Reason must be {AgreementRound.NoteMaxLength} characters or fewer");
        }
        var round = await LoadOpenAsync(roundId, ct);
        var goal = await db.Goals.Include(g => g.Places).SingleAsync(g => g.Id == round.GoalId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await CloseAsync(round, goal, RoundState.Withdrawn, actor, now, ct, reason?.Trim());
        await SaveAsync(ct);
    }

    /// <summary>Settles every overdue round in the system, so that lists never show a round open past its date.</summary>
    public async Task SettleAllOverdueAsync(CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var goalIds = await db.AgreementRounds.Where(r => r.State == RoundState.Open && r.ClosesOn < today).Select(r => r.GoalId).Distinct().ToListAsync(ct);
        foreach (var goalId in goalIds)
        {
            await SettleOverdueAsync(goalId, ct);
        }
    }

    /// <summary>
    /// Closes as not agreed every open round of the goal whose closing date has passed. Done when rounds are read,
    /// so no background job is needed and the outcome never depends on one having run.
    /// </summary>
    private async Task SettleOverdueAsync(Guid goalId, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var overdue = await db.AgreementRounds.Include(r => r.RequiredResponses).Include(r => r.Positions).Include(r => r.Revisions)
            .Where(r => r.GoalId == goalId && r.State == RoundState.Open && r.ClosesOn < today).ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return;
        }
        var goal = await db.Goals.Include(g => g.Places).SingleAsync(g => g.Id == goalId, ct);
        var system = new Actor(null, "Concordat (closing date passed)", isAdministrator: true, goal.SystemId, []);
        foreach (var round in overdue)
        {
            // A round complete without objection is agreed even if nobody saved after the last position landed.
            await CloseAsync(round, goal, round.IsAgreedNow ? RoundState.Agreed : RoundState.NotAgreed, system, clock.GetUtcNow().UtcDateTime, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request settled the same round at the same moment: the outcome is the same, so carry on.
            db.ChangeTracker.Clear();
        }
    }

    private async Task CloseAsync(AgreementRound round, Goal goal, RoundState outcome, Actor actor, DateTime now, CancellationToken ct, string? reason = null)
    {
        round.State = outcome;
        round.ClosedAtUtc = now;
        db.Entry(round).State = EntityState.Modified;
        var before = await goals.SnapshotAsync(goal, ct);
        if (outcome == RoundState.Agreed)
        {
            var agreed = round.Current;
            switch (round.Kind)
            {
                case ProposalKind.Adopt or ProposalKind.Change:
                    goal.Title = agreed.Title;
                    goal.OutcomeStatement = agreed.OutcomeStatement;
                    goal.Population = agreed.Population;
                    goal.InequalityLens = agreed.InequalityLens;
                    goal.Horizon = agreed.Horizon;
                    goal.Status = GoalStatus.Agreed;
                    break;
                case ProposalKind.Retire:
                    goal.Status = GoalStatus.Retired;
                    break;
            }
        }
        else if (round.Kind == ProposalKind.Adopt)
        {
            goal.Status = GoalStatus.Draft;
        }
        db.Entry(goal).State = EntityState.Modified;
        var action = outcome switch
        {
            RoundState.Agreed => "AgreementRoundAgreed",
            RoundState.NotAgreed => "AgreementRoundNotAgreed",
            _ => "AgreementRoundWithdrawn",
        };
        var after = await goals.SnapshotAsync(goal, ct);
        if (reason is { Length: > 0 })
        {
            after = new SortedDictionary<string, string?>(after.ToDictionary()) { ["Reason for withdrawal"] = reason };
        }
        db.Audit(actor, now, action, GoalService.EntityType, goal.Id, goal.Title, before, after);
    }

    private async Task<AgreementRound> LoadOpenAsync(Guid roundId, CancellationToken ct, Guid? onGoal = null)
    {
        var goalId = await db.AgreementRounds.Where(r => r.Id == roundId).Select(r => (Guid?)r.GoalId).SingleOrDefaultAsync(ct);
        if (goalId is null || (onGoal is { } expected && expected != goalId))
        {
            throw new NotFoundException("There is no such agreement round in this system.");
        }
        await SettleOverdueAsync(goalId.Value, ct);
        var round = await db.AgreementRounds.Include(r => r.Revisions).Include(r => r.RequiredResponses).Include(r => r.Positions)
            .AsSplitQuery().SingleAsync(r => r.Id == roundId, ct);
        round.RequireOpen();
        return round;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException("The agreement round", Guid.Empty, new Dictionary<string, string?>());
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two leads of one organisation recording its first position at the same moment, or two rounds opened
            // on one goal at once: the unique index decides, and the other is told.
            throw new EditConflictException("The agreement round", Guid.Empty, new Dictionary<string, string?>());
        }
    }
}

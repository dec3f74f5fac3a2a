using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.Tables;
using Concordat.Core.Waiting;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.WorkProgramme.Iterations;

/// <summary>A new iteration; the dates default from the cadence after the latest iteration.</summary>
public sealed record SaveIteration(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Objective);

/// <summary>Closing: the unfinished items to carry into the next iteration; the rest go back to the backlog.</summary>
public sealed record CloseIteration(IReadOnlyList<Guid>? CarryItemIds);

public sealed record HoldReview(DateOnly? HeldOn, string? Notes);

public sealed record SaveRetrospectiveAnswer(string? WentWell, string? ToChange, string? LearnedAboutPartners);

public sealed record AddRetrospectiveAction(string? Title, Guid? OwnerOrganisationId, Guid? WorkstreamId);

public sealed record IterationSummary(Iteration Iteration, int Planned, int Done);

/// <summary>
/// An item of an iteration: live while the iteration is open, from its snapshot once closed (then with its
/// <see cref="Outcome"/>). <see cref="SlipNote"/> is why it slipped, when someone said.
/// </summary>
public sealed record IterationItem(Guid WorkItemId, string Title, Guid WorkstreamId, string Workstream, Guid OwnerOrganisationId, string OwnerOrganisation,
    WorkItemStatus Status, string? BlockedReason, IterationOutcome? Outcome, string? SlipNote);

public sealed record IterationDetail(Iteration Iteration, IReadOnlyList<IterationItem> Items);

public sealed record DeliveredByOrganisation(Guid OrganisationId, string Organisation, IReadOnlyList<IterationItem> Items);

/// <summary>A measure of a goal the iteration's work serves, read at the iteration's start and at its end.</summary>
public sealed record MeasureMovement(Guid MeasureId, string Name, MeasureSummary AtStart, MeasureSummary AtEnd)
{
    public bool Moved => AtStart.Variation != AtEnd.Variation || AtStart.Assurance != AtEnd.Assurance || AtStart.Points != AtEnd.Points;
}

public sealed record IterationReview(Iteration Iteration, IReadOnlyList<DeliveredByOrganisation> Delivered, IReadOnlyList<IterationItem> Slipped,
    IReadOnlyList<MeasureMovement> Measures);

public sealed record RetrospectiveAnswerView(Guid OrganisationId, string Organisation, RetrospectiveAnswer? Answer);

public sealed record RetrospectiveActionView(Guid WorkItemId, Guid IterationId, string Iteration, string Title, Guid OwnerOrganisationId, string OwnerOrganisation,
    WorkItemStatus Status);

/// <summary>A closed iteration's retrospective: each participant's answer side by side, its actions, and earlier actions still open.</summary>
public sealed record IterationRetrospective(Iteration Iteration, IReadOnlyList<RetrospectiveAnswerView> Answers, IReadOnlyList<RetrospectiveActionView> Actions,
    IReadOnlyList<RetrospectiveActionView> OpenFromEarlier);

/// <summary>
/// Iterations of the shared work programme: convenors start and close them; the owners of items plan them in; each
/// partner that took part answers the retrospective for itself.
/// </summary>
public sealed class IterationService(ConcordatDb db, WorkItemService items, MeasureService measures, TimeProvider clock)
{
    public const string EntityType = "Iteration";

    public async Task<IterationCadence> CadenceAsync(CancellationToken ct) =>
        await db.IterationCadences.AsNoTracking().SingleOrDefaultAsync(ct) ?? new IterationCadence { SystemId = db.CurrentSystemId ?? Guid.Empty };

    /// <summary>Sets how many weeks an iteration lasts; a cadence never set is changed without a version.</summary>
    public async Task<IterationCadence> SetCadenceAsync(int? weeks, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("set how long iterations last");
        if (weeks is not { } w || w < 1 || w > IterationCadence.MaxWeeks)
        {
            throw new InputInvalidException("Weeks", $"Enter a whole number of weeks from 1 to {IterationCadence.MaxWeeks}");
        }
        var cadence = await db.IterationCadences.SingleOrDefaultAsync(ct);
        var before = cadence?.Weeks ?? IterationCadence.DefaultWeeks;
        if (cadence is null)
        {
            cadence = new IterationCadence { SystemId = actor.SystemId };
            db.IterationCadences.Add(cadence);
        }
        else if (!cadence.Version.Matches(expectedVersion, "cadence"))
        {
            throw new EditConflictException("The cadence", cadence.Version, Cadence(cadence.Weeks));
        }
        else
        {
            db.Entry(cadence).Property(c => c.Version).OriginalValue = cadence.Version;
            db.Entry(cadence).State = EntityState.Modified;
        }
        cadence.Weeks = w;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "IterationCadenceSet", EntityType, actor.SystemId, "Iterations", Cadence(before), Cadence(w));
        await SaveAsync("The cadence", ct);
        return cadence;
    }

    /// <summary>Every iteration, newest first, with how many items were planned and done.</summary>
    public async Task<IReadOnlyList<IterationSummary>> ListAsync(CancellationToken ct)
    {
        var iterations = await db.Iterations.AsNoTracking().OrderByDescending(i => i.Number).ToListAsync(ct);
        var live = await db.WorkItems.AsNoTracking().Where(i => i.IterationId != null)
            .GroupBy(i => i.IterationId).Select(g => new { Id = g.Key!.Value, Planned = g.Count(), Done = g.Count(i => i.Status == WorkItemStatus.Done) }).ToListAsync(ct);
        var kept = await db.IterationSnapshotItems.AsNoTracking()
            .GroupBy(s => s.IterationId).Select(g => new { Id = g.Key, Planned = g.Count(), Done = g.Count(s => s.Outcome == IterationOutcome.Done) }).ToListAsync(ct);
        return [.. iterations.Select(i => i.IsClosed
            ? kept.FirstOrDefault(k => k.Id == i.Id) is { } k ? new IterationSummary(i, k.Planned, k.Done) : new IterationSummary(i, 0, 0)
            : live.FirstOrDefault(l => l.Id == i.Id) is { } l ? new IterationSummary(i, l.Planned, l.Done) : new IterationSummary(i, 0, 0))];
    }

    public async Task<IterationDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var iteration = await FindAsync(id, ct);
        return new IterationDetail(iteration, await ItemsAsync(iteration, ct));
    }

    /// <summary>Starts the iteration after the latest one; its dates follow on from it at the cadence unless given.</summary>
    public async Task<Iteration> StartAsync(SaveIteration input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("start an iteration");
        var iteration = await NextAsync(input, actor, ct);
        db.Iterations.Add(iteration);
        db.Audit(actor, iteration.CreatedAtUtc, "IterationStarted", EntityType, iteration.Id, iteration.Name, null, iteration.Snapshot());
        await SaveAsync(iteration.Name, ct);
        return iteration;
    }

    /// <summary>
    /// Changes an open iteration's name, dates and objective (convenors), against the version they read. The dates stay
    /// in order and clear of every other iteration's; a closed iteration keeps what it was, as its review and snapshot do.
    /// </summary>
    public async Task<Iteration> UpdateAsync(Guid id, SaveIteration input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("change an iteration");
        var iteration = await db.Iterations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var before = iteration.Snapshot();
        if (!iteration.Version.Matches(expectedVersion, "iteration"))
        {
            throw new EditConflictException(iteration.Name, iteration.Version, before);
        }
        if (iteration.IsClosed)
        {
            throw new InputInvalidException(nameof(Iteration), $"{iteration.Name} is closed: its dates and objective stay as they were when it closed");
        }
        var errors = new InputErrors();
        var name = errors.OptionalText(nameof(input.Name), "Name", input.Name, Iteration.NameMaxLength) ?? $"Iteration {iteration.Number}";
        var objective = errors.OptionalText(nameof(input.Objective), "Objective", input.Objective, Iteration.ObjectiveMaxLength);
        if (input.StartsOn is null)
        {
            errors.Add(nameof(input.StartsOn), "Enter the date the iteration starts");
        }
        if (input.EndsOn is null)
        {
            errors.Add(nameof(input.EndsOn), "Enter the date the iteration ends");
        }
        if (input is { StartsOn: { } startsOn, EndsOn: { } endsOn })
        {
            if (endsOn < startsOn)
            {
                errors.Add(nameof(input.EndsOn), "The iteration must end on or after the day it starts");
            }
            else if (await db.Iterations.AsNoTracking().Where(i => i.Id != id && i.StartsOn <= endsOn && i.EndsOn >= startsOn)
                    .OrderBy(i => i.Number).FirstOrDefaultAsync(ct) is { } overlapping)
            {
                errors.Add(nameof(input.StartsOn), $"The dates overlap {overlapping.Name}, {Prose.Dates(overlapping.StartsOn, overlapping.EndsOn)}");
            }
        }
        errors.ThrowIfAny();
        db.Entry(iteration).Property(i => i.Version).OriginalValue = iteration.Version;
        iteration.Name = name;
        iteration.StartsOn = input.StartsOn!.Value;
        iteration.EndsOn = input.EndsOn!.Value;
        iteration.Objective = objective;
        var after = iteration.Snapshot();
        if (!before.SequenceEqual(after))
        {
            db.Audit(actor, clock.GetUtcNow().UtcDateTime, "IterationChanged", EntityType, id, iteration.Name, before, after);
            await SaveAsync(iteration.Name, ct);
        }
        return iteration;
    }

    /// <summary>Plans an item into an open iteration, or (with none) back into the backlog; the item's people and convenors may.</summary>
    public async Task<WorkItem> PlanAsync(Guid workItemId, Guid? iterationId, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(i => i.Id == workItemId, ct) ?? throw new NotFoundException("There is no such work item in this system.");
        WorkItem.RequireOwner(actor, item.OwnerOrganisationId, "plan this work item");
        var names = await db.Iterations.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var before = Planned(item.IterationId, names);
        if (!item.Version.Matches(expectedVersion, "work item"))
        {
            throw new EditConflictException(item.Title, item.Version, before);
        }
        if (iterationId is { } target && await db.Iterations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == target, ct) is not { IsClosed: false })
        {
            throw new InputInvalidException("IterationId", "Select an iteration that is not closed, or none for the backlog");
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = item.Version;
        item.IterationId = iterationId;
        var after = Planned(iterationId, names);
        if (!before.SequenceEqual(after))
        {
            db.Audit(actor, clock.GetUtcNow().UtcDateTime, "WorkItemPlanned", WorkItemService.EntityType, item.Id, item.Title, before, after);
            await SaveAsync(item.Title, ct);
        }
        return item;
    }

    /// <summary>
    /// Closes an iteration (convenors): the items chosen are carried into the next iteration (started from the cadence if
    /// there is none yet), the other unfinished ones go back to the backlog, and what was planned, done and carried is
    /// kept as it stood. The retrospective opens for the organisations that owned or contributed to its items.
    /// </summary>
    public async Task<Iteration> CloseAsync(Guid id, CloseIteration input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("close an iteration");
        var iteration = await db.Iterations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        if (!iteration.Version.Matches(expectedVersion, "iteration"))
        {
            throw new EditConflictException(iteration.Name, iteration.Version, iteration.Snapshot());
        }
        if (iteration.IsClosed)
        {
            throw new InputInvalidException(nameof(Iteration), $"{iteration.Name} is already closed");
        }
        var planned = await db.WorkItems.Include(i => i.Contributors).Where(i => i.IterationId == id).ToListAsync(ct);
        var carry = (input.CarryItemIds ?? []).Distinct().ToList();
        if (carry.Any(c => !planned.Any(i => i.Id == c && i.Status != WorkItemStatus.Done)))
        {
            throw new InputInvalidException(nameof(input.CarryItemIds), "Select only unfinished items of this iteration to carry");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Iteration? next = null;
        if (carry.Count > 0)
        {
            next = await db.Iterations.Where(i => i.Number > iteration.Number && i.ClosedAtUtc == null).OrderBy(i => i.Number).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                next = await NextAsync(new SaveIteration(null, null, null, null), actor, ct);
                db.Iterations.Add(next);
                db.Audit(actor, now, "IterationStarted", EntityType, next.Id, next.Name, null, next.Snapshot());
            }
        }
        var owners = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var item in planned)
        {
            var outcome = item.Status == WorkItemStatus.Done ? IterationOutcome.Done : carry.Contains(item.Id) ? IterationOutcome.Carried : IterationOutcome.ReturnedToBacklog;
            db.IterationSnapshotItems.Add(new IterationSnapshotItem
            {
                SystemId = actor.SystemId, IterationId = id, WorkItemId = item.Id, Title = item.Title, WorkstreamId = item.WorkstreamId,
                OwnerOrganisationId = item.OwnerOrganisationId, OwnerOrganisation = owners.GetValueOrDefault(item.OwnerOrganisationId, "?"), Status = item.Status,
                BlockedReason = item.BlockedReason, Outcome = outcome,
            });
            if (outcome != IterationOutcome.Done)
            {
                item.IterationId = outcome == IterationOutcome.Carried ? next!.Id : null;
            }
        }
        foreach (var organisationId in planned.SelectMany(i => i.Contributors.Select(c => c.OrganisationId).Prepend(i.OwnerOrganisationId)).Distinct())
        {
            db.IterationParticipants.Add(new IterationParticipant { SystemId = actor.SystemId, IterationId = id, OrganisationId = organisationId });
        }
        db.Entry(iteration).Property(i => i.Version).OriginalValue = iteration.Version;
        iteration.ClosedAtUtc = now;
        iteration.ClosedByName = actor.DisplayName;
        var done = planned.Count(i => i.Status == WorkItemStatus.Done);
        db.Audit(actor, now, "IterationClosed", EntityType, id, iteration.Name, null, new SortedDictionary<string, string?>
        {
            ["Planned"] = Prose.Count(planned.Count, "item"),
            ["Done"] = Prose.Count(done, "item"),
            ["Carried"] = Prose.Count(carry.Count, "item"),
            ["Returned to the backlog"] = Prose.Count(planned.Count - done - carry.Count, "item"),
        });
        await SaveAsync(iteration.Name, ct);
        return iteration;
    }

    /// <summary>
    /// The review: what was delivered, by organisation; what slipped and why; and how the measures of the goals the work
    /// serves read at the iteration's start and at its end. A closed iteration's items come from its snapshot.
    /// </summary>
    public async Task<IterationReview> ReviewAsync(Guid id, CancellationToken ct)
    {
        var iteration = await FindAsync(id, ct);
        var all = await ItemsAsync(iteration, ct);
        var delivered = all.Where(i => i.Status == WorkItemStatus.Done).GroupBy(i => (i.OwnerOrganisationId, i.OwnerOrganisation))
            .OrderBy(g => g.Key.OwnerOrganisation, StringComparer.Ordinal)
            .Select(g => new DeliveredByOrganisation(g.Key.OwnerOrganisationId, g.Key.OwnerOrganisation, [.. g])).ToList();
        var streams = all.Select(i => i.WorkstreamId).Distinct().ToList();
        var measureIds = db.WorkstreamGoals.AsNoTracking().Where(w => streams.Contains(w.WorkstreamId))
            .Join(db.GoalMeasures, w => w.GoalId, g => g.GoalId, (_, g) => g.MeasureId).Distinct();
        // Both days in one reading of the series.
        var readings = await measures.ReadingsOnAsync(measureIds, [iteration.StartsOn, iteration.EndsOn], ct);
        var movements = readings.Values.Select(r => new MeasureMovement(r[1].Id, r[1].Name, r[0], r[1]))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.MeasureId).ToList();
        return new IterationReview(iteration, delivered, [.. all.Where(i => i.Status != WorkItemStatus.Done)], movements);
    }

    /// <summary>Records why an unfinished item slipped (a convenor, or the people of the item's owner); an empty note removes it.</summary>
    public async Task RecordSlipAsync(Guid id, Guid workItemId, string? note, Actor actor, CancellationToken ct)
    {
        var iteration = await FindAsync(id, ct);
        var item = (await ItemsAsync(iteration, ct)).SingleOrDefault(i => i.WorkItemId == workItemId && i.Status != WorkItemStatus.Done)
            ?? throw new NotFoundException("There is no such unfinished item in this iteration.");
        WorkItem.RequireOwner(actor, item.OwnerOrganisationId, "say why this item slipped");
        var errors = new InputErrors();
        var text = errors.OptionalText("Note", "Why it slipped", note, IterationSlipNote.NoteMaxLength);
        errors.ThrowIfAny();
        if (text == item.SlipNote)
        {
            return;
        }
        var stored = await db.IterationSlipNotes.SingleOrDefaultAsync(s => s.IterationId == id && s.WorkItemId == workItemId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (text is null && stored is not null)
        {
            db.IterationSlipNotes.Remove(stored);
        }
        else if (text is not null && stored is null)
        {
            db.IterationSlipNotes.Add(new IterationSlipNote { SystemId = actor.SystemId, IterationId = id, WorkItemId = workItemId, Note = text, RecordedByName = actor.DisplayName, RecordedAtUtc = now });
        }
        else if (text is not null && stored is not null)
        {
            stored.Note = text;
            stored.RecordedByName = actor.DisplayName;
            stored.RecordedAtUtc = now;
        }
        db.Audit(actor, now, "IterationSlipNoted", EntityType, id, iteration.Name,
            new SortedDictionary<string, string?> { ["Item"] = item.Title, ["Why it slipped"] = item.SlipNote },
            new SortedDictionary<string, string?> { ["Item"] = item.Title, ["Why it slipped"] = text });
        await SaveAsync(iteration.Name, ct);
    }

    /// <summary>Marks the review held, with its date and notes (convenors).</summary>
    public async Task<Iteration> HoldReviewAsync(Guid id, HoldReview input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("record that a review was held");
        var iteration = await db.Iterations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var before = iteration.Snapshot();
        if (!iteration.Version.Matches(expectedVersion, "iteration"))
        {
            throw new EditConflictException(iteration.Name, iteration.Version, before);
        }
        var errors = new InputErrors();
        if (input.HeldOn is not { } heldOn)
        {
            errors.Add(nameof(input.HeldOn), "Enter the date the review was held");
        }
        else if (heldOn < iteration.StartsOn)
        {
            errors.Add(nameof(input.HeldOn), $"The review cannot have been held before the iteration began on {Prose.Date(iteration.StartsOn)}");
        }
        var notes = errors.OptionalText(nameof(input.Notes), "Notes", input.Notes, Iteration.NotesMaxLength);
        errors.ThrowIfAny();
        db.Entry(iteration).Property(i => i.Version).OriginalValue = iteration.Version;
        iteration.ReviewHeldOn = input.HeldOn;
        iteration.ReviewNotes = notes;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "IterationReviewHeld", EntityType, id, iteration.Name, before, iteration.Snapshot());
        await SaveAsync(iteration.Name, ct);
        return iteration;
    }

    public async Task<IterationRetrospective> RetrospectiveAsync(Guid id, CancellationToken ct)
    {
        var iteration = await FindAsync(id, ct);
        var answers = await db.IterationParticipants.AsNoTracking().Where(p => p.IterationId == id)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p.OrganisationId, o.Name })
            .OrderBy(p => p.Name).ThenBy(p => p.OrganisationId).ToListAsync(ct);
        var given = await db.RetrospectiveAnswers.AsNoTracking().Where(a => a.IterationId == id).ToDictionaryAsync(a => a.OrganisationId, ct);
        var actions = await ActionsAsync(db.RetrospectiveActions.Where(a => a.IterationId == id), ct);
        // Earlier retrospectives' actions stay in sight until their items are done.
        var earlier = await ActionsAsync(db.RetrospectiveActions.Where(a => a.IterationId != id
            && db.Iterations.Any(i => i.Id == a.IterationId && i.Number < iteration.Number)
            && db.WorkItems.Any(w => w.Id == a.WorkItemId && w.Status != WorkItemStatus.Done)), ct);
        return new IterationRetrospective(iteration, [.. answers.Select(a => new RetrospectiveAnswerView(a.OrganisationId, a.Name, given.GetValueOrDefault(a.OrganisationId)))],
            actions, earlier);
    }

    /// <summary>
    /// Records or changes one organisation's answer. Only its own people answer for it, only while the retrospective is
    /// open, and a change made against an older version than the stored one is refused rather than overwriting it.
    /// </summary>
    public async Task<RetrospectiveAnswer> AnswerAsync(Guid id, Guid organisationId, SaveRetrospectiveAnswer input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var iteration = await FindAsync(id, ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        if (!actor.CanContributeFor(organisationId))
        {
            throw new ForbiddenException("Only the organisation's own leads and contributors can answer its retrospective.");
        }
        if (!iteration.IsRetrospectiveOpen)
        {
            throw new InputInvalidException(nameof(Iteration), iteration.IsClosed ? "The retrospective is closed" : "The retrospective opens when the iteration closes");
        }
        if (!await db.IterationParticipants.AnyAsync(p => p.IterationId == id && p.OrganisationId == organisationId, ct))
        {
            throw new NotFoundException($"{organisation} had no work in {iteration.Name}, so it has no retrospective to answer.");
        }
        var errors = new InputErrors();
        var wentWell = errors.OptionalText(nameof(input.WentWell), "What went well", input.WentWell, RetrospectiveAnswer.TextMaxLength);
        var toChange = errors.OptionalText(nameof(input.ToChange), "What to change", input.ToChange, RetrospectiveAnswer.TextMaxLength);
        var learned = errors.OptionalText(nameof(input.LearnedAboutPartners), "What you learned about another partner's world", input.LearnedAboutPartners,
            RetrospectiveAnswer.TextMaxLength);
        if (wentWell is null && toChange is null && learned is null)
        {
            errors.Add(nameof(input.WentWell), "Say what went well, what to change, or what you learned about another partner's world");
        }
        errors.ThrowIfAny();
        var answer = await db.RetrospectiveAnswers.SingleOrDefaultAsync(a => a.IterationId == id && a.OrganisationId == organisationId, ct);
        var before = answer?.Snapshot(organisation);
        if (answer is null && expectedVersion == Versions.Any)
        {
            // If-Match: * matches only something that exists (RFC 9110).
            throw new EditConflictException($"{organisation}'s answer", Guid.Empty, new Dictionary<string, string?>());
        }
        if (answer is null)
        {
            answer = new RetrospectiveAnswer { SystemId = actor.SystemId, IterationId = id, OrganisationId = organisationId, UpdatedByName = actor.DisplayName };
            db.RetrospectiveAnswers.Add(answer);
        }
        else
        {
            if (!answer.Version.Matches(expectedVersion, "answer"))
            {
                throw new EditConflictException($"{organisation}'s answer", answer.Version, answer.Snapshot(organisation));
            }
            db.Entry(answer).Property(a => a.Version).OriginalValue = answer.Version;
            db.Entry(answer).State = EntityState.Modified;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        answer.WentWell = wentWell;
        answer.ToChange = toChange;
        answer.LearnedAboutPartners = learned;
        answer.UpdatedByName = actor.DisplayName;
        answer.UpdatedAtUtc = now;
        db.Audit(actor, now, "RetrospectiveAnswered", EntityType, id, iteration.Name, before, answer.Snapshot(organisation));
        await SaveAsync($"{organisation}'s answer", ct);
        return answer;
    }

    /// <summary>Closes the retrospective (convenors): the answers are kept as they are.</summary>
    public async Task<Iteration> CloseRetrospectiveAsync(Guid id, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("close a retrospective");
        var iteration = await db.Iterations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        if (!iteration.Version.Matches(expectedVersion, "iteration"))
        {
            throw new EditConflictException(iteration.Name, iteration.Version, iteration.Snapshot());
        }
        if (!iteration.IsRetrospectiveOpen)
        {
            throw new InputInvalidException(nameof(Iteration), iteration.IsClosed ? "The retrospective is already closed" : "The retrospective opens when the iteration closes");
        }
        db.Entry(iteration).Property(i => i.Version).OriginalValue = iteration.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        iteration.RetrospectiveClosedAtUtc = now;
        db.Audit(actor, now, "RetrospectiveClosed", EntityType, id, iteration.Name, null, null);
        await SaveAsync(iteration.Name, ct);
        return iteration;
    }

    /// <summary>
    /// Records an action agreed in the retrospective (convenors): a work item in the backlog of the workstream chosen,
    /// owned by the organisation that will carry it out, and linked back to the retrospective.
    /// </summary>
    public async Task<WorkItem> AddActionAsync(Guid id, AddRetrospectiveAction input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("record a retrospective's actions");
        var iteration = await FindAsync(id, ct);
        if (!iteration.IsClosed)
        {
            throw new InputInvalidException(nameof(Iteration), "The retrospective opens when the iteration closes");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var item = await items.CreateAsync(new SaveWorkItem(input.Title, $"Agreed in the retrospective of {iteration.Name}.", input.WorkstreamId, input.OwnerOrganisationId,
            null, null, null, []), actor, ct);
        db.RetrospectiveActions.Add(new RetrospectiveAction { SystemId = actor.SystemId, IterationId = id, WorkItemId = item.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "RetrospectiveActionAgreed", EntityType, id, iteration.Name, null,
            new SortedDictionary<string, string?> { ["Action"] = item.Title });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return item;
    }

    /// <summary>
    /// What waits on a person: retrospectives an organisation they answer for took part in and has not answered, and the
    /// open retrospective actions those organisations own.
    /// </summary>
    public async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(Actor actor, CancellationToken ct)
    {
        var mine = actor.Memberships.Where(m => m.Role is Role.OrganisationLead or Role.Contributor).Select(m => m.OrganisationId).Distinct().ToList();
        if (mine.Count == 0)
        {
            return [];
        }
        var unanswered = await db.IterationParticipants.AsNoTracking()
            .Where(p => mine.Contains(p.OrganisationId) && !db.RetrospectiveAnswers.Any(a => a.IterationId == p.IterationId && a.OrganisationId == p.OrganisationId))
            .Join(db.Iterations.Where(i => i.ClosedAtUtc != null && i.RetrospectiveClosedAtUtc == null), p => p.IterationId, i => i.Id,
                (p, i) => new { i.Id, i.Name, i.EndsOn, p.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Id, x.Name, x.EndsOn, Organisation = o.Name })
            .ToListAsync(ct);
        var actions = await ActionsAsync(db.RetrospectiveActions.Where(a => db.WorkItems.Any(w => w.Id == a.WorkItemId && w.Status != WorkItemStatus.Done
            && mine.Contains(w.OwnerOrganisationId))), ct);
        return
        [
            .. unanswered.OrderBy(u => u.EndsOn).ThenBy(u => u.Organisation, StringComparer.Ordinal).Select(u => new WaitingItem(WaitingKind.RetrospectiveAnswer,
                $"Answer {u.Organisation}'s retrospective of {u.Name}", $"The iteration ended on {Prose.Date(u.EndsOn)}", null, $"work/iterations/{u.Id}/retrospective")),
            .. actions.Select(a => new WaitingItem(WaitingKind.RetrospectiveAction, $"Carry out {a.Title}",
                $"{a.OwnerOrganisation}'s action from the retrospective of {a.Iteration}; {Prose.Clause(a.Status.InWords())}", null, $"work/items/{a.WorkItemId}")),
        ];
    }

    /// <summary>An iteration's items as a table to download, with what became of each once it closed.</summary>
    public static Table ToTable(IReadOnlyList<IterationItem> items) => new(
        ["id", "title", "workstream", "owner", "status", "blocked_because", "outcome", "why_it_slipped"],
        [.. items.Select(i => (IReadOnlyList<object?>)[i.WorkItemId.ToString(), i.Title, i.Workstream, i.OwnerOrganisation, i.Status.InWords(), i.BlockedReason,
            i.Outcome?.InWords(), i.SlipNote])]);

    private async Task<IReadOnlyList<IterationItem>> ItemsAsync(Iteration iteration, CancellationToken ct)
    {
        var notes = await db.IterationSlipNotes.AsNoTracking().Where(s => s.IterationId == iteration.Id).ToDictionaryAsync(s => s.WorkItemId, s => s.Note, ct);
        if (!iteration.IsClosed)
        {
            return [.. (await items.ListAsync(new WorkItemFilter(IterationId: iteration.Id), ct)).Select(c => new IterationItem(c.Id, c.Title, c.WorkstreamId, c.Workstream,
                c.OwnerOrganisationId, c.OwnerOrganisation, c.Status, c.BlockedReason, null, notes.GetValueOrDefault(c.Id)))];
        }
        var kept = await db.IterationSnapshotItems.AsNoTracking().Where(s => s.IterationId == iteration.Id).ToListAsync(ct);
        var streams = await db.Workstreams.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return [.. kept.OrderBy(s => s.Status).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.WorkItemId)
            .Select(s => new IterationItem(s.WorkItemId, s.Title, s.WorkstreamId, streams.GetValueOrDefault(s.WorkstreamId, "?"), s.OwnerOrganisationId, s.OwnerOrganisation,
                s.Status, s.BlockedReason, s.Outcome, notes.GetValueOrDefault(s.WorkItemId)))];
    }

    private async Task<IReadOnlyList<RetrospectiveActionView>> ActionsAsync(IQueryable<RetrospectiveAction> actions, CancellationToken ct) =>
        (await actions.AsNoTracking()
            .Join(db.WorkItems, a => a.WorkItemId, w => w.Id, (a, w) => new { a.IterationId, a.CreatedAtUtc, w.Id, w.Title, w.OwnerOrganisationId, w.Status })
            .Join(db.Iterations, x => x.IterationId, i => i.Id, (x, i) => new { x, Iteration = i.Name, i.Number })
            .Join(db.Organisations, y => y.x.OwnerOrganisationId, o => o.Id, (y, o) => new { y.x, y.Iteration, y.Number, Owner = o.Name })
            .ToListAsync(ct))
        .OrderBy(a => a.Number).ThenBy(a => a.x.CreatedAtUtc).ThenBy(a => a.x.Id)
        .Select(a => new RetrospectiveActionView(a.x.Id, a.x.IterationId, a.Iteration, a.x.Title, a.x.OwnerOrganisationId, a.Owner, a.x.Status)).ToList();

    /// <summary>The iteration after the latest: numbered on, its dates following the latest's end at the cadence unless given.</summary>
    private async Task<Iteration> NextAsync(SaveIteration input, Actor actor, CancellationToken ct)
    {
        var latest = await db.Iterations.AsNoTracking().OrderByDescending(i => i.Number).FirstOrDefaultAsync(ct);
        var pending = db.ChangeTracker.Entries<Iteration>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var number = Math.Max(latest?.Number ?? 0, pending.Count == 0 ? 0 : pending.Max(p => p.Number)) + 1;
        var weeks = (await CadenceAsync(ct)).Weeks;
        var errors = new InputErrors();
        var name = errors.OptionalText(nameof(input.Name), "Name", input.Name, Iteration.NameMaxLength) ?? $"Iteration {number}";
        var objective = errors.OptionalText(nameof(input.Objective), "Objective", input.Objective, Iteration.ObjectiveMaxLength);
        var startsOn = input.StartsOn ?? latest?.EndsOn.AddDays(1) ?? UkCalendar.Today(clock);
        var endsOn = input.EndsOn ?? startsOn.AddDays(7 * weeks - 1);
        if (endsOn < startsOn)
        {
            errors.Add(nameof(input.EndsOn), "The iteration must end on or after the day it starts");
        }
        if (latest is not null && startsOn <= latest.EndsOn)
        {
            errors.Add(nameof(input.StartsOn), $"The iteration must start after {latest.Name} ends on {Prose.Date(latest.EndsOn)}");
        }
        errors.ThrowIfAny();
        return new Iteration
        {
            SystemId = actor.SystemId, Number = number, Name = name, StartsOn = startsOn, EndsOn = endsOn, Objective = objective,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    private async Task<Iteration> FindAsync(Guid id, CancellationToken ct) =>
        await db.Iterations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();

    private static NotFoundException NotFound() => new("There is no such iteration in this system.");

    private static SortedDictionary<string, string?> Cadence(int weeks) => new() { ["Cadence"] = Prose.Count(weeks, "week") };

    private static SortedDictionary<string, string?> Planned(Guid? iterationId, Dictionary<Guid, string> names) =>
        new() { ["Iteration"] = iterationId is { } i ? names.GetValueOrDefault(i, "?") : null };

    /// <summary>Saves, turning a concurrent change (or a second iteration of the same number) into the conflict the caller shows.</summary>
    private async Task SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new EditConflictException(name, Guid.Empty, new Dictionary<string, string?>());
        }
    }
}

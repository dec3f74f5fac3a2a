using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Tables;
using Concordat.Core.Waiting;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Pdsa;

/// <summary>The Plan of a cycle: what is tested, what is predicted, by whom, where, when, and the measure that will show it.</summary>
public sealed record SavePdsaPlan(string? Title, string? Objective, string? Question, string? Prediction, Guid? OwnerOrganisationId, Guid? OwnerPersonId,
    string? Where, DateOnly? StartsOn, DateOnly? EndsOn, Guid? MeasureId, IReadOnlyList<Guid>? OrganisationIds = null);

public sealed record RecordPdsaDo(string? WhatHappened, string? Observations, string? Surprises);

public sealed record RecordPdsaStudy(string? Result);

/// <summary>The decision needs the study; notes may be saved before it.</summary>
public sealed record RecordPdsaAct(PdsaDecision? Decision, string? Notes);

/// <summary>Filters of the system's list of cycles; every one optional.</summary>
public sealed record PdsaFilter(Guid? ChangeIdeaId = null, Guid? OrganisationId = null, Guid? MeasureId = null);

/// <summary>A cycle with the names a list shows.</summary>
public sealed record PdsaRow(PdsaCycle Cycle, string ChangeIdea, Guid GoalId, string Owner, string? Person, string? Measure);

public sealed record PdsaDetail(PdsaRow Row, IReadOnlyList<(Guid Id, string Name)> Organisations, PdsaCycle? Previous, PdsaCycle? Next)
{
    public PdsaCycle Cycle => Row.Cycle;
}

/// <summary>A cycle as a measure's chart and data table mark it.</summary>
public sealed record PdsaOnMeasure(Guid Id, string Label, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>PDSA cycles: small tests of change ideas, run by one organisation whose people (and convenors) record each stage.</summary>
public sealed class PdsaService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "PdsaCycle";

    /// <summary>Cycles matching the filter, each idea's ramps in the order they began and each ramp in its order.</summary>
    public async Task<IReadOnlyList<PdsaRow>> ListAsync(PdsaFilter filter, CancellationToken ct)
    {
        var cycles = db.PdsaCycles.AsNoTracking();
        if (filter.ChangeIdeaId is { } idea)
        {
            cycles = cycles.Where(c => c.ChangeIdeaId == idea);
        }
        if (filter.OrganisationId is { } organisation)
        {
            cycles = cycles.Where(c => c.OwnerOrganisationId == organisation || c.Organisations.Any(o => o.OrganisationId == organisation));
        }
        if (filter.MeasureId is { } measure)
        {
            cycles = cycles.Where(c => c.MeasureId == measure);
        }
        var rows = await cycles
            .Select(c => new
            {
                Cycle = c,
                Idea = db.ChangeIdeas.Where(i => i.Id == c.ChangeIdeaId).Select(i => new { i.Title, i.GoalId }).Single(),
                Owner = db.Organisations.Where(o => o.Id == c.OwnerOrganisationId).Select(o => o.Name).Single(),
                Person = db.Users.Where(p => p.Id == c.OwnerPersonId).Select(p => p.DisplayName).SingleOrDefault(),
                Measure = db.Measures.Where(m => m.Id == c.MeasureId).Select(m => m.Name).SingleOrDefault(),
            })
            .ToListAsync(ct);
        var rampStarts = rows.Where(r => r.Cycle.Number == 1).ToDictionary(r => r.Cycle.RampId, r => r.Cycle.StartsOn);
        return [.. rows
            .Select(r => new PdsaRow(r.Cycle, r.Idea.Title, r.Idea.GoalId, r.Owner, r.Person, r.Measure))
            .OrderBy(r => r.ChangeIdea, StringComparer.Ordinal).ThenBy(r => r.Cycle.ChangeIdeaId)
            .ThenBy(r => rampStarts.GetValueOrDefault(r.Cycle.RampId, r.Cycle.StartsOn)).ThenBy(r => r.Cycle.RampId).ThenBy(r => r.Cycle.Number)];
    }

    /// <summary>The change idea a page of cycles is about: its title and the goal it was entered in.</summary>
    public async Task<(string Title, Guid GoalId)> IdeaAsync(Guid ideaId, CancellationToken ct) =>
        await db.ChangeIdeas.AsNoTracking().Where(i => i.Id == ideaId).Select(i => new { i.Title, i.GoalId }).SingleOrDefaultAsync(ct) is { } idea
            ? (idea.Title, idea.GoalId)
            : throw new NotFoundException("There is no such change idea in this system.");

    public async Task<PdsaDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var row = (await ListRowAsync(id, ct)) ?? throw new NotFoundException("There is no such PDSA cycle in this system.");
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        row.Cycle.Organisations.AddRange(await db.PdsaCycleOrganisations.AsNoTracking().Where(o => o.CycleId == id).ToListAsync(ct));
        var previous = row.Cycle.PreviousCycleId is { } p ? await db.PdsaCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == p, ct) : null;
        var next = await db.PdsaCycles.AsNoTracking().SingleOrDefaultAsync(c => c.PreviousCycleId == id, ct);
        return new PdsaDetail(row, [.. row.Cycle.Organisations.Select(o => (o.OrganisationId, names.GetValueOrDefault(o.OrganisationId, "?"))).OrderBy(o => o.Item2, StringComparer.Ordinal)],
            previous, next);
    }

    private async Task<PdsaRow?> ListRowAsync(Guid id, CancellationToken ct) =>
        await db.PdsaCycles.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new PdsaRow(c,
                db.ChangeIdeas.Where(i => i.Id == c.ChangeIdeaId).Select(i => i.Title).Single(),
                db.ChangeIdeas.Where(i => i.Id == c.ChangeIdeaId).Select(i => i.GoalId).Single(),
                db.Organisations.Where(o => o.Id == c.OwnerOrganisationId).Select(o => o.Name).Single(),
                db.Users.Where(p => p.Id == c.OwnerPersonId).Select(p => p.DisplayName).SingleOrDefault(),
                db.Measures.Where(m => m.Id == c.MeasureId).Select(m => m.Name).SingleOrDefault()))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Plans the first cycle of a new ramp for a change idea, run by an organisation the actor works for (any partner, for
    /// a convenor). Someone who may plan no test hears only that, whatever they sent.
    /// </summary>
    public async Task<PdsaCycle> PlanAsync(Guid? changeIdeaId, SavePdsaPlan input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor))
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can plan a test of change.");
        }
        if (changeIdeaId is null)
        {
            throw new InputInvalidException("ChangeIdeaId", "Say which change idea the cycle tests");
        }
        if (!await db.ChangeIdeas.AnyAsync(i => i.Id == changeIdeaId, ct))
        {
            throw new NotFoundException("There is no such change idea in this system.");
        }
        var valid = await ValidateAsync(input, ct);
        PdsaCycle.RequireOwner(actor, valid.OwnerOrganisationId, "plan a test run by that organisation");
        var id = Guid.CreateVersion7();
        var cycle = new PdsaCycle
        {
            Id = id, SystemId = actor.SystemId, ChangeIdeaId = changeIdeaId.Value, RampId = id, Number = 1, Title = valid.Title, Objective = valid.Objective,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Apply(cycle, valid);
        db.PdsaCycles.Add(cycle);
        db.Audit(actor, cycle.CreatedAtUtc, "PdsaCyclePlanned", EntityType, cycle.Id, cycle.Label, null, cycle.Snapshot(await NamesAsync(cycle, ct)));
        await db.SaveChangesAsync(ct);
        return cycle;
    }

    /// <summary>Changes the plan against the version read. Only a convenor hands the test to another organisation.</summary>
    public async Task<PdsaCycle> UpdatePlanAsync(Guid id, SavePdsaPlan input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (cycle, before) = await LoadForChangeAsync(id, expectedVersion, actor, "change this test's plan", ct);
        var valid = await ValidateAsync(input, ct);
        if (valid.OwnerOrganisationId != cycle.OwnerOrganisationId && !actor.IsConvenor)
        {
            throw new InputInvalidException(nameof(SavePdsaPlan.OwnerOrganisationId), "Only a convenor can hand the test to another organisation");
        }
        cycle.Title = valid.Title;
        cycle.Objective = valid.Objective;
        db.PdsaCycleOrganisations.RemoveRange(cycle.Organisations);
        cycle.Organisations.Clear();
        Apply(cycle, valid);
        return await SaveChangeAsync(cycle, before, "PdsaPlanChanged", actor, ct);
    }

    /// <summary>Records what happened when the test was run.</summary>
    public async Task<PdsaCycle> RecordDoAsync(Guid id, RecordPdsaDo input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (cycle, before) = await LoadForChangeAsync(id, expectedVersion, actor, "record what happened", ct);
        var errors = new InputErrors();
        var happened = errors.RequiredText(nameof(input.WhatHappened), "What happened", input.WhatHappened, PdsaCycle.TextMaxLength, "Say what happened when the test was run");
        var observations = errors.OptionalText(nameof(input.Observations), "Observations", input.Observations, PdsaCycle.TextMaxLength);
        var surprises = errors.OptionalText(nameof(input.Surprises), "Surprises", input.Surprises, PdsaCycle.TextMaxLength);
        errors.ThrowIfAny();
        (cycle.WhatHappened, cycle.Observations, cycle.Surprises) = (happened, observations, surprises);
        return await SaveChangeAsync(cycle, before, "PdsaDoRecorded", actor, ct);
    }

    /// <summary>Records the result against the prediction; there is nothing to study until what happened is recorded.</summary>
    public async Task<PdsaCycle> RecordStudyAsync(Guid id, RecordPdsaStudy input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (cycle, before) = await LoadForChangeAsync(id, expectedVersion, actor, "record the study", ct);
        var errors = new InputErrors();
        var result = errors.RequiredText(nameof(input.Result), "Result", input.Result, PdsaCycle.TextMaxLength, "Say what the result was against the prediction");
        if (cycle.WhatHappened is null)
        {
            errors.Add(nameof(input.Result), "Record what happened (Do) before studying the result");
        }
        errors.ThrowIfAny();
        cycle.Result = result;
        return await SaveChangeAsync(cycle, before, "PdsaStudyRecorded", actor, ct);
    }

    /// <summary>Records the decision (which needs the study) and notes (which may be written at any time).</summary>
    public async Task<PdsaCycle> RecordActAsync(Guid id, RecordPdsaAct input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var (cycle, before) = await LoadForChangeAsync(id, expectedVersion, actor, "record the decision", ct);
        var errors = new InputErrors();
        var notes = errors.OptionalText(nameof(input.Notes), "Notes", input.Notes, PdsaCycle.TextMaxLength);
        if (input.Decision is { } decision && !Enum.IsDefined(decision))
        {
            errors.Add(nameof(input.Decision), "Select adopt, adapt, abandon or scale up");
        }
        else if (input.Decision is not null && cycle.Result is null)
        {
            errors.Add(nameof(input.Decision), "Study the result before deciding: record it first, or save notes without a decision");
        }
        else if (input.Decision is null && notes is null)
        {
            errors.Add(nameof(input.Decision), "Select a decision, or write notes to save");
        }
        else if (input.Decision is null && cycle.Decision is not null)
        {
            errors.Add(nameof(input.Decision), "Select the decision: once made, it is changed, not taken away");
        }
        errors.ThrowIfAny();
        (cycle.Decision, cycle.ActNotes) = (input.Decision, notes);
        return await SaveChangeAsync(cycle, before, "PdsaActRecorded", actor, ct);
    }

    /// <summary>
    /// Plans the next cycle of the ramp from a decided one: same idea, owner, people, place and measure, the objective
    /// carried over to rewrite, dates following on for as long again. A question and prediction are the new cycle's own.
    /// </summary>
    public async Task<PdsaCycle> RampAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var from = await db.PdsaCycles.AsNoTracking().Include(c => c.Organisations).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("There is no such PDSA cycle in this system.");
        PdsaCycle.RequireOwner(actor, from.OwnerOrganisationId, "ramp this test on");
        if (from.Decision is null or PdsaDecision.Abandon)
        {
            throw new InputInvalidException(nameof(PdsaCycle.Decision), from.Decision is null
                ? "Decide what to do next (Act) before ramping on to the next cycle"
                : "The idea was abandoned: plan a new test instead of ramping this one on");
        }
        if (await db.PdsaCycles.AnyAsync(c => c.PreviousCycleId == id, ct))
        {
            throw new InputInvalidException(nameof(PdsaCycle.PreviousCycleId), $"{from.Label} has already been ramped on");
        }
        var length = from.EndsOn.DayNumber - from.StartsOn.DayNumber;
        var starts = from.EndsOn.AddDays(1);
        var next = new PdsaCycle
        {
            SystemId = actor.SystemId, ChangeIdeaId = from.ChangeIdeaId, RampId = from.RampId, PreviousCycleId = from.Id, Number = from.Number + 1, Title = from.Title,
            Objective = from.Objective, OwnerOrganisationId = from.OwnerOrganisationId, OwnerPersonId = from.OwnerPersonId, Where = from.Where, StartsOn = starts,
            EndsOn = starts.AddDays(length), MeasureId = from.MeasureId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        next.Organisations.AddRange(from.Organisations.Select(o => new PdsaCycleOrganisation { SystemId = actor.SystemId, CycleId = next.Id, OrganisationId = o.OrganisationId }));
        db.PdsaCycles.Add(next);
        db.Audit(actor, next.CreatedAtUtc, "PdsaCycleRamped", EntityType, next.Id, next.Label, null, next.Snapshot(await NamesAsync(next, ct)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone ramped it on at the same moment: the unique index kept the ramp from forking.
            db.ChangeTracker.Clear();
            if (await db.PdsaCycles.AnyAsync(c => c.PreviousCycleId == id, ct))
            {
                throw new InputInvalidException(nameof(PdsaCycle.PreviousCycleId), $"{from.Label} has already been ramped on");
            }
            throw;
        }
        return next;
    }

    /// <summary>Cycles on a measure from any change idea, oldest first, for its chart and data table.</summary>
    public static async Task<IReadOnlyList<PdsaOnMeasure>> OnMeasureAsync(ConcordatDb db, Guid measureId, CancellationToken ct) =>
        [.. (await db.PdsaCycles.AsNoTracking().Where(c => c.MeasureId == measureId).ToListAsync(ct))
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Number).ThenBy(c => c.Id).Select(c => new PdsaOnMeasure(c.Id, c.Label, c.StartsOn, c.EndsOn))];

    /// <summary>Cycles the actor's organisations run that have ended with no study yet: "ready to study".</summary>
    public async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(Actor actor, CancellationToken ct)
    {
        var organisations = actor.Memberships.Where(m => m.Role is Role.OrganisationLead or Role.Contributor).Select(m => m.OrganisationId).Distinct().ToList();
        if (organisations.Count == 0)
        {
            return [];
        }
        var today = UkCalendar.Today(clock);
        var cycles = await db.PdsaCycles.AsNoTracking()
            .Where(c => organisations.Contains(c.OwnerOrganisationId) && c.EndsOn < today && c.Result == null)
            .Select(c => new { Cycle = c, Owner = db.Organisations.Where(o => o.Id == c.OwnerOrganisationId).Select(o => o.Name).Single(),
                Idea = db.ChangeIdeas.Where(i => i.Id == c.ChangeIdeaId).Select(i => i.Title).Single() })
            .ToListAsync(ct);
        return [.. cycles.OrderBy(c => c.Cycle.EndsOn).ThenBy(c => c.Cycle.Id).Select(c => new WaitingItem(WaitingKind.PdsaReadyToStudy,
            $"Study {c.Cycle.Label}", $"{c.Owner}'s test of {c.Idea} ended on {Prose.Date(c.Cycle.EndsOn)}: record the result against the prediction",
            c.Cycle.EndsOn, $"pdsa/{c.Cycle.Id}/study"))];
    }

    /// <summary>The system's cycles as a table to download, one row per cycle, with every stage.</summary>
    public static Table ToTable(IReadOnlyList<PdsaRow> rows) => new(
        ["id", "change_idea", "ramp", "cycle", "title", "owner", "person", "starts", "ends", "measure", "objective", "question", "prediction", "stage",
            "what_happened", "observations", "surprises", "result", "decision", "act_notes", "previous_cycle"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Cycle.Id.ToString(), r.ChangeIdea, r.Cycle.RampId.ToString(), r.Cycle.Number, r.Cycle.Title, r.Owner, r.Person,
            r.Cycle.StartsOn, r.Cycle.EndsOn, r.Measure, r.Cycle.Objective, r.Cycle.Question, r.Cycle.Prediction, r.Cycle.Stage.InWords(), r.Cycle.WhatHappened,
            r.Cycle.Observations, r.Cycle.Surprises, r.Cycle.Result, r.Cycle.Decision?.InWords(), r.Cycle.ActNotes, r.Cycle.PreviousCycleId?.ToString()])]);

    private async Task<(PdsaCycle Cycle, IReadOnlyDictionary<string, string?> Before)> LoadForChangeAsync(Guid id, Guid? expectedVersion, Actor actor, string action,
        CancellationToken ct)
    {
        var cycle = await db.PdsaCycles.Include(c => c.Organisations).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("There is no such PDSA cycle in this system.");
        PdsaCycle.RequireOwner(actor, cycle.OwnerOrganisationId, action);
        var before = cycle.Snapshot(await NamesAsync(cycle, ct));
        if (!cycle.Version.Matches(expectedVersion, "PDSA cycle"))
        {
            throw new EditConflictException(cycle.Label, cycle.Version, before);
        }
        db.Entry(cycle).Property(c => c.Version).OriginalValue = cycle.Version;
        return (cycle, before);
    }

    private async Task<PdsaCycle> SaveChangeAsync(PdsaCycle cycle, IReadOnlyDictionary<string, string?> before, string action, Actor actor, CancellationToken ct)
    {
        var after = cycle.Snapshot(await NamesAsync(cycle, ct));
        if (before.SequenceEqual(after))
        {
            db.ChangeTracker.Clear();
            return cycle;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, action, EntityType, cycle.Id, cycle.Label, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PdsaCycles.AsNoTracking().Include(c => c.Organisations).SingleAsync(c => c.Id == cycle.Id, ct);
            throw new EditConflictException(current.Label, current.Version, current.Snapshot(await NamesAsync(current, ct)));
        }
        return cycle;
    }

    private sealed record Valid(string Title, string Objective, string? Question, string? Prediction, Guid OwnerOrganisationId, Guid? OwnerPersonId, string? Where,
        DateOnly StartsOn, DateOnly EndsOn, Guid? MeasureId, IReadOnlyList<Guid> OrganisationIds);

    private async Task<Valid> ValidateAsync(SavePdsaPlan input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var title = errors.RequiredText(nameof(input.Title), "Short title", input.Title, PdsaCycle.TitleMaxLength, "Enter a short title for the test");
        var objective = errors.RequiredText(nameof(input.Objective), "Objective", input.Objective, PdsaCycle.TextMaxLength, "Say what the test is for");
        var question = errors.OptionalText(nameof(input.Question), "Question", input.Question, PdsaCycle.TextMaxLength);
        var prediction = errors.OptionalText(nameof(input.Prediction), "Prediction", input.Prediction, PdsaCycle.TextMaxLength);
        var where = errors.OptionalText(nameof(input.Where), "Where", input.Where, PdsaCycle.WhereMaxLength);
        var partners = await db.Organisations.AsNoTracking().Where(o => o.IsPartner).Select(o => o.Id).ToListAsync(ct);
        if (input.OwnerOrganisationId is not { } owner || !partners.Contains(owner))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Select the organisation running the test");
        }
        else if (input.OwnerPersonId is { } person && !await db.Memberships.AnyAsync(m => m.PersonId == person && m.OrganisationId == owner, ct))
        {
            errors.Add(nameof(input.OwnerPersonId), "Select a person of the organisation running the test, or no one");
        }
        if (input.StartsOn is null)
        {
            errors.Add(nameof(input.StartsOn), "Enter the date the test starts");
        }
        if (input.EndsOn is null)
        {
            errors.Add(nameof(input.EndsOn), "Enter the date the test ends");
        }
        else if (input.StartsOn is { } starts && input.EndsOn < starts)
        {
            errors.Add(nameof(input.EndsOn), "The test must end on or after the day it starts");
        }
        if (input.MeasureId is { } measure && !await db.Measures.AnyAsync(m => m.Id == measure, ct))
        {
            errors.Add(nameof(input.MeasureId), "Select one of the system's measures, or none");
        }
        var others = (input.OrganisationIds ?? []).Distinct().Where(o => o != input.OwnerOrganisationId).ToList();
        if (others.Any(o => !partners.Contains(o)))
        {
            errors.Add(nameof(input.OrganisationIds), "Select other organisations from the partners of this system");
        }
        errors.ThrowIfAny();
        return new Valid(title, objective, question, prediction, input.OwnerOrganisationId!.Value, input.OwnerPersonId, where, input.StartsOn!.Value, input.EndsOn!.Value,
            input.MeasureId, others);
    }

    private static void Apply(PdsaCycle cycle, Valid valid)
    {
        cycle.Question = valid.Question;
        cycle.Prediction = valid.Prediction;
        cycle.OwnerOrganisationId = valid.OwnerOrganisationId;
        cycle.OwnerPersonId = valid.OwnerPersonId;
        cycle.Where = valid.Where;
        cycle.StartsOn = valid.StartsOn;
        cycle.EndsOn = valid.EndsOn;
        cycle.MeasureId = valid.MeasureId;
        cycle.Organisations.AddRange(valid.OrganisationIds.Select(o => new PdsaCycleOrganisation { SystemId = cycle.SystemId, CycleId = cycle.Id, OrganisationId = o }));
    }

    /// <summary>Names of everything a cycle's snapshot names.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(PdsaCycle cycle, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (cycle.MeasureId is { } measureId && await db.Measures.AsNoTracking().Where(m => m.Id == measureId).Select(m => m.Name).SingleOrDefaultAsync(ct) is { } measure)
        {
            names[measureId] = measure;
        }
        if (cycle.OwnerPersonId is { } personId && await db.Users.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct) is { } person)
        {
            names[personId] = person;
        }
        return names;
    }
}

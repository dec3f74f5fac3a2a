using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Measures;

/// <summary>A measure's data: the value of each period, and the points from which its SPC limits are recalculated.</summary>
public sealed class MeasureDataService(ConcordatDb db, TimeProvider clock)
{
    /// <summary>
    /// Adds a period's value, or corrects it (the audit event keeps the value it replaced). The owner's leads and
    /// contributors, and convenors, record data.
    /// </summary>
    public async Task<Observation> RecordAsync(Guid measureId, RecordObservation input, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        Measure.RequireDataContributor(actor, measure.OwnerOrganisationId, "record it");
        var errors = new InputErrors();
        var period = input.PeriodStart ?? default;
        if (input.PeriodStart is null)
        {
            errors.Add(nameof(input.PeriodStart), "Enter the start of the period");
        }
        else if (measure.PeriodProblem(period) is { } periodProblem)
        {
            errors.Add(nameof(input.PeriodStart), periodProblem);
        }
        else if (period > UkCalendar.Today(clock))
        {
            errors.Add(nameof(input.PeriodStart), "The period must have started already");
        }
        if (input.Value is not { } value || !double.IsFinite(value))
        {
            errors.Add(nameof(input.Value), "Enter the value as a number");
            value = 0;
        }
        else if (measure.ValueProblem(value) is { } valueProblem)
        {
            errors.Add(nameof(input.Value), "Value " + valueProblem);
        }
        var reading = new ObservationReading(value, input.Count, input.Denominator, input.LowerCi, input.UpperCi);
        foreach (var (field, problem) in reading.Problems())
        {
            errors.Add(field, problem);
        }
        var note = errors.OptionalText(nameof(input.Note), "Note", input.Note, Observation.NoteMaxLength);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var observation = await db.Observations.SingleOrDefaultAsync(o => o.MeasureId == measureId && o.PeriodStart == period, ct);
        var before = observation is null ? null : Snapshot(observation);
        if (observation is null)
        {
            observation = new Observation { SystemId = actor.SystemId, MeasureId = measureId, PeriodStart = period, RecordedByName = actor.DisplayName };
            db.Observations.Add(observation);
        }
        observation.Value = value;
        (observation.Count, observation.Denominator, observation.LowerCi, observation.UpperCi) = (input.Count, input.Denominator, input.LowerCi, input.UpperCi);
        observation.Note = note;
        observation.RecordedAtUtc = now;
        observation.RecordedByName = actor.DisplayName;
        db.Audit(actor, now, before is null ? "ObservationAdded" : "ObservationCorrected", MeasureService.EntityType, measureId, measure.Name, before, Snapshot(observation));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            throw new EditConflictException($"The value for {Prose.Date(period)}", Guid.Empty, new Dictionary<string, string?>());
        }
        return observation;
    }

    private static SortedDictionary<string, string?> Snapshot(Observation o)
    {
        static string? Number(double? n) => n is { } value ? Prose.ExactNumber(value) : null;
        var snapshot = new SortedDictionary<string, string?>
        {
            ["Period"] = Prose.Month(o.PeriodStart), ["Value"] = Number(o.Value), ["Note"] = o.Note,
        };
        foreach (var (key, value) in new[] { ("Count", o.Count), ("Denominator", o.Denominator), ("Lower CI", o.LowerCi), ("Upper CI", o.UpperCi) })
        {
            if (value is not null)
            {
                snapshot[key] = Number(value);
            }
        }
        return snapshot;
    }

    /// <summary>Adds a recalculation point: the SPC limits start again from this period (convenors or the owner's leads).</summary>
    public async Task<MeasureRebase> AddRebaseAsync(Guid measureId, AddRebase input, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        measure.RequireSteward(actor, "recalculate its limits");
        var errors = new InputErrors();
        if (input.PeriodStart is not { } period)
        {
            errors.Add(nameof(input.PeriodStart), "Enter the first period of the new process");
        }
        else if (measure.PeriodProblem(period) is { } problem)
        {
            errors.Add(nameof(input.PeriodStart), problem);
        }
        else if (await db.MeasureRebases.AnyAsync(r => r.MeasureId == measureId && r.PeriodStart == period, ct))
        {
            errors.Add(nameof(input.PeriodStart), $"Limits are already recalculated from {Prose.Date(period)}");
        }
        var reason = errors.OptionalText(nameof(input.Reason), "Reason", input.Reason, MeasureRebase.ReasonMaxLength);
        if (reason is null)
        {
            errors.Add(nameof(input.Reason), "Say why the process changed, like \"new pathway from April 2018\"");
        }
        errors.ThrowIfAny();
        var rebase = new MeasureRebase { SystemId = actor.SystemId, MeasureId = measureId, PeriodStart = input.PeriodStart!.Value, Reason = reason! };
        db.MeasureRebases.Add(rebase);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureRebased", MeasureService.EntityType, measureId, measure.Name, null,
            new SortedDictionary<string, string?> { ["From"] = Prose.Month(rebase.PeriodStart), ["Reason"] = rebase.Reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new InputInvalidException(nameof(input.PeriodStart), $"Limits are already recalculated from {Prose.Date(rebase.PeriodStart)}");
        }
        return rebase;
    }

    public async Task RemoveRebaseAsync(Guid measureId, Guid rebaseId, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        measure.RequireSteward(actor, "recalculate its limits");
        var rebase = await db.MeasureRebases.SingleOrDefaultAsync(r => r.Id == rebaseId && r.MeasureId == measureId, ct)
            ?? throw new NotFoundException("That recalculation point has already been removed.");
        db.MeasureRebases.Remove(rebase);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureRebaseRemoved", MeasureService.EntityType, measureId, measure.Name,
            new SortedDictionary<string, string?> { ["From"] = Prose.Month(rebase.PeriodStart), ["Reason"] = rebase.Reason }, null);
        await db.SaveChangesAsync(ct);
    }
}

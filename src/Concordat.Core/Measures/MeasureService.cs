using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Spc;
using Concordat.Spc.Charts;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Measures;

public sealed record SaveMeasure(string? Name, string? Definition, string? Unit, MeasureFrequency? Frequency, ImprovementDirection? Improvement,
    double? Target, string? Source, Guid? OwnerOrganisationId);

public sealed record RecordObservation(DateOnly? PeriodStart, double? Value, string? Note);

/// <summary>A measure with its Making Data Count reading, for lists and goal pages.</summary>
public sealed record MeasureSummary(Guid Id, string Name, string Unit, ImprovementDirection Improvement, int Points, DateOnly? LatestPeriod,
    double? LatestValue, VariationIcon? Variation, AssuranceIcon? Assurance, string? SparklineSvg, bool IsStale)
{
    /// <summary>Special cause concern first, then neither, common cause, improvement, and measures without data last.</summary>
    public int ConcernRank => Variation switch
    {
        VariationIcon.ConcernHigh or VariationIcon.ConcernLow => 0,
        VariationIcon.NeitherHigh or VariationIcon.NeitherLow => 1,
        VariationIcon.CommonCause => 2,
        VariationIcon.ImprovementHigh or VariationIcon.ImprovementLow => 3,
        _ => 4,
    };
}

public sealed record MeasureDetail(Measure Measure, string Owner, IReadOnlyList<Observation> Observations, XmrAnalysis? Analysis, string? ChartSvg,
    XmrSummary? Summary, IReadOnlyList<(Guid Id, string Title)> Goals, bool IsStale);

public sealed class MeasureService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Measure";

    public async Task<IReadOnlyList<MeasureSummary>> ListAsync(Guid? goalId, CancellationToken ct)
    {
        var query = db.Measures.AsNoTracking();
        if (goalId is { } id)
        {
            query = query.Where(m => db.GoalMeasures.Any(g => g.GoalId == id && g.MeasureId == m.Id));
        }
        var measures = await query.OrderBy(m => m.Name).ToListAsync(ct);
        var ids = measures.Select(m => m.Id).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => ids.Contains(o.MeasureId)).ToListAsync(ct))
            .ToLookup(o => o.MeasureId);
        return measures.Select(m => Summarise(m, observations[m.Id].OrderBy(o => o.PeriodStart).ToList()))
            .OrderBy(s => s.ConcernRank).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private MeasureSummary Summarise(Measure measure, List<Observation> series)
    {
        if (series.Count == 0)
        {
            return new MeasureSummary(measure.Id, measure.Name, measure.Unit, measure.Improvement, 0, null, null, null, null, null, false);
        }
        var analysis = Analyse(measure, series);
        var sparkline = XmrChart.ToSparklineSvg(analysis, new XmrSparklineOptions { Title = measure.Name, Labels = Labels(measure, series), IdPrefix = "s" + measure.Id.ToString("N")[..8] });
        var latest = series[^1];
        return new MeasureSummary(measure.Id, measure.Name, measure.Unit, measure.Improvement, series.Count, latest.PeriodStart, latest.Value,
            analysis.VariationIcon, analysis.AssuranceIcon, sparkline, measure.IsStale(latest.PeriodStart, UkCalendar.Today(clock)));
    }

    public async Task<MeasureDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        var owner = await db.Organisations.Where(o => o.Id == measure.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
        var series = await db.Observations.AsNoTracking().Where(o => o.MeasureId == id).OrderBy(o => o.PeriodStart).ToListAsync(ct);
        var goals = await db.GoalMeasures.Where(g => g.MeasureId == id).Join(db.Goals, g => g.GoalId, g => g.Id, (_, g) => new { g.Id, g.Title })
            .OrderBy(g => g.Title).ToListAsync(ct);
        if (series.Count == 0)
        {
            return new MeasureDetail(measure, owner, series, null, null, null, goals.Select(g => (g.Id, g.Title)).ToList(), false);
        }
        var analysis = Analyse(measure, series);
        var labels = Labels(measure, series);
        var chart = XmrChart.ToSvg(analysis, new XmrChartOptions { Title = measure.Name, Labels = labels, IdPrefix = "c" + id.ToString("N")[..8] });
        return new MeasureDetail(measure, owner, series, analysis, chart, XmrSummary.Describe(analysis, labels), goals.Select(g => (g.Id, g.Title)).ToList(),
            measure.IsStale(series[^1].PeriodStart, UkCalendar.Today(clock)));
    }

    private static XmrAnalysis Analyse(Measure measure, IReadOnlyList<Observation> series) =>
        XmrAnalysis.Analyse(series.Select(o => (double?)o.Value).ToArray(), new SpcOptions { Improvement = measure.Improvement, Target = measure.Target });

    private static SpcLabels Labels(Measure measure, IReadOnlyList<Observation> series) =>
        new() { MeasureName = measure.Name, Unit = measure.Unit, PeriodLabels = SpcLabels.FormatPeriods(series.Select(o => o.PeriodStart).ToList()) };

    /// <summary>Convenors, and leads of the organisation that owns the data, define measures.</summary>
    public async Task<Measure> CreateAsync(SaveMeasure input, Actor actor, CancellationToken ct)
    {
        var errors = new InputErrors();
        string Text(string field, string? value, int max, string missing, string label)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0 && missing.Length > 0)
            {
                errors.Add(field, missing);
            }
            else if (text.Length > max)
            {
                errors.Add(field, $"{label} must be {max} characters or fewer");
            }
            return text;
        }
        var name = Text(nameof(input.Name), input.Name, Measure.NameMaxLength, "Enter the measure's name", "Name");
        var definition = Text(nameof(input.Definition), input.Definition, Measure.DefinitionMaxLength, "Enter how the measure is defined (numerator and denominator for a rate)", "Definition");
        var unit = Text(nameof(input.Unit), input.Unit, Measure.UnitMaxLength, "Enter the unit, like % or per 100,000", "Unit");
        var source = Text(nameof(input.Source), input.Source, Measure.SourceMaxLength, "", "Source");
        if (input.Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            errors.Add(nameof(input.Frequency), "Select how often the data comes");
            frequency = default;
        }
        if (input.Improvement is not { } improvement || !Enum.IsDefined(improvement))
        {
            errors.Add(nameof(input.Improvement), "Select which direction is improvement");
            improvement = default;
        }
        if (input.Target is { } target && !double.IsFinite(target))
        {
            errors.Add(nameof(input.Target), "Target must be a number");
        }
        if (input.OwnerOrganisationId is not { } ownerId || !await db.Organisations.AnyAsync(o => o.Id == ownerId, ct))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Select the organisation that owns the data");
            ownerId = default;
        }
        errors.ThrowIfAny();
        if (!actor.IsConvenor && !actor.IsLeadOf(ownerId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the data can define a measure.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var measure = new Measure
        {
            SystemId = actor.SystemId, Name = name, Definition = definition, Unit = unit, Frequency = frequency, Improvement = improvement,
            Target = input.Target, Source = source.Length == 0 ? null : source, OwnerOrganisationId = ownerId, CreatedAtUtc = now,
        };
        db.Measures.Add(measure);
        db.Audit(actor, now, "MeasureDefined", EntityType, measure.Id, measure.Name, null, new SortedDictionary<string, string?>
        {
            ["Name"] = name, ["Definition"] = definition, ["Unit"] = unit, ["Frequency"] = frequency.ToString(), ["Improvement"] = improvement.ToString(),
            ["Target"] = input.Target?.ToString(CultureInfo.InvariantCulture), ["Source"] = measure.Source,
        });
        await db.SaveChangesAsync(ct);
        return measure;
    }

    /// <summary>
    /// Adds a period's value, or corrects it (the audit event keeps the value it replaced). The owner's leads and
    /// contributors, and convenors, record data.
    /// </summary>
    public async Task<Observation> RecordAsync(Guid measureId, RecordObservation input, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        if (!actor.IsConvenor && !actor.CanContributeFor(measure.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only the organisation that owns the data, or a convenor, can record it.");
        }
        var errors = new InputErrors();
        var period = input.PeriodStart ?? default;
        if (input.PeriodStart is null)
        {
            errors.Add(nameof(input.PeriodStart), "Enter the start of the period");
        }
        else if (measure.Frequency == MeasureFrequency.Weekly ? period.DayOfWeek != DayOfWeek.Monday : period.Day != 1)
        {
            errors.Add(nameof(input.PeriodStart), measure.Frequency == MeasureFrequency.Weekly
                ? "A weekly period starts on a Monday"
                : "A period starts on the first day of a month, like 2026-04-01");
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
        var note = input.Note?.Trim();
        if (note is { Length: > Observation.NoteMaxLength })
        {
            errors.Add(nameof(input.Note), $"Note must be {Observation.NoteMaxLength} characters or fewer");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var observation = await db.Observations.SingleOrDefaultAsync(o => o.MeasureId == measureId && o.PeriodStart == period, ct);
        var before = observation is null ? null : new SortedDictionary<string, string?>
        {
            ["Period"] = period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Value"] = observation.Value.ToString(CultureInfo.InvariantCulture),
            ["Note"] = observation.Note,
        };
        if (observation is null)
        {
            observation = new Observation { SystemId = actor.SystemId, MeasureId = measureId, PeriodStart = period, RecordedByName = actor.DisplayName };
            db.Observations.Add(observation);
        }
        observation.Value = value;
        observation.Note = string.IsNullOrEmpty(note) ? null : note;
        observation.RecordedAtUtc = now;
        observation.RecordedByName = actor.DisplayName;
        db.Audit(actor, now, before is null ? "ObservationAdded" : "ObservationCorrected", EntityType, measureId, measure.Name, before, new SortedDictionary<string, string?>
        {
            ["Period"] = period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Value"] = value.ToString(CultureInfo.InvariantCulture),
            ["Note"] = observation.Note,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            throw new EditConflictException($"The value for {period:yyyy-MM-dd}", Guid.Empty, new Dictionary<string, string?>());
        }
        return observation;
    }

    /// <summary>Says that a measure shows whether a goal's outcome is moving (convenors, or leads of the goal's lead organisation).</summary>
    public async Task LinkToGoalAsync(Guid measureId, Guid goalId, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new InputInvalidException("GoalId", "Select a goal of this system");
        if (!actor.IsConvenor && !actor.IsLeadOf(goal.LeadOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the goal's lead organisation can choose its measures.");
        }
        if (await db.GoalMeasures.AnyAsync(g => g.GoalId == goalId && g.MeasureId == measureId, ct))
        {
            return;
        }
        db.GoalMeasures.Add(new GoalMeasure { SystemId = actor.SystemId, GoalId = goalId, MeasureId = measureId });
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureLinkedToGoal", GoalService.EntityType, goalId, goal.Title, null,
            new SortedDictionary<string, string?> { ["Measure"] = measure.Name });
        await db.SaveChangesAsync(ct);
    }
}

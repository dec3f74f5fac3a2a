using System.Collections.Immutable;
using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Tables;
using Concordat.Core.Words;
using Concordat.Spc;
using Concordat.Spc.Charts;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Measures;

/// <summary>One period of a trajectory: the value planned for it.</summary>
public sealed record PlannedValue(DateOnly? PeriodStart, double? Value);

public sealed record SaveMeasure(string? Name, string? Definition, string? Unit, MeasureFrequency? Frequency, ImprovementDirection? Improvement,
    double? Target, string? Source, Guid? OwnerOrganisationId)
{
    public MeasureFormat? Format { get; init; }
    public MeasureSourceKind? SourceKind { get; init; }
    public MeasureGeography? Geography { get; init; }
    public Guid? PlaceId { get; init; }
    public Guid? GeographyOrganisationId { get; init; }
    public string? AreaCode { get; init; }
    /// <summary>The length of each pool, for pooled years only.</summary>
    public int? PoolYears { get; init; }

    /// <summary>How often the data is published; null for once a period.</summary>
    public ReleaseCadence? ReleasedEvery { get; init; }

    /// <summary>How long after a period ends it is published, in <see cref="ReleaseLagUnit"/> (months when not given); null for the usual lag.</summary>
    public int? ReleaseLag { get; init; }
    public LagUnit? ReleaseLagUnit { get; init; }
    public IReadOnlyList<PlannedValue>? Trajectory { get; init; }
}

public sealed record RecordObservation(DateOnly? PeriodStart, double? Value, string? Note)
{
    public double? Count { get; init; }
    public double? Denominator { get; init; }
    public double? LowerCi { get; init; }
    public double? UpperCi { get; init; }
}

public sealed record AddRebase(DateOnly? PeriodStart, string? Reason);

/// <summary>
/// A target relative to a baseline: <c>Baseline</c> and <c>By</c> are periods written as the measure's data is
/// published ("2018 - 20", "2024/25", "April 2026"); <c>Amount</c> is the change, the percentage change (-50 halves)
/// or the value to reach, which <c>Reference</c> names ("the England average").
/// </summary>
public sealed record SetRelativeTarget(RelativeTargetKind? Kind, double? Amount, string? Reference, string? Baseline, string? By);

/// <summary>
/// A measure with its Making Data Count reading, for lists and goal pages. <see cref="IsProvisional"/> is
/// <see cref="XmrAnalysis.IsProvisional"/>: the icons rest on fewer points than reliable limits need.
/// </summary>
public sealed record MeasureSummary(Guid Id, string Name, string Unit, ImprovementDirection Improvement, int Points, DateOnly? LatestPeriod,
    double? LatestValue, VariationIcon? Variation, AssuranceIcon? Assurance, string? SparklineSvg, bool IsStale, bool IsProvisional)
{
    /// <summary>The latest period as published: "April 2026", "2019 - 21".</summary>
    public string? LatestPeriodInWords { get; init; }

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

/// <summary>
/// A measure's chart drawn twice: at 640 wide for a screen that shows it whole (and for print), and narrower for a
/// phone, so that its text is never shrunk below the size it is drawn at (12 px) to fit.
/// </summary>
public sealed record MeasureChart(string WideSvg, string NarrowSvg)
{
    /// <summary>The width of the content of a 320 px screen less the page's margins, rounded down.</summary>
    public const int NarrowWidth = 280;
}

public sealed record MeasureDetail(Measure Measure, string Owner, string Geography, IReadOnlyList<Observation> Observations, XmrAnalysis? Analysis,
    MeasureChart? Chart, XmrSummary? Summary, IReadOnlyList<(Guid Id, string Title)> Goals, bool IsStale, IReadOnlyList<MeasureRebase> Rebases,
    IReadOnlyList<TrajectoryPoint> Trajectory)
{
    /// <summary>PDSA cycles on this measure, from any change idea, oldest first; each is marked on the chart over the periods it covers.</summary>
    public IReadOnlyList<Pdsa.PdsaOnMeasure> Cycles { get; init; } = [];

    /// <summary>The cycles running in a period: those whose dates overlap it.</summary>
    public IReadOnlyList<Pdsa.PdsaOnMeasure> CyclesIn(DateOnly period)
    {
        var end = Period.Of(Measure, period).End;
        return [.. Cycles.Where(c => c.StartsOn <= end && c.EndsOn >= period)];
    }

    /// <summary>The period as published: "April 2026", "2019 - 21".</summary>
    public string PeriodInWords(DateOnly period) => Measure.PeriodInWords(period);

    /// <summary>The relative target in the words it was agreed in, with its baseline value as recorded now.</summary>
    public string? RelativeTargetInWords => Measure.RelativeTarget is { } target
        ? target.InWords(Measure, Observations.FirstOrDefault(o => o.PeriodStart == target.Baseline)?.Value) : null;

    /// <summary>Said when the relative target has no trajectory because its baseline has no value.</summary>
    public string? RelativeTargetProblem => Measure.RelativeTarget is { } target && Trajectory.Count == 0
        ? $"There is no value for {Measure.PeriodInWords(target.Baseline)}, the baseline, so the trajectory cannot be drawn: record or import it." : null;

    /// <summary>The trajectory's value for a period, if it plans one.</summary>
    public double? PlannedFor(DateOnly period) => Trajectory.FirstOrDefault(t => t.PeriodStart == period)?.Value;
}

public sealed class MeasureService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Measure";
    public const int TrajectoryMaxPoints = 520;

    public async Task<IReadOnlyList<MeasureSummary>> ListAsync(Guid? goalId, CancellationToken ct)
    {
        var query = db.Measures.AsNoTracking();
        if (goalId is { } id)
        {
            query = query.Where(m => db.GoalMeasures.Any(g => g.GoalId == id && g.MeasureId == m.Id));
        }
        return await SummariseAsync(query, ct);
    }

    /// <summary>The measures of many goals in as many queries as one goal's, each goal's in the order <see cref="ListAsync"/> gives.</summary>
    public async Task<ILookup<Guid, MeasureSummary>> ListForGoalsAsync(IReadOnlyCollection<Guid> goalIds, CancellationToken ct)
    {
        var links = await db.GoalMeasures.AsNoTracking().Where(g => goalIds.Contains(g.GoalId)).Select(g => new { g.GoalId, g.MeasureId }).ToListAsync(ct);
        var measureIds = links.Select(l => l.MeasureId).Distinct().ToList();
        var summaries = await SummariseAsync(db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id)), ct);
        var goalsOf = links.ToLookup(l => l.MeasureId, l => l.GoalId);
        return summaries.SelectMany(s => goalsOf[s.Id].Select(goalId => (goalId, s))).ToLookup(x => x.goalId, x => x.s);
    }

    /// <summary>
    /// Each measure's Making Data Count reading as it stood on a day: the same analysis as the list, of the periods that
    /// had begun by then (and the recalculations made from them), so a review can set the reading at an iteration's start
    /// beside the one at its end.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, MeasureSummary>> ReadingsOnAsync(IReadOnlyCollection<Guid> measureIds, DateOnly day, CancellationToken ct) =>
        (await ReadingsOnAsync(db.Measures.Where(m => measureIds.Contains(m.Id)).Select(m => m.Id), [day], ct)).ToDictionary(r => r.Key, r => r.Value[0]);

    /// <summary>
    /// The same readings on several days at once, each measure's in the order of <paramref name="days"/>: three queries
    /// whatever the number of measures and days, so a page can show an iteration's start beside its end.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MeasureSummary>>> ReadingsOnAsync(IQueryable<Guid> measureIds, IReadOnlyList<DateOnly> days,
        CancellationToken ct)
    {
        var last = days.Max();
        var measures = await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToListAsync(ct);
        var ids = measures.Select(m => m.Id).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => ids.Contains(o.MeasureId) && o.PeriodStart <= last).ToListAsync(ct)).ToLookup(o => o.MeasureId);
        var rebases = (await db.MeasureRebases.AsNoTracking().Where(r => ids.Contains(r.MeasureId) && r.PeriodStart <= last).ToListAsync(ct)).ToLookup(r => r.MeasureId);
        return measures.ToDictionary(m => m.Id, m => (IReadOnlyList<MeasureSummary>)[.. days.Select(day => Summarise(m,
            observations[m.Id].Where(o => o.PeriodStart <= day).OrderBy(o => o.PeriodStart).ToList(), rebases[m.Id].Where(r => r.PeriodStart <= day).ToList()))]);
    }

    private async Task<IReadOnlyList<MeasureSummary>> SummariseAsync(IQueryable<Measure> query, CancellationToken ct)
    {
        var measures = await query.OrderBy(m => m.Name).ToListAsync(ct);
        var ids = measures.Select(m => m.Id).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => ids.Contains(o.MeasureId)).ToListAsync(ct)).ToLookup(o => o.MeasureId);
        var rebases = (await db.MeasureRebases.AsNoTracking().Where(r => ids.Contains(r.MeasureId)).ToListAsync(ct)).ToLookup(r => r.MeasureId);
        return measures.Select(m => Summarise(m, observations[m.Id].OrderBy(o => o.PeriodStart).ToList(), rebases[m.Id].ToList()))
            .OrderBy(s => s.ConcernRank).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
    }

    private MeasureSummary Summarise(Measure measure, List<Observation> series, List<MeasureRebase> rebases)
    {
        if (series.Count == 0)
        {
            return new MeasureSummary(measure.Id, measure.Name, measure.Unit, measure.Improvement, 0, null, null, null, null, null, false, false);
        }
        var analysis = Analyse(measure, series, rebases);
        var sparkline = XmrChart.ToSparklineSvg(analysis, new XmrSparklineOptions { Title = measure.Name, Labels = Labels(measure, series), IdPrefix = "s" + measure.Id.ToString("N")[..8] });
        var latest = series[^1];
        return new MeasureSummary(measure.Id, measure.Name, measure.Unit, measure.Improvement, series.Count, latest.PeriodStart, latest.Value,
            analysis.VariationIcon, analysis.AssuranceIcon, sparkline, measure.IsStale(latest.PeriodStart, UkCalendar.Today(clock)), analysis.IsProvisional)
        {
            LatestPeriodInWords = measure.PeriodInWords(latest.PeriodStart),
        };
    }

    public async Task<MeasureDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        var owner = await db.Organisations.Where(o => o.Id == measure.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
        var series = await db.Observations.AsNoTracking().Where(o => o.MeasureId == id).OrderBy(o => o.PeriodStart).ToListAsync(ct);
        var rebases = await db.MeasureRebases.AsNoTracking().Where(r => r.MeasureId == id).OrderBy(r => r.PeriodStart).ToListAsync(ct);
        var trajectory = await TrajectoryAsync(measure, series, ct);
        var goals = (await db.GoalMeasures.Where(g => g.MeasureId == id).Join(db.Goals, g => g.GoalId, g => g.Id, (_, g) => new { g.Id, g.Title })
            .OrderBy(g => g.Title).ToListAsync(ct)).Select(g => (g.Id, g.Title)).ToList();
        var geography = await DescribeGeographyAsync(measure, ct);
        var cycles = await Pdsa.PdsaService.OnMeasureAsync(db, id, ct);
        if (series.Count == 0)
        {
            return new MeasureDetail(measure, owner, geography, series, null, null, null, goals, false, rebases, trajectory) { Cycles = cycles };
        }
        var analysis = Analyse(measure, series, rebases);
        var labels = Labels(measure, series);
        var planned = trajectory.ToDictionary(t => t.PeriodStart, t => t.Value);
        var options = new XmrChartOptions
        {
            Title = measure.Name, Labels = labels, IdPrefix = "c" + id.ToString("N")[..8],
            Trajectory = planned.Count == 0 ? [] : [.. series.Select(o => planned.TryGetValue(o.PeriodStart, out var v) ? v : (double?)null)],
            Annotations = [.. Annotations(measure, series, cycles)],
        };
        var chart = new MeasureChart(XmrChart.ToSvg(analysis, options),
            XmrChart.ToSvg(analysis, options with { Width = MeasureChart.NarrowWidth, Height = 300, IdPrefix = options.IdPrefix + "-narrow" }));
        return new MeasureDetail(measure, owner, geography, series, analysis, chart, XmrSummary.Describe(analysis, labels), goals,
            measure.IsStale(series[^1].PeriodStart, UkCalendar.Today(clock)), rebases, trajectory) { Cycles = cycles };
    }

    /// <summary>Each cycle over the run of periods its dates overlap; a cycle that overlaps no period with data is not drawn.</summary>
    private static IEnumerable<XmrAnnotation> Annotations(Measure measure, IReadOnlyList<Observation> series, IReadOnlyList<Pdsa.PdsaOnMeasure> cycles)
    {
        foreach (var cycle in cycles)
        {
            var covered = series.Select((o, i) => (o, i)).Where(p => p.o.PeriodStart <= cycle.EndsOn && Period.Of(measure, p.o.PeriodStart).End >= cycle.StartsOn)
                .Select(p => p.i).ToList();
            if (covered.Count > 0)
            {
                yield return new XmrAnnotation(covered[0], covered[^1], cycle.Label);
            }
        }
    }

    /// <summary>The measure's data as an analyst takes it away (see <see cref="MeasureDataTable"/>), for downloads, the API and exports.</summary>
    public async Task<(Measure Measure, Table Table)> DataTableAsync(Guid id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        var series = await db.Observations.AsNoTracking().Where(o => o.MeasureId == id).OrderBy(o => o.PeriodStart).ToListAsync(ct);
        var rebases = await db.MeasureRebases.AsNoTracking().Where(r => r.MeasureId == id).ToListAsync(ct);
        var trajectory = await TrajectoryAsync(measure, series, ct);
        return (measure, MeasureDataTable.For(measure, series, rebases, trajectory));
    }

    /// <summary>The planned values by period: the line from a relative target's baseline value, or the periods planned one by one.</summary>
    private async Task<IReadOnlyList<TrajectoryPoint>> TrajectoryAsync(Measure measure, IReadOnlyList<Observation> series, CancellationToken ct)
    {
        if (measure.RelativeTarget is { } target)
        {
            return series.FirstOrDefault(o => o.PeriodStart == target.Baseline) is { } baseline ? target.Trajectory(measure, baseline.Value) : [];
        }
        return await db.TrajectoryPoints.AsNoTracking().Where(t => t.MeasureId == measure.Id).OrderBy(t => t.PeriodStart).ToListAsync(ct);
    }

    private async Task<string> DescribeGeographyAsync(Measure measure, CancellationToken ct) => measure.Geography switch
    {
        MeasureGeography.Place when measure.PlaceId is { } placeId =>
            await db.Places.Where(p => p.Id == placeId).Select(p => p.Name).SingleAsync(ct),
        MeasureGeography.Organisation when measure.GeographyOrganisationId is { } organisationId =>
            await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct),
        MeasureGeography.Area when measure.AreaCode is { } code =>
            await db.Areas.Where(a => a.Code == code).Select(a => a.Name).SingleOrDefaultAsync(ct) is { } name ? Areas.Area.Describe(code, name) : $"Area {code}",
        _ => "The whole system",
    };

    /// <summary>Each recalculation point starts new limits at the first value on or after its period.</summary>
    internal static XmrAnalysis Analyse(Measure measure, IReadOnlyList<Observation> series, IReadOnlyList<MeasureRebase> rebases)
    {
        var indices = rebases
            .Select(r => series.Select((o, i) => (o, i)).FirstOrDefault(p => p.o.PeriodStart >= r.PeriodStart, (null!, -1)).Item2)
            .Where(i => i > 0).Distinct().ToImmutableArray();
        return XmrAnalysis.Analyse(series.Select(o => (double?)o.Value).ToArray(),
            new SpcOptions { Improvement = measure.Improvement, Target = measure.Target, RebaseIndices = indices });
    }

    private static SpcLabels Labels(Measure measure, IReadOnlyList<Observation> series) =>
        new() { MeasureName = measure.Name, Unit = measure.Unit, PeriodLabels = [.. series.Select(o => Period.Of(measure, o.PeriodStart).Label)] };

    /// <summary>Convenors, and leads of the organisation that owns the data, define measures.</summary>
    public async Task<Measure> CreateAsync(SaveMeasure input, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        actor.RequireActingForSome(Partnerships.DelegatedCapability.MeasureData,
            "Only a lead of the organisation that owns the data, or someone it delegated its measures to, can define a measure.", leadsOnly: true);
        var measure = new Measure { SystemId = actor.SystemId, Name = "", Definition = "", Unit = "", CreatedAtUtc = now };
        var trajectory = await ApplyAsync(measure, input, ct);
        measure.RequireSteward(actor, "define a measure");
        db.Measures.Add(measure);
        db.TrajectoryPoints.AddRange(trajectory.Select(t => new TrajectoryPoint { SystemId = actor.SystemId, MeasureId = measure.Id, PeriodStart = t.Key, Value = t.Value }));
        db.Audit(actor, now, "MeasureDefined", EntityType, measure.Id, measure.Name, null, Snapshot(measure, trajectory));
        await db.SaveChangesAsync(ct);
        return measure;
    }

    /// <summary>Changes a measure's definition. The version the editor saw must still be the stored one.</summary>
    public async Task<Measure> UpdateAsync(Guid id, SaveMeasure input, Guid? version, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        measure.RequireSteward(actor, "change the measure");
        var stored = await db.TrajectoryPoints.Where(t => t.MeasureId == id).ToListAsync(ct);
        var before = Snapshot(measure, stored.ToDictionary(t => t.PeriodStart, t => t.Value));
        if (!measure.Version.Matches(version, "measure"))
        {
            throw new EditConflictException(measure.Name, measure.Version, before);
        }
        var trajectory = await ApplyAsync(measure, input, ct);
        if (!actor.ActsFor(measure.OwnerOrganisationId, Partnerships.DelegatedCapability.MeasureData, leadsOnly: true))
        {
            throw new ForbiddenException("You cannot give the measure to an organisation you do not lead.");
        }
        db.TrajectoryPoints.RemoveRange(stored.Where(s => !trajectory.ContainsKey(s.PeriodStart)));
        foreach (var (period, value) in trajectory)
        {
            if (stored.FirstOrDefault(s => s.PeriodStart == period) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                db.TrajectoryPoints.Add(new TrajectoryPoint { SystemId = actor.SystemId, MeasureId = id, PeriodStart = period, Value = value });
            }
        }
        var after = Snapshot(measure, trajectory);
        if (!before.SequenceEqual(after))
        {
            // A change to the trajectory alone leaves the measure's own row untouched; its version must still move on.
            db.Entry(measure).Property(m => m.Version).IsModified = true;
            db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureChanged", EntityType, id, measure.Name, before, after);
        }
        await SaveAsync(measure.Name, measure.Id, ct);
        return measure;
    }

    private async Task SaveAsync(string name, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var current = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            var trajectory = await db.TrajectoryPoints.AsNoTracking().Where(t => t.MeasureId == id).ToDictionaryAsync(t => t.PeriodStart, t => t.Value, ct);
            throw new EditConflictException(name, current.Version, Snapshot(current, trajectory));
        }
    }

    /// <summary>Validates every field at once and copies the input onto the measure; returns the trajectory by period.</summary>
    private async Task<SortedDictionary<DateOnly, double>> ApplyAsync(Measure measure, SaveMeasure input, CancellationToken ct)
    {
        var errors = new InputErrors();
        measure.Name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Measure.NameMaxLength, "Enter the measure's name");
        measure.Definition = errors.RequiredText(nameof(input.Definition), "Definition", input.Definition, Measure.DefinitionMaxLength, "Enter how the measure is defined (numerator and denominator for a rate)");
        measure.Unit = errors.RequiredText(nameof(input.Unit), "Unit", input.Unit, Measure.UnitMaxLength, "Enter the unit, like % or per 100,000");
        measure.Source = errors.OptionalText(nameof(input.Source), "Source", input.Source, Measure.SourceMaxLength);
        measure.Frequency = Choice(errors, nameof(input.Frequency), input.Frequency, "Select how often the data comes");
        measure.Improvement = Choice(errors, nameof(input.Improvement), input.Improvement, "Select which direction is improvement");
        measure.Format = Choice<MeasureFormat>(errors, nameof(input.Format), input.Format ?? MeasureFormat.Number, "Select how values are shown");
        measure.SourceKind = Choice<MeasureSourceKind>(errors, nameof(input.SourceKind), input.SourceKind ?? MeasureSourceKind.Local, "Select where the data comes from");
        if (measure.SourceKind == MeasureSourceKind.Fingertips && (measure.Source is null || !measure.Source.All(char.IsAsciiDigit)))
        {
            errors.Add(nameof(input.Source), "Enter the Fingertips indicator id, a number like 93014");
        }
        if (input.Target is { } target && (!double.IsFinite(target) || measure.ValueProblem(target) is not null))
        {
            errors.Add(nameof(input.Target), "Target " + (measure.ValueProblem(target) ?? "must be a number"));
        }
        measure.Target = input.Target;
        ApplySchedule(measure, input, errors);
        if (input.OwnerOrganisationId is not { } ownerId || !await db.Organisations.AnyAsync(o => o.Id == ownerId, ct))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Select the organisation that owns the data");
            ownerId = default;
        }
        measure.OwnerOrganisationId = ownerId;
        await ApplyGeographyAsync(measure, input, errors, ct);
        var trajectory = Trajectory(measure, input.Trajectory ?? [], errors);
        errors.ThrowIfAny();
        return trajectory;
    }

    /// <summary>The pool's length and the publication schedule.</summary>
    private static void ApplySchedule(Measure measure, SaveMeasure input, InputErrors errors)
    {
        measure.PoolYears = null;
        if (measure.Frequency == MeasureFrequency.PooledYears)
        {
            if (input.PoolYears is not { } years || years is < Period.MinPoolYears or > Period.MaxPoolYears)
            {
                errors.Add(nameof(input.PoolYears), $"Enter how many years each pooled period holds, a whole number from {Period.MinPoolYears} to {Period.MaxPoolYears}, like 3 for 2019 - 21");
            }
            measure.PoolYears = input.PoolYears is >= Period.MinPoolYears and <= Period.MaxPoolYears ? input.PoolYears : 3;
        }
        measure.ReleasedEvery = input.ReleasedEvery is { } cadence ? Choice<ReleaseCadence>(errors, nameof(input.ReleasedEvery), cadence, "Select how often the data is published") : null;
        measure.ReleaseLagUnit = Choice<LagUnit>(errors, nameof(input.ReleaseLagUnit), input.ReleaseLagUnit ?? LagUnit.Months, "Select days, weeks or months for the lag");
        var most = measure.ReleaseLagUnit switch { LagUnit.Days => 1000, LagUnit.Weeks => 150, _ => 36 };
        if (input.ReleaseLag is { } lag and (< 0 or > 1000) || input.ReleaseLag > most)
        {
            errors.Add(nameof(input.ReleaseLag), $"The lag before publication must be a whole number from 0 to {MeasureWords.LagInWords(most, measure.ReleaseLagUnit)}");
        }
        measure.ReleaseLag = input.ReleaseLag;
    }

    private async Task ApplyGeographyAsync(Measure measure, SaveMeasure input, InputErrors errors, CancellationToken ct)
    {
        measure.Geography = Choice<MeasureGeography>(errors, nameof(input.Geography), input.Geography ?? MeasureGeography.System, "Select the population the measure describes");
        Guid[] placeKept = measure.PlaceId is { } kept ? [kept] : [];
        measure.PlaceId = null;
        measure.GeographyOrganisationId = null;
        measure.AreaCode = null;
        switch (measure.Geography)
        {
            case MeasureGeography.Place:
                if (input.PlaceId is not { } placeId)
                {
                    errors.Add(nameof(input.PlaceId), "Select the place the measure describes");
                }
                else
                {
                    await OrganisationService.CheckPlacesAsync(db, errors, nameof(input.PlaceId), [placeId], placeKept, ct);
                }
                measure.PlaceId = input.PlaceId;
                break;
            case MeasureGeography.Organisation:
                if (input.GeographyOrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
                {
                    errors.Add(nameof(input.GeographyOrganisationId), "Select the organisation the measure describes");
                }
                measure.GeographyOrganisationId = input.GeographyOrganisationId;
                break;
            case MeasureGeography.Area:
                var code = input.AreaCode?.Trim().ToUpperInvariant() ?? "";
                if (code.Length is 0 or > Measure.AreaCodeMaxLength || !code.All(char.IsAsciiLetterOrDigit))
                {
                    errors.Add(nameof(input.AreaCode), "Enter the ONS or ODS area code, letters and digits like E38000014 or RF4");
                }
                measure.AreaCode = code;
                break;
        }
    }

    private static T Choice<T>(InputErrors errors, string field, T? value, string message) where T : struct, Enum
    {
        if (value is { } chosen && Enum.IsDefined(chosen))
        {
            return chosen;
        }
        errors.Add(field, message);
        return default;
    }

    private static SortedDictionary<DateOnly, double> Trajectory(Measure measure, IReadOnlyList<PlannedValue> planned, InputErrors errors)
    {
        var byPeriod = new SortedDictionary<DateOnly, double>();
        if (measure.RelativeTarget is not null && planned.Count > 0)
        {
            errors.Add(nameof(SaveMeasure.Trajectory), "The trajectory is drawn from the measure's relative target; remove the target to plan periods one by one");
            return byPeriod;
        }
        if (planned.Count > TrajectoryMaxPoints)
        {
            errors.Add(nameof(SaveMeasure.Trajectory), $"A trajectory can plan at most {TrajectoryMaxPoints} periods; this one has {planned.Count}");
            return byPeriod;
        }
        for (var i = 0; i < planned.Count; i++)
        {
            var (period, value) = (planned[i].PeriodStart, planned[i].Value);
            var line = $"Trajectory line {i + 1}: ";
            if (period is not { } start)
            {
                errors.Add(nameof(SaveMeasure.Trajectory), line + "enter the period, like " + Period.Examples(measure.Frequency, measure.PoolYears ?? 3));
            }
            else if (measure.PeriodProblem(start) is { } problem)
            {
                errors.Add(nameof(SaveMeasure.Trajectory), line + problem);
            }
            else if (value is not { } v || measure.ValueProblem(v) is { } valueProblem)
            {
                errors.Add(nameof(SaveMeasure.Trajectory), line + "the value " + (value is { } x ? measure.ValueProblem(x) : "must be a number"));
            }
            else if (!byPeriod.TryAdd(start, v))
            {
                errors.Add(nameof(SaveMeasure.Trajectory), line + $"{measure.PeriodInWords(start)} is planned twice");
            }
        }
        return byPeriod;
    }

    private static SortedDictionary<string, string?> Snapshot(Measure m, IReadOnlyDictionary<DateOnly, double> trajectory) => new()
    {
        ["Name"] = m.Name, ["Definition"] = m.Definition, ["Unit"] = m.Unit, ["Format"] = m.Format.InWords(), ["Frequency"] = m.Frequency.InWords(),
        ["Improvement"] = m.Improvement.InWords(), ["Target"] = m.Target is { } target ? Prose.Amount(target, m.Unit) : null,
        ["Source"] = m.SourceInWords(),
        ["Geography"] = m.Geography.InWords() + (m.AreaCode is null ? "" : ": " + m.AreaCode),
        ["Periods"] = m.PeriodsInWords(),
        ["Published"] = m.ScheduleInWords(),
        ["Trajectory"] = trajectory.Count == 0 ? null
            : string.Join("; ", trajectory.OrderBy(t => t.Key).Select(t => $"{m.PeriodInWords(t.Key)}: {Prose.Amount(t.Value, m.Unit)}")),
        ["Relative target"] = m.RelativeTarget is { } relative ? relative.InWords(m, null) : null,
    };

    /// <summary>
    /// Sets the measure's target relative to a baseline (leads who steward the measure), replacing any trajectory planned
    /// period by period: the target's line is the trajectory from now on. The baseline must have a value.
    /// </summary>
    public async Task<Measure> SetRelativeTargetAsync(Guid id, SetRelativeTarget input, Guid? version, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        measure.RequireSteward(actor, "set its target");
        var stored = await db.TrajectoryPoints.Where(t => t.MeasureId == id).ToListAsync(ct);
        var before = Snapshot(measure, stored.ToDictionary(t => t.PeriodStart, t => t.Value));
        if (!measure.Version.Matches(version, "measure"))
        {
            throw new EditConflictException(measure.Name, measure.Version, before);
        }
        var errors = new InputErrors();
        var kind = Choice(errors, nameof(input.Kind), input.Kind, "Select how the target is agreed: a change by an amount, a change by a percentage, or a value to reach");
        var pool = measure.PoolYears ?? 1;
        Period? baseline = Period.TryParse(input.Baseline, measure.Frequency, pool, out var b, out var baselineProblem) ? b : null;
        if (baseline is null)
        {
            errors.Add(nameof(input.Baseline), "Baseline period " + baselineProblem);
        }
        Period? by = Period.TryParse(input.By, measure.Frequency, pool, out var t, out var byProblem) ? t : null;
        if (by is null)
        {
            errors.Add(nameof(input.By), "Target period " + byProblem);
        }
        else if (baseline is { } from && by <= from)
        {
            errors.Add(nameof(input.By), $"The target period must come after the baseline, {from}");
        }
        else if (baseline is { } first && PeriodsBetween(first, by.Value) > TrajectoryMaxPoints)
        {
            errors.Add(nameof(input.By), $"A trajectory can plan at most {TrajectoryMaxPoints} periods; choose a nearer target period");
        }
        var reference = input.Reference?.Trim() is { Length: > 0 } named ? named : null;
        if (kind == RelativeTargetKind.Reach && reference is null)
        {
            errors.Add(nameof(input.Reference), "Enter what the value to reach is, like the England average");
        }
        else if (reference is { Length: > Measure.RelativeTargetReferenceMaxLength })
        {
            errors.Add(nameof(input.Reference), $"What the value is must be {Measure.RelativeTargetReferenceMaxLength} characters or fewer");
        }
        double? baselineValue = baseline is { } start
            ? await db.Observations.Where(o => o.MeasureId == id && o.PeriodStart == start.Start).Select(o => (double?)o.Value).SingleOrDefaultAsync(ct) : null;
        if (baseline is { } missing && baselineValue is null)
        {
            errors.Add(nameof(input.Baseline), $"There is no value for {missing} yet; record or import the baseline's value before setting a target from it");
        }
        var amountProblem = (kind, input.Amount) switch
        {
            (_, null) => "Enter the change or the value to reach, as a number",
            (_, { } a) when !double.IsFinite(a) => "Enter the change or the value to reach, as a number",
            (RelativeTargetKind.ChangeBy or RelativeTargetKind.ChangeByPercent, 0) => "Enter a change other than 0",
            (RelativeTargetKind.ChangeByPercent, < -100) => "A percentage change cannot take away more than the whole value (-100%)",
            (RelativeTargetKind.Reach, { } a) when measure.ValueProblem(a) is { } problem => "The value to reach " + problem,
            _ => null,
        };
        if (amountProblem is not null)
        {
            errors.Add(nameof(input.Amount), amountProblem);
        }
        else if (baselineValue is { } value && new RelativeTarget(kind, input.Amount!.Value, reference, default, default).TargetValue(value) is var target
            && measure.ValueProblem(target) is { } targetProblem)
        {
            errors.Add(nameof(input.Amount), $"The target would be {Prose.Number(target)}, which {targetProblem}");
        }
        errors.ThrowIfAny();
        measure.RelativeTargetKind = kind;
        measure.RelativeTargetAmount = input.Amount;
        measure.RelativeTargetReference = kind == RelativeTargetKind.Reach ? reference : null;
        measure.RelativeTargetBaseline = baseline!.Value.Start;
        measure.RelativeTargetBy = by!.Value.Start;
        db.TrajectoryPoints.RemoveRange(stored);
        var after = Snapshot(measure, new Dictionary<DateOnly, double>());
        if (!before.SequenceEqual(after))
        {
            db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureTargetSet", EntityType, id, measure.Name, before, after);
        }
        await SaveAsync(measure.Name, measure.Id, ct);
        return measure;
    }

    /// <summary>How many periods follow <paramref name="from"/> up to <paramref name="to"/>, counting no further than one past the most a trajectory plans.</summary>
    private static int PeriodsBetween(Period from, Period to)
    {
        var steps = 0;
        for (var p = from; p < to && steps <= TrajectoryMaxPoints; p = p.Next)
        {
            steps++;
        }
        return steps;
    }

    /// <summary>Removes the relative target; the measure then has no trajectory until one is planned.</summary>
    public async Task<Measure> RemoveRelativeTargetAsync(Guid id, Guid? version, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        measure.RequireSteward(actor, "remove its target");
        var before = Snapshot(measure, new Dictionary<DateOnly, double>());
        if (!measure.Version.Matches(version, "measure"))
        {
            throw new EditConflictException(measure.Name, measure.Version, before);
        }
        if (measure.RelativeTargetKind is null)
        {
            return measure;
        }
        (measure.RelativeTargetKind, measure.RelativeTargetAmount, measure.RelativeTargetReference, measure.RelativeTargetBaseline, measure.RelativeTargetBy) = (null, null, null, null, null);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "MeasureTargetRemoved", EntityType, id, measure.Name, before, Snapshot(measure, new Dictionary<DateOnly, double>()));
        await SaveAsync(measure.Name, measure.Id, ct);
        return measure;
    }

    /// <summary>Says that a measure shows whether a goal's outcome is moving (convenors, or leads of an organisation that leads or owns the goal).</summary>
    public async Task LinkToGoalAsync(Guid measureId, Guid goalId, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role == Role.OrganisationLead))
        {
            // Someone who could lead no goal is told so, not which goals exist.
            throw new ForbiddenException("Only a convenor or a lead of an organisation that leads or owns the goal can choose its measures.");
        }
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new InputInvalidException("GoalId", "Select a goal of this system");
        Goal.RequireSteward(actor, await Goal.StewardsAsync(db, goalId, ct), "choose its measures");
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

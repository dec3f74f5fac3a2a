using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Measures.Import;

/// <summary>
/// Imports observations from CSV or XLSX, all or nothing: the whole file is read and checked against the measures
/// first (<see cref="PlanAsync(Stream, string, Guid?, FileChoice, ImportLimits, Actor, CancellationToken)"/>),
/// every problem is reported with its row and column, and only a plan without problems can be applied.
/// </summary>
public sealed class ObservationImporter(ConcordatDb db, TimeProvider clock)
{
    private const int AuditedCorrectionsMax = 200;

    /// <exception cref="ImportFileException">The file cannot be read at all, or is over a limit.</exception>
    public async Task<ImportPlan> PlanAsync(Stream stream, string fileName, Guid? measureId, FileChoice choice, ImportLimits limits, Actor actor, CancellationToken ct)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxBytes)
        {
            throw new ImportFileException($"The file is {Prose.Number(Math.Round((stream.Length - stream.Position) / 1024.0 / 1024.0, 1))} MB. Files can be at most {limits.Describe()}.");
        }
        Measure? measure = null;
        if (measureId is { } id)
        {
            measure = await LoadWritableAsync(id, actor, ct);
            // A measure that names its Fingertips indicator or area picks those rows without being told.
            choice = choice with
            {
                Indicator = choice.Indicator ?? (measure.SourceKind == MeasureSourceKind.Fingertips ? measure.Source : null),
                Area = choice.Area ?? (measure.Geography == MeasureGeography.Area ? measure.AreaCode : null),
            };
        }
        var file = ObservationFile.Read(TabularFile.Read(stream, fileName), choice, limits);
        return await PlanAsync(file, fileName, measure, actor, ct);
    }

    /// <summary>Plans rows already read, such as an upload kept between preview and confirmation.</summary>
    public async Task<ImportPlan> PlanAsync(ObservationFile file, string fileName, Guid? measureId, Actor actor, CancellationToken ct) =>
        await PlanAsync(file, fileName, measureId is { } id ? await LoadWritableAsync(id, actor, ct) : null, actor, ct);

    private async Task<Measure> LoadWritableAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("There is no such measure in this system.");
        Measure.RequireDataContributor(actor, measure.OwnerOrganisationId, "import it");
        return measure;
    }

    private async Task<ImportPlan> PlanAsync(ObservationFile file, string fileName, Measure? measure, Actor actor, CancellationToken ct)
    {
        var measures = await ResolveMeasuresAsync(file, measure, actor, ct);
        var plan = new ImportPlan(file, fileName, measures.Values.Where(m => m is not null).Distinct().ToDictionary(m => m!.Id, m => m!));
        var ids = plan.Measures.Keys.ToList();
        var stored = await StoredAsync(ids, ct);
        var today = UkCalendar.Today(clock);
        var seen = new Dictionary<(Guid, DateOnly), int>(file.Rows.Count);
        plan.Rows.EnsureCapacity(file.Rows.Count);
        var names = Columns(file.Layout);
        foreach (var row in file.Rows)
        {
            if (measures[row.Measure ?? ""] is not { } target)
            {
                continue;
            }
            var problems = file.ProblemCount;
            if (!Period.TryParse(row.PeriodText, target.Frequency, target.PoolYears ?? 1, out var period, out var periodProblem))
            {
                file.AddProblem(row.Row, names.Period, periodProblem!);
            }
            else if (period.Start > today)
            {
                file.AddProblem(row.Row, names.Period, $"{period} has not started yet");
            }
            else if (!seen.TryAdd((target.Id, period.Start), row.Row))
            {
                file.AddProblem(row.Row, names.Period, $"{period} appears twice (rows {seen[(target.Id, period.Start)]} and {row.Row})");
            }
            if (target.ValueProblem(row.Value) is { } valueProblem)
            {
                file.AddProblem(row.Row, names.Value, $"{Prose.Number(row.Value)} {valueProblem} ({target.Name} is {target.Format.WithArticle()})");
            }
            if (row.Count is not null || row.Denominator is not null || row.LowerCi is not null || row.UpperCi is not null)
            {
                foreach (var (field, problem) in new ObservationReading(row.Value, row.Count, row.Denominator, row.LowerCi, row.UpperCi).Problems())
                {
                    file.AddProblem(row.Row, names.For(field), problem);
                }
            }
            if (file.ProblemCount != problems)
            {
                continue;
            }
            var before = stored.GetValueOrDefault((target.Id, period.Start));
            var change = before is null ? RowChange.Added : before.Matches(row) ? RowChange.Unchanged : RowChange.Changed;
            plan.Rows.Add(new PlannedRow(row with { Period = period.Start }, target.Id, change, before));
            _ = change switch
            {
                RowChange.Added => plan.Added++,
                RowChange.Changed => plan.Changed++,
                _ => plan.Unchanged++,
            };
        }
        // Cells the file could not read were listed as it was read; list every problem in the file's order.
        var byRow = file.Problems.OrderBy(p => p.Row).ToList();
        file.Problems.Clear();
        file.Problems.AddRange(byRow);
        if (file.ProblemCount == 0 && plan.Rows.Count == 0)
        {
            file.AddProblem(0, "File", "has no rows with values to import");
        }
        return plan;
    }

    /// <summary>Each measure name or id in the file (or "" for the one chosen) → the measure, or null with a problem reported.</summary>
    private async Task<Dictionary<string, Measure?>> ResolveMeasuresAsync(ObservationFile file, Measure? chosen, Actor actor, CancellationToken ct)
    {
        var resolved = new Dictionary<string, Measure?>(StringComparer.OrdinalIgnoreCase);
        if (!file.HasMeasureColumn)
        {
            if (chosen is null)
            {
                throw new ImportFileException("Choose the measure to import into, or add a measure column naming each row's measure.");
            }
            resolved[""] = chosen;
            return resolved;
        }
        var all = await db.Measures.AsNoTracking().ToListAsync(ct);
        foreach (var key in file.Rows.Select(r => r.Measure!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var matches = Guid.TryParse(key, out var id) ? all.Where(m => m.Id == id).ToList() : all.Where(m => m.Name.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
            string? problem = matches.Count switch
            {
                0 => $"there is no measure \"{key}\" in this system",
                > 1 => $"{matches.Count} measures are called \"{key}\"; use the measure's id instead",
                _ when chosen is not null && matches[0].Id != chosen.Id => $"\"{key}\" is not {chosen.Name}, the measure you are importing into",
                _ when !actor.ActsFor(matches[0].OwnerOrganisationId, Partnerships.DelegatedCapability.MeasureData)
                    => $"you cannot record data for {matches[0].Name}: only its owner, or someone it delegated its measures to, can",
                _ => null,
            };
            resolved[key] = problem is null ? matches[0] : null;
            if (problem is not null)
            {
                foreach (var row in file.Rows.Where(r => string.Equals(r.Measure, key, StringComparison.OrdinalIgnoreCase)))
                {
                    file.AddProblem(row.Row, "measure", problem);
                }
            }
        }
        return resolved;
    }

    private async Task<Dictionary<(Guid, DateOnly), StoredValues>> StoredAsync(List<Guid> measureIds, CancellationToken ct) =>
        (await db.Observations.AsNoTracking().Where(o => measureIds.Contains(o.MeasureId)).ToListAsync(ct))
        .ToDictionary(o => (o.MeasureId, o.PeriodStart), StoredValues.Of);

    private sealed record ColumnNames(string Period, string Value, string Count, string Denominator, string LowerCi, string UpperCi)
    {
        public string For(string field) => field switch
        {
            "Count" => Count,
            "Denominator" => Denominator,
            "LowerCi" => LowerCi,
            "UpperCi" => UpperCi,
            _ => Value,
        };
    }

    private static ColumnNames Columns(ObservationFileLayout layout) => layout == ObservationFileLayout.Fingertips
        ? new("Time period", "Value", "Count", "Denominator", "Lower CI 95.0 limit", "Upper CI 95.0 limit")
        : new("period", "value", "count", "denominator", "lower_ci", "upper_ci");

    /// <summary>How long an uploaded file waits for its confirmation before it is thrown away.</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// Keeps a valid plan's rows for the person to confirm after seeing the preview; returns the upload's id. Uploads
    /// older than <see cref="UploadLifetime"/> are deleted on the way.
    /// </summary>
    public async Task<Guid> StageAsync(ImportPlan plan, Guid measureId, Actor actor, CancellationToken ct)
    {
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("A plan with problems cannot be kept for confirmation.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - UploadLifetime;
        await db.ObservationUploads.Where(u => u.CreatedAtUtc < expired).ExecuteDeleteAsync(ct);
        var csv = new System.Text.StringBuilder("period,value,count,denominator,lower_ci,upper_ci,note\n");
        static string Number(double? n) => n?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        foreach (var row in plan.Rows.Select(r => r.Row))
        {
            var note = row.Note is null ? "" : "\"" + row.Note.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            csv.Append(CultureInfo.InvariantCulture, $"{row.Period:yyyy-MM-dd},{Number(row.Value)},{Number(row.Count)},{Number(row.Denominator)},{Number(row.LowerCi)},{Number(row.UpperCi)},{note}\n");
        }
        var upload = new ObservationUpload
        {
            SystemId = actor.SystemId, MeasureId = measureId, PersonId = actor.PersonId, FileName = plan.FileName.Length > 260 ? plan.FileName[..260] : plan.FileName,
            CreatedAtUtc = now, Rows = csv.ToString(),
        };
        db.ObservationUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    /// <summary>Plans a kept upload again against the data as it is now. Only the person who uploaded it can use it.</summary>
    public async Task<ImportPlan> PlanStagedAsync(Guid uploadId, Guid measureId, Actor actor, CancellationToken ct)
    {
        var upload = await db.ObservationUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.MeasureId == measureId && u.PersonId == actor.PersonId, ct)
            ?? throw new NotFoundException("That upload has already been imported or cancelled, or has expired. Upload the file again.");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(upload.Rows));
        var file = ObservationFile.Read(TabularFile.Read(stream, "upload.csv"), new FileChoice(), ImportLimits.None);
        return await PlanAsync(file, upload.FileName, await LoadWritableAsync(measureId, actor, ct), actor, ct);
    }

    public async Task DiscardStagedAsync(Guid uploadId, Actor actor, CancellationToken ct) =>
        await db.ObservationUploads.Where(u => u.Id == uploadId && u.PersonId == actor.PersonId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Writes the plan in one transaction with one audit event per measure. The stored data must still be what the
    /// plan was made against; if someone changed it since, nothing is written.
    /// </summary>
    /// <exception cref="EditConflictException">The measures' data changed after the plan was made.</exception>
    public async Task<ImportResult> ApplyAsync(ImportPlan plan, Actor actor, IProgress<int>? progress, CancellationToken ct)
    {
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("A plan with problems cannot be applied.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var writes = plan.Rows.Where(r => r.Change != RowChange.Unchanged).ToList();
        // SQLite's write transaction already excludes other writers; PostgreSQL needs serializable isolation so that a value
        // recorded between this check and the write makes the import fail as a conflict instead of being overwritten.
        await using var transaction = db.Database.IsNpgsql()
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct)
            : await db.Database.BeginTransactionAsync(ct);
        try
        {
            return await ApplyInTransactionAsync(plan, actor, progress, now, writes, ct);
        }
        catch (Exception e) when (IsConflict(e) || IsConflict(e.InnerException) || (e is DbUpdateException u && UniqueViolation.Is(u)))
        {
            throw new EditConflictException($"The data of {string.Join(", ", plan.Measures.Values.Select(m => m.Name))}", Guid.Empty, new Dictionary<string, string?>());
        }
    }

    /// <summary>
    /// Fingertips' yearly indicators are published once a year, about 18 months after the period ends; a measure
    /// imported from Fingertips without a schedule of its own takes that one. Returns the schedule set, if any.
    /// </summary>
    private async Task<string?> SetFingertipsScheduleAsync(Guid measureId, CancellationToken ct)
    {
        var measure = await db.Measures.SingleAsync(m => m.Id == measureId, ct);
        if (measure.ReleasedEvery is not null || measure.ReleaseLag is not null || Measure.UsualCadence(measure.Frequency) != ReleaseCadence.Annual)
        {
            return null;
        }
        (measure.ReleasedEvery, measure.ReleaseLag, measure.ReleaseLagUnit) = (ReleaseCadence.Annual, FingertipsLagMonths, LagUnit.Months);
        return measure.ScheduleInWords();
    }

    public const int FingertipsLagMonths = 18;

    private static bool IsConflict(Exception? e) => e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.UniqueViolation };

    private async Task<ImportResult> ApplyInTransactionAsync(ImportPlan plan, Actor actor, IProgress<int>? progress, DateTime now, List<PlannedRow> writes,
        CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        var stored = await StoredAsync([.. plan.Measures.Keys], ct);
        foreach (var row in plan.Rows)
        {
            var current = stored.GetValueOrDefault((row.MeasureId, row.Row.Period));
            if (current != row.Before)
            {
                throw new EditConflictException($"The data of {plan.Measures[row.MeasureId].Name}", Guid.Empty, new Dictionary<string, string?>());
            }
        }
        await ObservationBulkWriter.WriteAsync(db, actor.SystemId, writes, now, actor.DisplayName, anyStored: plan.Changed > 0, progress, ct);
        foreach (var group in writes.GroupBy(r => r.MeasureId))
        {
            var measure = plan.Measures[group.Key];
            var corrections = group.Where(r => r.Change == RowChange.Changed).ToList();
            var before = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            foreach (var row in corrections.Take(AuditedCorrectionsMax))
            {
                before[measure.PeriodInWords(row.Row.Period)] = Prose.ExactNumber(row.Before!.Value);
            }
            if (corrections.Count > AuditedCorrectionsMax)
            {
                before["More corrections"] = Prose.Number(corrections.Count - AuditedCorrectionsMax);
            }
            var periods = group.Select(r => r.Row.Period).ToList();
            var after = new SortedDictionary<string, string?>
            {
                ["File"] = plan.FileName, ["Added"] = Prose.Number(group.Count() - corrections.Count),
                ["Corrected"] = Prose.Number(corrections.Count),
                ["Periods"] = $"{measure.PeriodInWords(periods.Min())} to {measure.PeriodInWords(periods.Max())}",
            };
            if (plan.File.Layout == ObservationFileLayout.Fingertips && await SetFingertipsScheduleAsync(measure.Id, ct) is { } schedule)
            {
                after["Publication schedule"] = schedule;
            }
            db.Audit(actor, now, "ObservationsImported", MeasureService.EntityType, measure.Id, measure.Name, before.Count == 0 ? null : before, after);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(plan.Added, plan.Changed, plan.Unchanged, [.. plan.Measures.Keys]);
    }
}

using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Core.Tables;
using Concordat.Spc;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>A measure in a list; <c>latestPeriodName</c> is the latest period as published ("2019 - 21").</summary>
public sealed record MeasureListItem(Guid Id, string Name, string Unit, ImprovementDirection Improvement, int Points, DateOnly? LatestPeriod,
    double? LatestValue, string? VariationIcon, string? AssuranceIcon, bool IsStale, bool IsProvisional, string? LatestPeriodName);

/// <summary>One period's planned value; <c>period</c> is the period as published ("2019 - 21").</summary>
public sealed record PlannedValueResponse(DateOnly PeriodStart, string Period, double Value);

/// <summary>A target relative to a baseline as stored, with the periods as published and the target in the words it was agreed in.</summary>
public sealed record RelativeTargetResponse(RelativeTargetKind Kind, double Amount, string? Reference, string Baseline, string By, string InWords, string? Problem);

public sealed record ObservationResponse(DateOnly PeriodStart, string Period, double Value, double? Count, double? Denominator, double? LowerCi, double? UpperCi, string? Note,
    string? PointType, string? Rule, string? Signal);

public sealed record RebaseResponse(Guid Id, DateOnly PeriodStart, string Reason);

/// <summary>
/// A measure. <c>frequency</c> is the type of its periods, with <c>poolYears</c> for pooled years; <c>periodsOverlap</c>
/// says why a chart of overlapping pooled periods needs care. <c>releasedEvery</c>, <c>releaseLag</c> and
/// <c>releaseLagUnit</c> are the publication schedule in force (the usual one when none is set); the data is out of
/// date once <c>nextReleaseExpectedBy</c> has passed.
/// </summary>
public sealed record MeasureResponse(Guid Id, string Name, string Definition, string Unit, MeasureFormat Format, MeasureFrequency Frequency, int? PoolYears,
    string? PeriodsOverlap, ImprovementDirection Improvement, double? Target, RelativeTargetResponse? RelativeTarget, IReadOnlyList<PlannedValueResponse> Trajectory,
    MeasureSourceKind SourceKind, string? Source,
    MeasureGeography Geography, Guid? PlaceId, Guid? GeographyOrganisationId, string? AreaCode, string GeographyName, Guid OwnerOrganisationId, string Owner,
    ReleaseCadence ReleasedEvery, int ReleaseLag, LagUnit ReleaseLagUnit, DateOnly? NextReleaseExpectedBy, bool IsStale, string? VariationIcon, string? AssuranceIcon,
    string? Summary, IReadOnlyList<RebaseResponse> Rebases, IReadOnlyList<ObservationResponse> Observations, Guid Version);

/// <summary>One period in a JSON import; the same rules as a CSV row.</summary>
public sealed record ImportObservation(string? Measure, string? Period, double? Value, double? Count, double? Denominator, double? LowerCi, double? UpperCi, string? Note);

public sealed record ImportObservationsRequest(IReadOnlyList<ImportObservation>? Observations);

/// <summary>
/// One row of an import: <c>change</c> is Added, Changed or Unchanged, and <c>changes</c> says what a Changed row changes
/// ("value changed", "note cleared"); <c>previousValue</c> is there only when the value itself changes.
/// </summary>
public sealed record ImportRowResponse(int Row, Guid MeasureId, DateOnly PeriodStart, double Value, string Change, IReadOnlyList<string> Changes, double? PreviousValue);

public sealed record LeftOutRowResponse(int Row, string Period, string Reason);

public sealed record ImportResponse(bool Applied, string Layout, int Added, int Changed, int Unchanged, IReadOnlyList<LeftOutRowResponse> LeftOut,
    IReadOnlyList<ImportRowResponse> Rows);

public static class MeasuresApi
{
    /// <summary>Rows echoed in an import response: enough to check a preview without sending back a whole file.</summary>
    private const int RowsEchoed = 1000;

    public static void MapMeasuresApi(this RouteGroupBuilder group)
    {
        group.MapGet("/measures", async (Guid? goalId, [AsParameters] PageQuery page, HttpContext context, MeasureService measures, CancellationToken ct) =>
            TypedResults.Ok(page.Of(context, await measures.ListAsync(goalId, ct), m => new MeasureListItem(m.Id, m.Name, m.Unit, m.Improvement, m.Points,
                m.LatestPeriod, m.LatestValue, m.Variation?.ToName(), m.Assurance?.ToName(), m.IsStale, m.IsProvisional, m.LatestPeriodInWords))))
            .WithSummary("The system's measures with their Making Data Count icons, special cause concern first; filter by goal");

        group.MapGet("/measures/{id:guid}", async (Guid id, HttpContext context, MeasureService measures, CancellationToken ct) =>
            {
                var detail = await measures.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Measure.Version);
                return TypedResults.Ok(ToResponse(detail));
            })
            .WithName("GetMeasure")
            .WithSummary("One measure with its data and each point's Making Data Count reading");

        group.MapGet("/measures/{id:guid}/data.csv", async (Guid id, MeasureService measures, CancellationToken ct) =>
            {
                var (measure, table) = await measures.DataTableAsync(id, ct);
                return TypedResults.File(table.ToCsv(), Table.CsvMediaType, MeasureDataTable.FileName(measure, "csv"));
            })
            .WithSummary("One measure's data as CSV: a row per period with its value, target, trajectory and Making Data Count reading")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        group.MapGet("/measures/{id:guid}/data.xlsx", async (Guid id, MeasureService measures, CancellationToken ct) =>
            {
                var (measure, table) = await measures.DataTableAsync(id, ct);
                return TypedResults.File(await table.ToXlsxAsync("Data", ct), Table.XlsxMediaType, MeasureDataTable.FileName(measure, "xlsx"));
            })
            .WithSummary("One measure's data as an XLSX workbook, the same rows as data.csv with numbers and dates as such")
            .Produces<byte[]>(StatusCodes.Status200OK, Table.XlsxMediaType);

        group.MapPost("/measures", async Task<Results<CreatedAtRoute<MeasureResponse>, ValidationProblem>> (Guid systemId, SaveMeasure request, HttpContext context,
                MeasureService measures, CancellationToken ct) =>
            {
                var measure = await measures.CreateAsync(request, context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(measure.Version);
                return TypedResults.CreatedAtRoute(ToResponse(await measures.GetAsync(measure.Id, ct)), "GetMeasure", new { systemId, id = measure.Id });
            })
            .WithSummary("Define a measure (convenors, or leads of the organisation that owns the data)");

        group.MapPut("/measures/{id:guid}", async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> (Guid id, SaveMeasure request, HttpContext context,
                MeasureService measures, CancellationToken ct) =>
            {
                var measure = await measures.UpdateAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(measure.Version);
                return TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct)));
            })
            .WithSummary("Change a measure's definition, target and trajectory; requires If-Match")
            .RequiresIfMatch();

        group.MapPut("/measures/{id:guid}/relative-target", async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> (Guid id, SetRelativeTarget request,
                HttpContext context, MeasureService measures, CancellationToken ct) =>
            {
                var measure = await measures.SetRelativeTargetAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(measure.Version);
                return TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct)));
            })
            .WithSummary("Set a target relative to a baseline (\"increase by 2 years from 2018 - 20 by 2028 - 30\"); its line becomes the trajectory. Leads who steward the measure; requires If-Match")
            .RequiresIfMatch();

        group.MapDelete("/measures/{id:guid}/relative-target", async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> (Guid id, HttpContext context,
                MeasureService measures, CancellationToken ct) =>
            {
                var measure = await measures.RemoveRelativeTargetAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(measure.Version);
                return TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct)));
            })
            .WithSummary("Remove the relative target and its trajectory; requires If-Match")
            .RequiresIfMatch();

        group.MapPost("/measures/{id:guid}/observations", async (Guid id, RecordObservation request, HttpContext context, MeasureDataService data, MeasureService measures, CancellationToken ct) =>
            {
                await data.RecordAsync(id, request, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct)));
            })
            .WithSummary("Add a period's value, or correct it (the data owner's leads and contributors, or convenors)");

        group.MapPost("/goals/{goalId:guid}/measures/{id:guid}", async (Guid goalId, Guid id, HttpContext context, MeasureService measures, CancellationToken ct) =>
            {
                await measures.LinkToGoalAsync(id, goalId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Say that a measure shows whether a goal's outcome is moving (convenors, or leads of an organisation that leads or owns the goal)");

        group.MapPost("/measures/{id:guid}/rebases", async (Guid systemId, Guid id, AddRebase request, HttpContext context, MeasureDataService data, CancellationToken ct) =>
            {
                var rebase = await data.AddRebaseAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(rebase), "GetRebase", new { systemId, id, rebaseId = rebase.Id });
            })
            .WithSummary("Recalculate the limits from a period, with the reason the process changed; the measure's readings then use the new limits");

        group.MapGet("/measures/{id:guid}/rebases/{rebaseId:guid}", async (Guid id, Guid rebaseId, MeasureService measures, CancellationToken ct) =>
                TypedResults.Ok(ToResponse((await measures.GetAsync(id, ct)).Rebases.SingleOrDefault(r => r.Id == rebaseId)
                    ?? throw new NotFoundException("The measure has no such recalculation point."))))
            .WithName("GetRebase")
            .WithSummary("One recalculation point of a measure")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/measures/{id:guid}/rebases/{rebaseId:guid}", async (Guid id, Guid rebaseId, HttpContext context, MeasureDataService data, CancellationToken ct) =>
            {
                await data.RemoveRebaseAsync(id, rebaseId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a recalculation point");

        group.MapPost("/measures/{id:guid}/imports", (Guid id, bool? dryRun, string? indicator, string? area, HttpContext context, ObservationImporter importer,
                CancellationToken ct) => ImportAsync(id, dryRun ?? false, new FileChoice(indicator, area), context, importer, ct))
            .Accepts<ImportObservationsRequest>("application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import observations into one measure from CSV, XLSX or JSON, all or nothing; dryRun=true previews what would be added and changed")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/measures/imports", (bool? dryRun, HttpContext context, ObservationImporter importer, CancellationToken ct) =>
                ImportAsync(null, dryRun ?? false, new FileChoice(), context, importer, ct))
            .Accepts<ImportObservationsRequest>("application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import observations for several measures (a measure column names each row's measure), all or nothing")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> ImportAsync(Guid? measureId, bool dryRun, FileChoice choice, HttpContext context, ObservationImporter importer, CancellationToken ct)
    {
        var limits = ImportLimits.Upload;
        var request = context.Request;
        if (await Uploads.ReadAsync(request, limits.MaxBytes, ct) is not { } body)
        {
            return Uploads.TooLarge(limits.Describe());
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var fileName = mediaType switch
        {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "upload.xlsx",
            "text/csv" => "upload.csv",
            "application/json" => "upload.json",
            _ => null,
        };
        if (fileName is null)
        {
            return new Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send text/csv, an .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or application/json.", "unsupported_media_type").ToResult();
        }
        ImportPlan plan;
        try
        {
            plan = fileName == "upload.json"
                ? await importer.PlanAsync(ObservationFile.Read(await JsonRowsAsync(body, ct), choice, limits), "API request", measureId, context.Actor(), ct)
                : await importer.PlanAsync(body, fileName, measureId, choice, limits, context.Actor(), ct);
        }
        catch (ImportFileException e)
        {
            return new Problem(StatusCodes.Status400BadRequest, "The file cannot be imported", e.Message, "import_file_invalid").ToResult();
        }
        if (!plan.IsValid)
        {
            return Uploads.RowsInvalid(plan.ProblemCount, plan.Problems);
        }
        if (!dryRun)
        {
            await importer.ApplyAsync(plan, context.Actor(), null, ct);
        }
        return TypedResults.Ok(new ImportResponse(!dryRun, plan.File.Layout.ToString(), plan.Added, plan.Changed, plan.Unchanged,
            [.. plan.File.LeftOut.Select(l => new LeftOutRowResponse(l.Row, l.Period, l.Reason))],
            plan.Rows.Take(RowsEchoed).Select(r => new ImportRowResponse(r.Row.Row, r.MeasureId, r.Row.Period, r.Row.Value, r.Change.ToString(), r.Differences,
                r.Before is { } before && before.Value != r.Row.Value ? before.Value : null)).ToList()));
    }

    /// <summary>JSON rows become table rows (header first), so they meet exactly the rules a CSV file meets.</summary>
    private static async Task<IEnumerable<TableRow>> JsonRowsAsync(Stream body, CancellationToken ct)
    {
        ImportObservationsRequest? request;
        try
        {
            request = await System.Text.Json.JsonSerializer.DeserializeAsync<ImportObservationsRequest>(body, System.Text.Json.JsonSerializerOptions.Web, ct);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ImportFileException($"The JSON cannot be read: {e.Message}");
        }
        if (request?.Observations is not { } observations)
        {
            throw new ImportFileException("Send {\"observations\": [{\"period\": \"2024-04-01\", \"value\": 95.2}, ...]}.");
        }
        if (observations.Any(o => o is null))
        {
            throw new ImportFileException("Every item of observations must be an object, such as {\"period\": \"2024-04-01\", \"value\": 95.2}.");
        }
        static string? Number(double? n) => n?.ToString("R", CultureInfo.InvariantCulture);
        var hasMeasure = observations.Any(o => o.Measure is not null);
        string?[] header = hasMeasure
            ? ["measure", "period", "value", "count", "denominator", "lower_ci", "upper_ci", "note"]
            : ["period", "value", "count", "denominator", "lower_ci", "upper_ci", "note"];
        return observations.Select((o, i) =>
        {
            string?[] cells = [o.Period, Number(o.Value), Number(o.Count), Number(o.Denominator), Number(o.LowerCi), Number(o.UpperCi), o.Note];
            return new TableRow(i + 2, hasMeasure ? [o.Measure ?? "", .. cells] : cells);
        }).Prepend(new TableRow(1, header));
    }

    private static RebaseResponse ToResponse(MeasureRebase r) => new(r.Id, r.PeriodStart, r.Reason);

    private static MeasureResponse ToResponse(MeasureDetail d)
    {
        var m = d.Measure;
        var observations = d.Observations.Select((o, i) =>
        {
            var point = d.Analysis?.GetPoint(i);
            return new ObservationResponse(o.PeriodStart, m.PeriodInWords(o.PeriodStart), o.Value, o.Count, o.Denominator, o.LowerCi, o.UpperCi, o.Note, point?.PointType.ToName(), point?.Rule?.ToName(),
                point?.Signal?.ToName());
        }).ToList();
        var lag = m.EffectiveLag;
        var relative = m.RelativeTarget is { } r
            ? new RelativeTargetResponse(r.Kind, r.Amount, r.Reference, m.PeriodInWords(r.Baseline), m.PeriodInWords(r.By), d.RelativeTargetInWords!, d.RelativeTargetProblem)
            : null;
        return new MeasureResponse(m.Id, m.Name, m.Definition, m.Unit, m.Format, m.Frequency, m.PoolYears, m.OverlapInWords(), m.Improvement, m.Target, relative,
            d.Trajectory.Select(t => new PlannedValueResponse(t.PeriodStart, m.PeriodInWords(t.PeriodStart), t.Value)).ToList(), m.SourceKind, m.Source, m.Geography, m.PlaceId,
            m.GeographyOrganisationId, m.AreaCode, d.Geography, m.OwnerOrganisationId, d.Owner, m.EffectiveCadence, lag.Amount, lag.Unit,
            d.Observations.Count == 0 ? null : m.NextReleaseExpectedBy(d.Observations[^1].PeriodStart), d.IsStale, d.Analysis?.VariationIcon.ToName(),
            d.Analysis?.AssuranceIcon?.ToName(), d.Summary?.Text, d.Rebases.Select(ToResponse).ToList(), observations,
            m.Version);
    }
}

using Concordat.Core.Measures;
using Concordat.Spc;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record MeasureListItem(Guid Id, string Name, string Unit, ImprovementDirection Improvement, int Points, DateOnly? LatestPeriod,
    double? LatestValue, string? VariationIcon, string? AssuranceIcon, bool IsStale);

public sealed record ObservationResponse(DateOnly PeriodStart, double Value, string? Note, string? PointType, string? Rule, string? Signal);

public sealed record MeasureResponse(Guid Id, string Name, string Definition, string Unit, MeasureFrequency Frequency, ImprovementDirection Improvement,
    double? Target, string? Source, Guid OwnerOrganisationId, string Owner, bool IsStale, string? VariationIcon, string? AssuranceIcon, string? Summary,
    IReadOnlyList<ObservationResponse> Observations);

public static class MeasuresApi
{
    public static void MapMeasuresApi(this RouteGroupBuilder group)
    {
        group.MapGet("/measures", async (Guid? goalId, MeasureService measures, CancellationToken ct) =>
            TypedResults.Ok((await measures.ListAsync(goalId, ct)).Select(m => new MeasureListItem(m.Id, m.Name, m.Unit, m.Improvement, m.Points,
                m.LatestPeriod, m.LatestValue, m.Variation?.ToName(), m.Assurance?.ToName(), m.IsStale)).ToList()))
            .WithSummary("The system's measures with their Making Data Count icons, special cause concern first; filter by goal");

        group.MapGet("/measures/{id:guid}", async (Guid id, MeasureService measures, CancellationToken ct) => TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct))))
            .WithName("GetMeasure")
            .WithSummary("One measure with its data and each point's Making Data Count reading");

        group.MapPost("/measures", async Task<Results<CreatedAtRoute<MeasureResponse>, ValidationProblem>> (Guid systemId, SaveMeasure request, HttpContext context,
                MeasureService measures, CancellationToken ct) =>
            {
                var measure = await measures.CreateAsync(request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(await measures.GetAsync(measure.Id, ct)), "GetMeasure", new { systemId, id = measure.Id });
            })
            .WithSummary("Define a measure (convenors, or leads of the organisation that owns the data)");

        group.MapPost("/measures/{id:guid}/observations", async (Guid id, RecordObservation request, HttpContext context, MeasureService measures, CancellationToken ct) =>
            {
                await measures.RecordAsync(id, request, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await measures.GetAsync(id, ct)));
            })
            .WithSummary("Add a period's value, or correct it (the data owner's leads and contributors, or convenors)");
    }

    private static MeasureResponse ToResponse(MeasureDetail d)
    {
        var m = d.Measure;
        var observations = d.Observations.Select((o, i) =>
        {
            var point = d.Analysis?.GetPoint(i);
            return new ObservationResponse(o.PeriodStart, o.Value, o.Note, point?.PointType.ToName(), point?.Rule?.ToName(), point?.Signal?.ToName());
        }).ToList();
        return new MeasureResponse(m.Id, m.Name, m.Definition, m.Unit, m.Frequency, m.Improvement, m.Target, m.Source, m.OwnerOrganisationId, d.Owner, d.IsStale,
            d.Analysis?.VariationIcon.ToName(), d.Analysis?.AssuranceIcon?.ToName(), d.Summary?.Text, observations);
    }
}

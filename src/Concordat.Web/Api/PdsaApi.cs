using Concordat.Core.Pdsa;
using Concordat.Core.Tables;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>A cycle as lists show it: where it stands, and its place in its ramp.</summary>
public sealed record PdsaCycleListItem(Guid Id, string Label, Guid ChangeIdeaId, string ChangeIdea, Guid GoalId, Guid RampId, int Number, Guid? PreviousCycleId,
    string Title, Guid OwnerOrganisationId, string OwnerOrganisation, DateOnly StartsOn, DateOnly EndsOn, Guid? MeasureId, string? Measure, PdsaStage Stage,
    PdsaDecision? Decision);

/// <summary>A cycle with all four stages; <c>nextCycleId</c> is the cycle ramped on from it, if any.</summary>
public sealed record PdsaCycleResponse(PdsaCycleListItem Cycle, string Objective, string? Question, string? Prediction, Guid? OwnerPersonId, string? OwnerPerson,
    IReadOnlyList<NamedResponse> Organisations, string? Where, string? WhatHappened, string? Observations, string? Surprises, string? Result, string? ActNotes,
    Guid? NextCycleId, Guid Version);

public sealed record PdsaPlanRequest(Guid? ChangeIdeaId, string? Title, string? Objective, string? Question, string? Prediction, Guid? OwnerOrganisationId,
    Guid? OwnerPersonId, string? Where, DateOnly? StartsOn, DateOnly? EndsOn, Guid? MeasureId, IReadOnlyList<Guid>? OrganisationIds)
{
    public SavePdsaPlan ToInput() => new(Title, Objective, Question, Prediction, OwnerOrganisationId, OwnerPersonId, Where, StartsOn, EndsOn, MeasureId, OrganisationIds);
}

/// <summary>The filters of the cycle list, each optional.</summary>
public sealed record PdsaQuery(Guid? ChangeIdeaId, Guid? OrganisationId, Guid? MeasureId)
{
    public PdsaFilter ToFilter() => new(ChangeIdeaId, OrganisationId, MeasureId);
}

public static class PdsaApi
{
    public static void MapPdsaApi(this RouteGroupBuilder group)
    {
        group.MapGet("/pdsa-cycles", async ([AsParameters] PdsaQuery query, [AsParameters] PageQuery page, HttpContext context, PdsaService cycles, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await cycles.ListAsync(query.ToFilter(), ct), ToResponse)))
            .WithSummary("PDSA cycles, by change idea, each idea's ramps in the order they began and each ramp in order; filtered by change idea, organisation (running or taking part) or measure");

        group.MapGet("/pdsa-cycles.csv", async ([AsParameters] PdsaQuery query, PdsaService cycles, CancellationToken ct) =>
                TypedResults.File(PdsaService.ToTable(await cycles.ListAsync(query.ToFilter(), ct)).ToCsv(), Table.CsvMediaType, "pdsa-cycles.csv"))
            .WithSummary("The same cycles as CSV, one row per cycle with all four stages")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        group.MapGet("/pdsa-cycles/{id:guid}", async (Guid id, HttpContext context, PdsaService cycles, CancellationToken ct) =>
                Respond(context, await cycles.GetAsync(id, ct)))
            .WithName("GetPdsaCycle")
            .WithSummary("One PDSA cycle with all four stages; its ETag is the version to send in If-Match when recording a stage")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/pdsa-cycles", async Task<Results<CreatedAtRoute<PdsaCycleResponse>, ValidationProblem>> (Guid systemId, PdsaPlanRequest request,
                HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                var created = await cycles.PlanAsync(request.ChangeIdeaId, request.ToInput(), context.Actor(), ct);
                return Created(systemId, context, await cycles.GetAsync(created.Id, ct));
            })
            .WithSummary("Plan the first cycle of a new ramp testing a change idea, run by an organisation you work for (convenors: any partner)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/pdsa-cycles/{id:guid}/plan", async (Guid id, PdsaPlanRequest request, HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                await cycles.UpdatePlanAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await cycles.GetAsync(id, ct));
            })
            .WithSummary("Change the plan (people of the organisation running the test, and convenors; only a convenor hands it to another organisation; changeIdeaId is ignored); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPut("/pdsa-cycles/{id:guid}/do", async (Guid id, RecordPdsaDo request, HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                await cycles.RecordDoAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await cycles.GetAsync(id, ct));
            })
            .WithSummary("Record what happened, observations and surprises (Do); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPut("/pdsa-cycles/{id:guid}/study", async (Guid id, RecordPdsaStudy request, HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                await cycles.RecordStudyAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await cycles.GetAsync(id, ct));
            })
            .WithSummary("Record the result against the prediction (Study), once what happened is recorded; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPut("/pdsa-cycles/{id:guid}/act", async (Guid id, RecordPdsaAct request, HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                await cycles.RecordActAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await cycles.GetAsync(id, ct));
            })
            .WithSummary("Record the decision (adopt, adapt, abandon or scale up), which needs the study, and notes, which do not (Act); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/pdsa-cycles/{id:guid}/ramp", async Task<Results<CreatedAtRoute<PdsaCycleResponse>, ValidationProblem>> (Guid systemId, Guid id,
                HttpContext context, PdsaService cycles, CancellationToken ct) =>
            {
                var next = await cycles.RampAsync(id, context.Actor(), ct);
                return Created(systemId, context, await cycles.GetAsync(next.Id, ct));
            })
            .WithSummary("Plan the next cycle of the ramp from a decided one (not abandoned), linked to it, with its measure, owner and objective carried over; once per cycle")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static CreatedAtRoute<PdsaCycleResponse> Created(Guid systemId, HttpContext context, PdsaDetail detail)
    {
        context.Response.Headers.ETag = ETags.For(detail.Cycle.Version);
        return TypedResults.CreatedAtRoute(ToResponse(detail), "GetPdsaCycle", new { systemId, id = detail.Cycle.Id });
    }

    private static Ok<PdsaCycleResponse> Respond(HttpContext context, PdsaDetail detail)
    {
        context.Response.Headers.ETag = ETags.For(detail.Cycle.Version);
        return TypedResults.Ok(ToResponse(detail));
    }

    private static PdsaCycleListItem ToResponse(PdsaRow r) =>
        new(r.Cycle.Id, r.Cycle.Label, r.Cycle.ChangeIdeaId, r.ChangeIdea, r.GoalId, r.Cycle.RampId, r.Cycle.Number, r.Cycle.PreviousCycleId, r.Cycle.Title,
            r.Cycle.OwnerOrganisationId, r.Owner, r.Cycle.StartsOn, r.Cycle.EndsOn, r.Cycle.MeasureId, r.Measure, r.Cycle.Stage, r.Cycle.Decision);

    private static PdsaCycleResponse ToResponse(PdsaDetail d) =>
        new(ToResponse(d.Row), d.Cycle.Objective, d.Cycle.Question, d.Cycle.Prediction, d.Cycle.OwnerPersonId, d.Row.Person,
            [.. d.Organisations.Select(o => new NamedResponse(o.Id, o.Name))], d.Cycle.Where, d.Cycle.WhatHappened, d.Cycle.Observations, d.Cycle.Surprises,
            d.Cycle.Result, d.Cycle.ActNotes, d.Next?.Id, d.Cycle.Version);
}

using Concordat.Core.Tables;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Spc;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record CadenceRequest(int? Weeks);

public sealed record CadenceResponse(int Weeks, Guid Version);

public sealed record IterationListItem(Guid Id, int Number, string Name, DateOnly StartsOn, DateOnly EndsOn, string? Objective, bool IsClosed, int Planned, int Done);

/// <summary>An item of an iteration; outcome is set once the iteration is closed, from what was kept then.</summary>
public sealed record IterationItemResponse(Guid WorkItemId, string Title, Guid WorkstreamId, string Workstream, Guid OwnerOrganisationId, string OwnerOrganisation,
    WorkItemStatus Status, string? BlockedReason, IterationOutcome? Outcome, string? WhyItSlipped);

public sealed record IterationResponse(Guid Id, int Number, string Name, DateOnly StartsOn, DateOnly EndsOn, string? Objective, DateTime? ClosedAtUtc, string? ClosedBy,
    DateOnly? ReviewHeldOn, string? ReviewNotes, bool RetrospectiveOpen, DateTime? RetrospectiveClosedAtUtc, Guid Version);

public sealed record IterationRequest(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Objective);

public sealed record PlanRequest(Guid? IterationId);

public sealed record PlanResponse(Guid WorkItemId, Guid? IterationId, Guid Version);

public sealed record SlipResponse(Guid WorkItemId, string? WhyItSlipped);

public sealed record SlipRequest(string? Note);

/// <summary>A measure's Making Data Count reading on one day: how many periods it rested on, the latest, and its icons.</summary>
public sealed record MeasureReadingResponse(int Points, DateOnly? LatestPeriod, double? LatestValue, VariationIcon? Variation, AssuranceIcon? Assurance, bool IsProvisional);

public sealed record MeasureMovementResponse(Guid MeasureId, string Name, MeasureReadingResponse AtStart, MeasureReadingResponse AtEnd, bool Moved);

public sealed record DeliveredResponse(Guid OrganisationId, string Organisation, IReadOnlyList<IterationItemResponse> Items);

public sealed record ReviewResponse(IterationResponse Iteration, IReadOnlyList<DeliveredResponse> Delivered, IReadOnlyList<IterationItemResponse> Slipped,
    IReadOnlyList<MeasureMovementResponse> Measures);

public sealed record RetrospectiveAnswerResponse(Guid OrganisationId, string Organisation, string? WentWell, string? ToChange, string? LearnedAboutPartners,
    string? UpdatedBy, DateTime? UpdatedAtUtc, Guid? Version);

/// <summary>An action agreed in a retrospective; its id is the id of the work item that carries it out.</summary>
public sealed record RetrospectiveActionResponse(Guid Id, Guid IterationId, string Iteration, string Title, Guid OwnerOrganisationId, string OwnerOrganisation,
    WorkItemStatus Status);

public sealed record RetrospectiveResponse(IterationResponse Iteration, IReadOnlyList<RetrospectiveAnswerResponse> Answers,
    IReadOnlyList<RetrospectiveActionResponse> Actions, IReadOnlyList<RetrospectiveActionResponse> OpenFromEarlier);

public static class IterationsApi
{
    public static void MapIterationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/iterations/cadence", async (HttpContext context, IterationService iterations, CancellationToken ct) =>
            {
                var cadence = await iterations.CadenceAsync(ct);
                context.Response.Headers.ETag = ETags.For(cadence.Version);
                return TypedResults.Ok(new CadenceResponse(cadence.Weeks, cadence.Version));
            })
            .WithSummary("How many weeks an iteration lasts (six until a convenor sets it); its ETag is the version to send in If-Match when changing it");

        group.MapPut("/iterations/cadence", async (CadenceRequest request, HttpContext context, IterationService iterations, CancellationToken ct) =>
            {
                var cadence = await iterations.SetCadenceAsync(request.Weeks, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(cadence.Version);
                return TypedResults.Ok(new CadenceResponse(cadence.Weeks, cadence.Version));
            })
            .WithSummary("Set how many weeks an iteration lasts (convenors); If-Match is needed once a cadence has been set")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapGet("/iterations", async ([AsParameters] PageQuery page, HttpContext context, IterationService iterations, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await iterations.ListAsync(ct), s => new IterationListItem(s.Iteration.Id, s.Iteration.Number, s.Iteration.Name,
                    s.Iteration.StartsOn, s.Iteration.EndsOn, s.Iteration.Objective, s.Iteration.IsClosed, s.Planned, s.Done))))
            .WithSummary("The iterations, newest first, with how many items were planned into each and how many are done");

        group.MapGet("/iterations/{id:guid}", async (Guid id, HttpContext context, IterationService iterations, CancellationToken ct) =>
                Respond(context, (await iterations.GetAsync(id, ct)).Iteration))
            .WithName("GetIteration")
            .WithSummary("One iteration; its ETag is the version to send in If-Match when changing or closing it, recording its review or closing its retrospective")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/iterations", async Task<Results<CreatedAtRoute<IterationResponse>, ValidationProblem>> (Guid systemId, IterationRequest request,
                HttpContext context, IterationService iterations, CancellationToken ct) =>
            {
                var iteration = await iterations.StartAsync(new SaveIteration(request.Name, request.StartsOn, request.EndsOn, request.Objective), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(iteration.Version);
                return TypedResults.CreatedAtRoute(ToResponse(iteration), "GetIteration", new { systemId, id = iteration.Id });
            })
            .WithSummary("Start the next iteration (convenors); its dates follow on from the latest iteration at the cadence unless given")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/iterations/{id:guid}", async (Guid id, IterationRequest request, HttpContext context, IterationService iterations, CancellationToken ct) =>
                Respond(context, await iterations.UpdateAsync(id, new SaveIteration(request.Name, request.StartsOn, request.EndsOn, request.Objective),
                    ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct)))
            .WithSummary("Change an open iteration's name, dates and objective (convenors): the dates in order and clear of every other iteration's; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/iterations/{id:guid}/items", async (Guid id, [AsParameters] PageQuery page, HttpContext context, IterationService iterations, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, (await iterations.GetAsync(id, ct)).Items, ToResponse)))
            .WithSummary("The iteration's items: as they are while it is open, as they stood when it closed (with what became of each) once it is")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/iterations/{id:guid}/items.csv", async (Guid id, IterationService iterations, CancellationToken ct) =>
                TypedResults.File(IterationService.ToTable((await iterations.GetAsync(id, ct)).Items).ToCsv(), Table.CsvMediaType, "iteration-items.csv"))
            .WithSummary("The same items as CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/work-items/{id:guid}/iteration", async (Guid id, PlanRequest request, HttpContext context, IterationService iterations,
                CancellationToken ct) =>
            {
                var item = await iterations.PlanAsync(id, request.IterationId, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(item.Version);
                return TypedResults.Ok(new PlanResponse(item.Id, item.IterationId, item.Version));
            })
            .WithSummary("Plan a work item into an open iteration, or back into the backlog with none (its owner's people, and convenors); requires the item's If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/iterations/{id:guid}/closure", async (Guid id, CloseIteration request, HttpContext context, IterationService iterations, CancellationToken ct) =>
                Respond(context, await iterations.CloseAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct)))
            .WithSummary("Close the iteration (convenors): carryItemIds go into the next iteration (started if there is none), other unfinished items back to the backlog; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/iterations/{id:guid}/review", async (Guid id, IterationService iterations, CancellationToken ct) =>
            {
                var review = await iterations.ReviewAsync(id, ct);
                return TypedResults.Ok(new ReviewResponse(ToResponse(review.Iteration),
                    [.. review.Delivered.Select(d => new DeliveredResponse(d.OrganisationId, d.Organisation, [.. d.Items.Select(ToResponse)]))],
                    [.. review.Slipped.Select(ToResponse)],
                    [.. review.Measures.Select(m => new MeasureMovementResponse(m.MeasureId, m.Name, ToResponse(m.AtStart), ToResponse(m.AtEnd), m.Moved))]));
            })
            .WithSummary("The iteration's review: items done by organisation, what slipped and why, and each measure of the goals served read at its start and its end")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/iterations/{id:guid}/slips/{workItemId:guid}", async (Guid id, Guid workItemId, SlipRequest request, HttpContext context,
                IterationService iterations, CancellationToken ct) =>
            {
                await iterations.RecordSlipAsync(id, workItemId, request.Note, context.Actor(), ct);
                return TypedResults.Ok(new SlipResponse(workItemId, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()));
            })
            .WithSummary("Say why an unfinished item slipped (a convenor, or the people of the item's owner); an empty note removes it")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/iterations/{id:guid}/review", async (Guid id, HoldReview request, HttpContext context, IterationService iterations, CancellationToken ct) =>
                Respond(context, await iterations.HoldReviewAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct)))
            .WithSummary("Record that the review was held, with its date and notes (convenors); requires the iteration's If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/iterations/{id:guid}/retrospective", async (Guid id, IterationService iterations, CancellationToken ct) =>
            {
                var retro = await iterations.RetrospectiveAsync(id, ct);
                return TypedResults.Ok(new RetrospectiveResponse(ToResponse(retro.Iteration),
                    [.. retro.Answers.Select(ToResponse)],
                    [.. retro.Actions.Select(ToResponse)], [.. retro.OpenFromEarlier.Select(ToResponse)]));
            })
            .WithSummary("The retrospective: each participating organisation's answer side by side (owners and contributors of the iteration's items), its actions, and earlier actions still open")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/iterations/{id:guid}/retrospective/answers/{organisationId:guid}", async (Guid id, Guid organisationId, SaveRetrospectiveAnswer request,
                HttpContext context, IterationService iterations, CancellationToken ct) =>
            {
                var answer = await iterations.AnswerAsync(id, organisationId, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(answer.Version);
                return TypedResults.Ok(ToResponse((await iterations.RetrospectiveAsync(id, ct)).Answers.Single(a => a.OrganisationId == organisationId)));
            })
            .WithSummary("Record or change an organisation's own answer while the retrospective is open (its leads and contributors); If-Match is needed once it has answered")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/iterations/{id:guid}/retrospective/closure", async (Guid id, HttpContext context, IterationService iterations, CancellationToken ct) =>
                Respond(context, await iterations.CloseRetrospectiveAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct)))
            .WithSummary("Close the retrospective (convenors); the answers are kept as they are; requires the iteration's If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/iterations/{id:guid}/retrospective/actions", async Task<Results<CreatedAtRoute<RetrospectiveActionResponse>, ValidationProblem>> (Guid systemId,
                Guid id, AddRetrospectiveAction request, HttpContext context, IterationService iterations, CancellationToken ct) =>
            {
                var item = await iterations.AddActionAsync(id, request, context.Actor(), ct);
                var action = (await iterations.RetrospectiveAsync(id, ct)).Actions.Single(a => a.WorkItemId == item.Id);
                context.Response.Headers.ETag = ETags.For(item.Version);
                return TypedResults.CreatedAtRoute(ToResponse(action), "GetWorkItem", new { systemId, id = item.Id });
            })
            .WithSummary("Record an action agreed in the retrospective (convenors): a work item in the workstream's backlog, owned by the organisation that will carry it out")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<IterationResponse> Respond(HttpContext context, Iteration iteration)
    {
        context.Response.Headers.ETag = ETags.For(iteration.Version);
        return TypedResults.Ok(ToResponse(iteration));
    }

    private static IterationResponse ToResponse(Iteration i) =>
        new(i.Id, i.Number, i.Name, i.StartsOn, i.EndsOn, i.Objective, i.ClosedAtUtc, i.ClosedByName, i.ReviewHeldOn, i.ReviewNotes, i.IsRetrospectiveOpen,
            i.RetrospectiveClosedAtUtc, i.Version);

    private static IterationItemResponse ToResponse(IterationItem i) =>
        new(i.WorkItemId, i.Title, i.WorkstreamId, i.Workstream, i.OwnerOrganisationId, i.OwnerOrganisation, i.Status, i.BlockedReason, i.Outcome, i.SlipNote);

    private static MeasureReadingResponse ToResponse(Core.Measures.MeasureSummary m) =>
        new(m.Points, m.LatestPeriod, m.LatestValue, m.Variation, m.Assurance, m.IsProvisional);

    private static RetrospectiveAnswerResponse ToResponse(RetrospectiveAnswerView a) =>
        new(a.OrganisationId, a.Organisation, a.Answer?.WentWell, a.Answer?.ToChange, a.Answer?.LearnedAboutPartners, a.Answer?.UpdatedByName, a.Answer?.UpdatedAtUtc,
            a.Answer?.Version);

    private static RetrospectiveActionResponse ToResponse(RetrospectiveActionView a) =>
        new(a.WorkItemId, a.IterationId, a.Iteration, a.Title, a.OwnerOrganisationId, a.OwnerOrganisation, a.Status);
}

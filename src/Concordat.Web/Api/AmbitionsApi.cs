using Concordat.Core.Goals;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>An ambition; position is where it comes in the strategy, first at 0.</summary>
public sealed record AmbitionResponse(Guid Id, string Title, string? Description, int Position, Guid Version);

public sealed record ArrangedGoalResponse(Guid Id, string Title, GoalStatus Status);

public sealed record ArrangedAmbitionResponse(Guid Id, string Title, string? Description, IReadOnlyList<ArrangedGoalResponse> Goals);

/// <summary>The ambitions in order, each with its goals in order, then the goals under no ambition.</summary>
public sealed record ArrangementResponse(IReadOnlyList<ArrangedAmbitionResponse> Ambitions, IReadOnlyList<ArrangedGoalResponse> Unplaced, Guid Version);

public sealed record AmbitionGoalsRequest(Guid AmbitionId, IReadOnlyList<Guid>? GoalIds);

/// <summary>Every ambition once, in order, each with its goals in order; then every goal under no ambition.</summary>
public sealed record ArrangementRequest(IReadOnlyList<AmbitionGoalsRequest>? Ambitions, IReadOnlyList<Guid>? Unplaced)
{
    public SaveArrangement ToInput() => new([.. (Ambitions ?? []).Select(a => new AmbitionGoals(a.AmbitionId, a.GoalIds ?? []))], Unplaced ?? []);
}

public static class AmbitionsApi
{
    public static void MapAmbitionsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] PageQuery page, HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, (await ambitions.ArrangementAsync(ct)).Ambitions, a => ToResponse(a.Ambition))))
            .WithSummary("The strategy's ambitions, in the order the convenors set");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
                Respond(context, await ambitions.GetAsync(id, ct)))
            .WithName("GetAmbition")
            .WithSummary("One ambition; its ETag is the version to send in If-Match when changing or removing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<CreatedAtRoute<AmbitionResponse>, ValidationProblem>> (Guid systemId, SaveAmbition request, HttpContext context,
                AmbitionService ambitions, CancellationToken ct) =>
            {
                var ambition = await ambitions.CreateAsync(request, context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(ambition.Version);
                return TypedResults.CreatedAtRoute(ToResponse(ambition), "GetAmbition", new { systemId, id = ambition.Id });
            })
            .WithSummary("Add an ambition, like \"Start well\", after the others (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async (Guid id, SaveAmbition request, HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
            {
                await ambitions.UpdateAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await ambitions.GetAsync(id, ct));
            })
            .WithSummary("Rename an ambition or change its description (convenors); requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapDelete("/{id:guid}", async (Guid id, HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
            {
                await ambitions.RemoveAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove an ambition (convenors); one that still has goals is refused, naming them; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/arrangement", async (HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
                Respond(context, await ambitions.ArrangementAsync(ct)))
            .WithSummary("The order of the strategy: ambitions in order, each with its goals, then the goals under no ambition; its ETag goes in If-Match to change it");

        group.MapPut("/arrangement", async (ArrangementRequest request, HttpContext context, AmbitionService ambitions, CancellationToken ct) =>
                Respond(context, await ambitions.ArrangeAsync(request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct)))
            .WithSummary("Set the order of ambitions and of goals within each (convenors): name every ambition and every goal once; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();
    }

    private static Ok<AmbitionResponse> Respond(HttpContext context, Ambition ambition)
    {
        context.Response.Headers.ETag = ETags.For(ambition.Version);
        return TypedResults.Ok(ToResponse(ambition));
    }

    private static Ok<ArrangementResponse> Respond(HttpContext context, Arrangement arrangement)
    {
        context.Response.Headers.ETag = ETags.For(arrangement.Version);
        return TypedResults.Ok(new ArrangementResponse(
            [.. arrangement.Ambitions.Select(a => new ArrangedAmbitionResponse(a.Ambition.Id, a.Ambition.Title, a.Ambition.Description, [.. a.Goals.Select(ToResponse)]))],
            [.. arrangement.Unplaced.Select(ToResponse)], arrangement.Version));
    }

    private static ArrangedGoalResponse ToResponse(ArrangedGoal g) => new(g.Id, g.Title, g.Status);

    private static AmbitionResponse ToResponse(Ambition a) => new(a.Id, a.Title, a.Description, a.Position, a.Version);
}

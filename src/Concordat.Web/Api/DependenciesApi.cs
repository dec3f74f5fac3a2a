using Concordat.Core.Tables;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Dependencies;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>One end of a dependency: the item, its owner, its status and due date.</summary>
public sealed record DependencyEndResponse(Guid ItemId, string Title, Guid OrganisationId, string Organisation, WorkItemStatus Status, DateOnly? DueOn);

/// <summary>A dependency: the consuming item waits on the producing one. offTrackReasons is empty when it is on track (or no longer open).</summary>
public sealed record DependencyResponse(Guid Id, DependencyEndResponse Consumer, DependencyEndResponse Producer, DependencyState State, string? Note,
    string RequestedByName, DateTime RequestedAtUtc, DateOnly? CommittedOn, string? DeclineReason, string? AnsweredByName, DateTime? AnsweredAtUtc,
    DateTime? DeliveredAtUtc, string? WithdrawnByName, DateTime? WithdrawnAtUtc, bool IsOffTrack, IReadOnlyList<string> OffTrackReasons, DateOnly? OffTrackSince,
    Guid Version);

/// <summary>One cell of who waits on whom: open dependencies of the waiting organisation on the other, and how many are off track.</summary>
public sealed record WaitCellResponse(Guid WaitingOrganisationId, string WaitingOrganisation, Guid WaitedOnOrganisationId, string WaitedOnOrganisation, int Open,
    int OffTrack);

public sealed record WhoWaitsOnWhomResponse(IReadOnlyList<NamedResponse> Organisations, IReadOnlyList<WaitCellResponse> Cells);

/// <summary>The filters of the dependency list, each optional.</summary>
public sealed record DependencyQuery(Guid? WaitingOrganisationId, Guid? WaitedOnOrganisationId, DependencyState? State, bool? OffTrack, Guid? ItemId)
{
    public DependencyFilter ToFilter() => new(WaitingOrganisationId, WaitedOnOrganisationId, State, OffTrack, ItemId);
}

public static class DependenciesApi
{
    public static void MapDependenciesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/dependencies", async ([AsParameters] DependencyQuery query, [AsParameters] PageQuery page, HttpContext context, DependencyService dependencies,
                CancellationToken ct) => TypedResults.Ok(page.Of(context, await dependencies.ListAsync(query.ToFilter(), ct), ToResponse)))
            .WithSummary("Dependencies between work items, open ones first and off-track ones first among them, filtered by the waiting organisation, the one waited on, state, off track or item");

        group.MapGet("/dependencies.csv", async ([AsParameters] DependencyQuery query, DependencyService dependencies, CancellationToken ct) =>
                TypedResults.File(DependencyService.ToTable(await dependencies.ListAsync(query.ToFilter(), ct)).ToCsv(), Table.CsvMediaType, "dependencies.csv"))
            .WithSummary("The same dependencies as CSV, with why each open one is off track")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        group.MapGet("/dependencies/who-waits-on-whom", async (DependencyService dependencies, CancellationToken ct) =>
            {
                var matrix = await dependencies.WhoWaitsOnWhomAsync(ct);
                var names = matrix.Organisations.ToDictionary(o => o.Id, o => o.Name);
                return TypedResults.Ok(new WhoWaitsOnWhomResponse([.. matrix.Organisations.Select(o => new NamedResponse(o.Id, o.Name))],
                    [.. matrix.Cells.Select(c => new WaitCellResponse(c.WaitingId, names[c.WaitingId], c.WaitedOnId, names[c.WaitedOnId], c.Open, c.OffTrack))]));
            })
            .WithSummary("Open dependencies between organisations, counted by the waiting organisation and the one waited on, with how many are off track");

        group.MapGet("/dependencies/{id:guid}", async (Guid id, HttpContext context, DependencyService dependencies, CancellationToken ct) =>
                Respond(context, await dependencies.GetAsync(id, ct)))
            .WithName("GetDependency")
            .WithSummary("One dependency; its ETag is the version to send in If-Match when answering it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/dependencies", async Task<Results<CreatedAtRoute<DependencyResponse>, ValidationProblem>> (Guid systemId, RequestDependency request,
                HttpContext context, DependencyService dependencies, CancellationToken ct) =>
            {
                var created = await dependencies.RequestAsync(request, context.Actor(), ct);
                var row = await dependencies.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(row.Dependency.Version);
                return TypedResults.CreatedAtRoute(ToResponse(row), "GetDependency", new { systemId, id = created.Id });
            })
            .WithSummary("Ask another organisation for the item one of yours needs (people of the consuming item's organisation, and convenors); refused if it would make a cycle. Within one organisation it is accepted at once")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/dependencies/{id:guid}/accept", async (Guid id, AcceptDependency request, HttpContext context, DependencyService dependencies, CancellationToken ct) =>
            {
                await dependencies.AcceptAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await dependencies.GetAsync(id, ct));
            })
            .WithSummary("Accept a request, committing a date (people of the producing organisation only); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/dependencies/{id:guid}/decline", async (Guid id, DeclineDependency request, HttpContext context, DependencyService dependencies, CancellationToken ct) =>
            {
                await dependencies.DeclineAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await dependencies.GetAsync(id, ct));
            })
            .WithSummary("Decline a request, with a reason (people of the producing organisation only); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/dependencies/{id:guid}/delivery", async (Guid id, HttpContext context, DependencyService dependencies, CancellationToken ct) =>
            {
                await dependencies.DeliverAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await dependencies.GetAsync(id, ct));
            })
            .WithSummary("Mark an accepted dependency delivered (people of the producing organisation only); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/dependencies/{id:guid}/withdrawal", async (Guid id, HttpContext context, DependencyService dependencies, CancellationToken ct) =>
            {
                await dependencies.WithdrawAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await dependencies.GetAsync(id, ct));
            })
            .WithSummary("Withdraw a dependency not yet delivered (people of either organisation, or a convenor for the one that asked); it stays in the history; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();
    }

    private static Ok<DependencyResponse> Respond(HttpContext context, DependencyRow row)
    {
        context.Response.Headers.ETag = ETags.For(row.Dependency.Version);
        return TypedResults.Ok(ToResponse(row));
    }

    private static DependencyEndResponse ToResponse(DependencyEnd e) => new(e.ItemId, e.Title, e.OrganisationId, e.Organisation, e.Status, e.DueOn);

    private static DependencyResponse ToResponse(DependencyRow r)
    {
        var d = r.Dependency;
        return new(d.Id, ToResponse(r.Consumer), ToResponse(r.Producer), d.State, d.Note, d.RequestedByName, d.RequestedAtUtc, d.CommittedOn, d.DeclineReason,
            d.AnsweredByName, d.AnsweredAtUtc, d.DeliveredAtUtc, d.WithdrawnByName, d.WithdrawnAtUtc, r.IsOffTrack, r.OffTrackReasons, r.OffTrackSince, d.Version);
    }
}

using Concordat.Core.Areas;
using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record NeighbourhoodResponse(Guid Id, string Name, string? Code);

/// <summary>
/// A place; retiredOn is set once a convenor retired it (it stays where it was chosen but is offered for nothing new). Each
/// code's name is the ONS area's name, null when the area is not in Concordat's list.
/// </summary>
public sealed record PlaceResponse(Guid Id, string Name, string? LocalAuthorityCode, string? LocalAuthorityName, string? SubIcbLocationCode,
    string? SubIcbLocationName, DateOnly? RetiredOn, IReadOnlyList<NeighbourhoodResponse> Neighbourhoods, Guid Version);

public sealed record PlaceListItem(Guid Id, string Name, string? LocalAuthorityCode, string? LocalAuthorityName, string? SubIcbLocationCode,
    string? SubIcbLocationName, DateOnly? RetiredOn, int Neighbourhoods, int Organisations, int Goals);

public sealed record PlaceRequest(string? Name, string? LocalAuthorityCode, string? SubIcbLocationCode)
{
    public SavePlace ToInput() => new(Name, LocalAuthorityCode, SubIcbLocationCode);
}

public static class PlacesApi
{
    public static void MapPlacesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] PageQuery page, HttpContext context, PlaceService places, AreaDirectory areas, CancellationToken ct) =>
            {
                var list = await places.ListAsync(ct);
                var names = await areas.NamesAsync(list.SelectMany(s => new[] { s.Place.LocalAuthorityCode, s.Place.SubIcbLocationCode }), ct);
                return TypedResults.Ok(page.Of(context, list, s => new PlaceListItem(s.Place.Id, s.Place.Name, s.Place.LocalAuthorityCode,
                    names.NameOf(s.Place.LocalAuthorityCode), s.Place.SubIcbLocationCode, names.NameOf(s.Place.SubIcbLocationCode), s.Place.RetiredOn,
                    s.Neighbourhoods, s.Organisations, s.Goals)));
            })
            .WithSummary("The system's places (place-based partnerships): those in use first, then retired ones");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, PlaceService places, AreaDirectory areas, CancellationToken ct) =>
                await RespondAsync(context, await places.GetAsync(id, ct), areas, ct))
            .WithName("GetPlace")
            .WithSummary("One place with its neighbourhoods; its ETag is the version to send in If-Match when changing or retiring it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<CreatedAtRoute<PlaceResponse>, ValidationProblem>> (Guid systemId, PlaceRequest request, HttpContext context,
                PlaceService places, AreaDirectory areas, CancellationToken ct) =>
            {
                var created = await places.CreateAsync(request.ToInput(), context.Actor(), ct);
                var place = await places.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(place.Version);
                return TypedResults.CreatedAtRoute(await ToResponseAsync(place, areas, ct), "GetPlace", new { systemId, id = place.Id });
            })
            .WithSummary("Add a place with its ONS codes: local authority like E06000047, sub-ICB location like E38000212 (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async (Guid id, PlaceRequest request, HttpContext context, PlaceService places, AreaDirectory areas, CancellationToken ct) =>
            {
                await places.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return await RespondAsync(context, await places.GetAsync(id, ct), areas, ct);
            })
            .WithSummary("Rename a place or change its codes (convenors); requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/{id:guid}/retirement", async (Guid id, HttpContext context, PlaceService places, AreaDirectory areas, CancellationToken ct) =>
            {
                await places.RetireAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return await RespondAsync(context, await places.GetAsync(id, ct), areas, ct);
            })
            .WithSummary("Retire a place (convenors): it stays where it was chosen and in the history, but is offered for nothing new; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/{id:guid}/neighbourhoods", async (Guid id, [AsParameters] PageQuery page, HttpContext context, PlaceService places, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, (await places.GetAsync(id, ct)).Neighbourhoods, ToResponse)))
            .WithSummary("The place's neighbourhoods, by name");

        group.MapGet("/{id:guid}/neighbourhoods/{neighbourhoodId:guid}", async (Guid id, Guid neighbourhoodId, PlaceService places, CancellationToken ct) =>
                TypedResults.Ok(ToResponse((await places.GetAsync(id, ct)).Neighbourhoods.SingleOrDefault(n => n.Id == neighbourhoodId)
                    ?? throw new Core.Access.NotFoundException("There is no such neighbourhood in this place."))))
            .WithName("GetNeighbourhood")
            .WithSummary("One neighbourhood of the place")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/neighbourhoods", async (Guid systemId, Guid id, SaveNeighbourhood request, HttpContext context, PlaceService places,
                CancellationToken ct) =>
            {
                var neighbourhood = await places.AddNeighbourhoodAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(neighbourhood), "GetNeighbourhood", new { systemId, id, neighbourhoodId = neighbourhood.Id });
            })
            .WithSummary("Add a neighbourhood to a place, with an optional code (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:guid}/neighbourhoods/{neighbourhoodId:guid}", async (Guid id, Guid neighbourhoodId, HttpContext context, PlaceService places,
                CancellationToken ct) =>
            {
                await places.RemoveNeighbourhoodAsync(id, neighbourhoodId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a neighbourhood from a place (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PlaceResponse>> RespondAsync(HttpContext context, Place place, AreaDirectory areas, CancellationToken ct)
    {
        context.Response.Headers.ETag = ETags.For(place.Version);
        return TypedResults.Ok(await ToResponseAsync(place, areas, ct));
    }

    private static NeighbourhoodResponse ToResponse(Neighbourhood n) => new(n.Id, n.Name, n.Code);

    private static async Task<PlaceResponse> ToResponseAsync(Place p, AreaDirectory areas, CancellationToken ct)
    {
        var names = await areas.NamesAsync([p.LocalAuthorityCode, p.SubIcbLocationCode], ct);
        return new(p.Id, p.Name, p.LocalAuthorityCode, names.NameOf(p.LocalAuthorityCode), p.SubIcbLocationCode, names.NameOf(p.SubIcbLocationCode),
            p.RetiredOn, [.. p.Neighbourhoods.Select(ToResponse)], p.Version);
    }
}

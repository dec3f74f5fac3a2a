using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record PlaceReference(Guid Id, string Name);

public sealed record OrganisationResponse(Guid Id, string Name, OrganisationType Type, string? OdsCode, IReadOnlyList<PlaceReference> Places, Guid Version);

public sealed record OrganisationListItem(Guid Id, string Name, OrganisationType Type, string? OdsCode, IReadOnlyList<string> Places, int People);

public sealed record OrganisationRequest(string? Name, OrganisationType? Type, string? OdsCode, IReadOnlyList<Guid>? PlaceIds)
{
    public SaveOrganisation ToInput() => new(Name, Type, OdsCode, PlaceIds ?? []);
}

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (OrganisationService organisations, CancellationToken ct) =>
            TypedResults.Ok((await organisations.ListAsync(ct))
                .Select(o => new OrganisationListItem(o.Id, o.Name, o.Type, o.OdsCode, o.Places, o.People)).ToList()))
            .WithSummary("The system's partner organisations");

        group.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationResponse>, NotFound>> (Guid id, HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                var organisation = await organisations.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.Ok(ToResponse(organisation));
            })
            .WithName("GetOrganisation")
            .WithSummary("One organisation; its ETag is the version to send in If-Match when updating")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<CreatedAtRoute<OrganisationResponse>, ValidationProblem>> (Guid systemId, OrganisationRequest request,
                HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                var created = await organisations.CreateAsync(request.ToInput(), context.Actor(), ct);
                var organisation = await organisations.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.CreatedAtRoute(ToResponse(organisation), "GetOrganisation", new { systemId, id = organisation.Id });
            })
            .WithSummary("Add a partner organisation (convenors only)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> (Guid id, OrganisationRequest request,
                HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                if (ETags.Parse(context.Request.Headers.IfMatch) is not { } expected)
                {
                    return ETags.Required("organisation");
                }
                await organisations.UpdateAsync(id, request.ToInput(), expected, context.Actor(), ct);
                var organisation = await organisations.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.Ok(ToResponse(organisation));
            })
            .WithSummary("Change an organisation; requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static OrganisationResponse ToResponse(OrganisationDetail o) =>
        new(o.Id, o.Name, o.Type, o.OdsCode, o.Places.Select(p => new PlaceReference(p.Id, p.Name)).ToList(), o.Version);
}

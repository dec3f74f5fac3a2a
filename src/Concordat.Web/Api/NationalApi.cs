using Concordat.Core.Access;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

/// <summary>A national body; its ETag (and <c>Version</c>) is what a change sends in If-Match. <c>Partners</c> counts its national partners.</summary>
public sealed record NationalBodyResponse(Guid Id, string Name, NationalBodyKind Kind, int Partners, Guid Version);

public sealed record SaveNationalBodyRequest(string? Name, NationalBodyKind? Kind);

/// <summary>A person to appoint as a national partner of the body; a new person needs <c>DisplayName</c>. <c>Team</c> is their team within the body.</summary>
public sealed record AppointNationalPartnerRequest(string? Email, string? DisplayName, string? Team);

public sealed record NationalPartnerResponse(Guid PersonId, string Name, string Email, string? Team, DateTime AppointedAtUtc, string AppointedBy);

public sealed record PublicStrategyResponse(Guid SystemId, string Name, int Version, DateTime PublishedAtUtc, string Link);

/// <summary>The signed-in national partner: their body and team, and the systems' public strategies, which is all they may read of any system.</summary>
public sealed record NationalMeResponse(Guid NationalBodyId, string NationalBody, NationalBodyKind Kind, string? Team, IReadOnlyList<PublicStrategyResponse> PublicStrategies);

public static class NationalApi
{
    public static void MapNationalApi(this RouteGroupBuilder group)
    {
        group.MapGet("/national-bodies", async ([AsParameters] PageQuery page, HttpContext context, NationalBodyService bodies, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await bodies.ListAsync(ct), ToResponse)))
            .WithSummary("The national bodies systems can address, by name");

        group.MapGet("/national-bodies/{id:guid}", async (Guid id, HttpContext context, NationalBodyService bodies, CancellationToken ct) =>
            {
                var body = await bodies.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(body.Version);
                return TypedResults.Ok(ToResponse(body));
            })
            .WithName("GetNationalBody")
            .WithSummary("One national body; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/national-bodies", async (SaveNationalBodyRequest request, HttpContext context, NationalBodyService bodies, AccountService accounts, CancellationToken ct) =>
            {
                var body = await bodies.CreateAsync(new SaveNationalBody(request.Name, request.Kind), await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                return TypedResults.CreatedAtRoute(ToResponse(body), "GetNationalBody", new { id = body.Id });
            })
            .WithSummary("Add a national body (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/national-bodies/{id:guid}", async (Guid id, SaveNationalBodyRequest request, HttpContext context, NationalBodyService bodies, AccountService accounts,
                CancellationToken ct) =>
            {
                var body = await bodies.UpdateAsync(id, new SaveNationalBody(request.Name, request.Kind), ETags.Parse(context.Request.Headers.IfMatch),
                    await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                context.Response.Headers.ETag = ETags.For(body.Version);
                return TypedResults.Ok(ToResponse(body));
            })
            .WithSummary("Rename a national body or change its kind (administrators); requires If-Match with the ETag you read")
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/national-bodies/{id:guid}/partners", async (Guid id, [AsParameters] PageQuery page, HttpContext context, NationalBodyService bodies,
                AccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await bodies.PartnersAsync(id, await accounts.ActorAsync(context.User.PersonId(), ct), ct), ToResponse)))
            .WithSummary("The body's national partners, by name (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/national-bodies/{id:guid}/partners", async (Guid id, AppointNationalPartnerRequest request, HttpContext context, NationalBodyService bodies,
                AccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await bodies.AppointAsync(id, new AppointNationalPartner(request.Email, request.DisplayName, request.Team),
                    await accounts.ActorAsync(context.User.PersonId(), ct), ct))))
            .WithSummary("Appoint a national partner of the body, giving them an account if new (administrators); someone holding a role in a system cannot be one")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/national-bodies/{id:guid}/partners/{personId:guid}", async (Guid id, Guid personId, HttpContext context, NationalBodyService bodies,
                AccountService accounts, CancellationToken ct) =>
            {
                await bodies.RemovePartnerAsync(id, personId, await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop a person being a national partner of the body; their sessions end (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/national/me", async (HttpContext context, NationalBodyService bodies, SystemDirectory directory, CancellationToken ct) =>
            {
                var me = await bodies.PartnerOfAsync(context.User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
                var strategies = await directory.PublicStrategiesAsync(ct);
                return TypedResults.Ok(new NationalMeResponse(me.NationalBodyId, me.NationalBody, me.Kind, me.Team,
                    [.. strategies.Select(s => new PublicStrategyResponse(s.SystemId, s.Name, s.Version, s.PublishedAtUtc, $"/public/strategy/{s.SystemId}"))]));
            })
            .WithSummary("The national body you speak for, your team, and the systems' public strategies (national partners)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static NationalBodyResponse ToResponse(NationalBodySummary b) => new(b.Id, b.Name, b.Kind, b.Partners, b.Version);

    private static NationalPartnerResponse ToResponse(NationalPartnerSummary p) => new(p.PersonId, p.Name, p.Email, p.Team, p.AppointedAtUtc, p.AppointedByName);
}

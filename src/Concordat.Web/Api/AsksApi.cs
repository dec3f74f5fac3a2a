using Concordat.Core.Asks;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record AskSummaryResponse(Guid Id, string Title, AskCategory Category, AskStatus Status, string NationalBody, string Owner, int Goals);

public sealed record GoalReference(Guid Id, string Title);

public sealed record RiskReference(Guid Id, string Text);

/// <summary>
/// An ask of a national body: <c>barrier</c> is what stops the partners today, <c>request</c> the specific change asked,
/// <c>offer</c> what the system commits to in return; <c>goals</c> it unlocks and RAID <c>risks</c> it mitigates.
/// </summary>
public sealed record AskResponse(Guid Id, string Title, AskCategory Category, AskStatus Status, Guid NationalBodyId, string NationalBody, string Barrier,
    string Request, string? Evidence, string? Offer, Guid OwnerOrganisationId, string Owner, IReadOnlyList<GoalReference> Goals, IReadOnlyList<RiskReference> Risks,
    DateTime CreatedAtUtc, string CreatedBy, Guid Version);

public sealed record AskRequest(string? Title, AskCategory? Category, Guid? NationalBodyId, string? Barrier, string? Request, string? Evidence, string? Offer,
    Guid? OwnerOrganisationId, IReadOnlyList<Guid>? GoalIds, IReadOnlyList<Guid>? RiskIds)
{
    public SaveAsk ToInput() => new(Title, Category, NationalBodyId, Barrier, Request, Evidence, Offer, OwnerOrganisationId, GoalIds, RiskIds);
}

public static class AsksApi
{
    public static void MapAsksApi(this RouteGroupBuilder group)
    {
        group.MapGet("/asks", async ([AsParameters] PageQuery page, HttpContext context, AskService asks, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await asks.ListAsync(ct), a => new AskSummaryResponse(a.Id, a.Title, a.Category, a.Status, a.NationalBody, a.Owner, a.Goals))))
            .WithSummary("The system's asks of national bodies, by title");

        group.MapGet("/asks/{id:guid}", async (Guid id, HttpContext context, AskService asks, CancellationToken ct) => Respond(context, await asks.GetAsync(id, ct)))
            .WithName("GetAsk")
            .WithSummary("One ask; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/asks", async Task<Results<CreatedAtRoute<AskResponse>, ValidationProblem>> (Guid systemId, AskRequest request, HttpContext context,
                AskService asks, CancellationToken ct) =>
            {
                var created = await asks.CreateAsync(request.ToInput(), context.Actor(), ct);
                var ask = await asks.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(ask.Ask.Version);
                return TypedResults.CreatedAtRoute(ToResponse(ask), "GetAsk", new { systemId, id = created.Id });
            })
            .WithSummary("Draft an ask of a national body (convenors, or leads for their own organisation)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/asks/{id:guid}", async (Guid id, AskRequest request, HttpContext context, AskService asks, CancellationToken ct) =>
            {
                await asks.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Change a draft ask (convenors, or leads of its owner); requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();
    }

    private static Ok<AskResponse> Respond(HttpContext context, AskDetail ask)
    {
        context.Response.Headers.ETag = ETags.For(ask.Ask.Version);
        return TypedResults.Ok(ToResponse(ask));
    }

    private static AskResponse ToResponse(AskDetail d) => new(d.Ask.Id, d.Ask.Title, d.Ask.Category, d.Ask.Status, d.Ask.NationalBodyId, d.NationalBody,
        d.Ask.Barrier, d.Ask.Request, d.Ask.Evidence, d.Ask.Offer, d.Ask.OwnerOrganisationId, d.Owner, [.. d.Goals.Select(g => new GoalReference(g.Id, g.Title))],
        [.. d.Risks.Select(r => new RiskReference(r.Id, r.Text))], d.Ask.CreatedAtUtc, d.Ask.CreatedByName, d.Ask.Version);
}

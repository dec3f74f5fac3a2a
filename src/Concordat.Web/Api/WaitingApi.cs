using Concordat.Core.Waiting;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

/// <summary>One thing waiting on the caller; <c>Href</c> is the page that does it.</summary>
public sealed record WaitingItemResponse(WaitingKind Kind, string Text, string Detail, DateOnly? By, string Href);

public static class WaitingApi
{
    public static void MapWaitingApi(this RouteGroupBuilder group) =>
        group.MapGet("/waiting", async (Guid systemId, [AsParameters] PageQuery page, HttpContext context, WaitingService waiting, CancellationToken ct) =>
            {
                var items = (await waiting.ForAsync(context.Actor(), ct)).Items;
                return TypedResults.Ok(page.Of(context, items, i => new WaitingItemResponse(i.Kind, i.Text, i.Detail, i.By, $"/systems/{systemId}/{i.Path}")));
            })
            .WithSummary("What is waiting on you in this system: positions your organisations owe, check-ins due and to acknowledge, requests to answer, data out of date");
}

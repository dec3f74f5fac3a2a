using Concordat.Core.Waiting;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

/// <summary>One thing on the caller's list, in its group; <c>By</c> is when it is due, where it has a date; <c>Href</c> is the page that acts on it.</summary>
public sealed record WaitingItemResponse(WaitingGroup Group, WaitingKind Kind, string Text, string Detail, DateOnly? By, string Href);

public static class WaitingApi
{
    public static void MapWaitingApi(this RouteGroupBuilder group) =>
        group.MapGet("/me/waiting", async (Guid systemId, [AsParameters] PageQuery page, HttpContext context, WaitingService waiting, CancellationToken ct) =>
            {
                var items = (await waiting.ForAsync(context.Actor(), ct)).Grouped;
                return TypedResults.Ok(page.Of(context, items, i => new WaitingItemResponse(i.Kind.Group(), i.Kind, i.Text, i.Detail, i.By, $"/systems/{systemId}/{i.Path}")));
            })
            .WithSummary("What is waiting on you in this system, computed from its current state: to do (positions, check-ins and data your organisations owe, retrospectives, risk reviews, PDSA cycles to study), to review (requests and check-ins to answer), and what your organisations are waiting on others for");
}

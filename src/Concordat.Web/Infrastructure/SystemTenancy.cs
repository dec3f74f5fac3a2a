using Concordat.Core.Access;
using Concordat.Core.Data;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// Every route with a <c>{systemId}</c> acts inside that system: the caller must belong to it (or be an
/// administrator), otherwise the answer is 404, so other systems' existence is not revealed. On success the
/// database scope is entered and the <see cref="Actor"/> is available to the page or endpoint.
/// </summary>
public sealed class SystemTenancy(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ConcordatDb db, TimeProvider clock)
    {
        if (context.GetRouteValue("systemId") is string raw && context.User.Identity?.IsAuthenticated == true)
        {
            var actor = Guid.TryParse(raw, out var systemId)
                ? await Actor.LoadAsync(db, context.User.PersonId(), systemId, UkCalendar.Today(clock), context.RequestAborted)
                : null;
            if (actor is null)
            {
                throw new NotFoundException("There is no such system, or you are not a member of it.");
            }
            db.Tenant.Enter(systemId);
            context.Features.Set(actor);
        }
        await next(context);
    }
}

public static class ActorAccess
{
    public static Actor Actor(this HttpContext context) =>
        context.Features.Get<Actor>() ?? throw new InvalidOperationException("This route is not inside a system.");
}

using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public sealed record SystemResponse(Guid Id, string Name, IReadOnlyList<string> Roles);

public static class SystemsApi
{
    public static void MapSystemsApi(this RouteGroupBuilder group) =>
        group.MapGet("/systems", async ([AsParameters] PageQuery page, HttpContext context, SystemDirectory directory, CancellationToken ct) =>
            {
                var systems = await directory.ForPersonAsync(context.User.PersonId(), ct);
                return TypedResults.Ok(page.Of(context, systems, s => new SystemResponse(s.Id, s.Name, s.Roles)));
            })
            .WithTags("Systems")
            .WithSummary("The systems the caller belongs to");
}

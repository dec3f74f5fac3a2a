using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Concordat.Web.Pages.People;

namespace Concordat.Web.Api;

public sealed record SystemResponse(Guid Id, string Name, IReadOnlyList<string> Roles);

/// <summary>One system; its ETag (and <c>Version</c>) is what a rename sends in If-Match.</summary>
public sealed record SystemDetailResponse(Guid Id, string Name, DateTime CreatedAtUtc, Guid Version);

/// <summary>
/// A new system and its first convenor, who acts for the organisation named here (an integrated care board unless
/// <c>OrganisationType</c> says otherwise). An existing account is given the role; a new person needs <c>ConvenorName</c>.
/// </summary>
public sealed record CreateSystemRequest(string? Name, string? ConvenorEmail, string? ConvenorName, string? OrganisationName, OrganisationType? OrganisationType,
    string? OdsCode);

/// <summary>
/// The system made (<c>Id</c>), its convenor's organisation and the convenor. <c>InvitationLink</c> is present, once, when the
/// convenor has no password yet: pass it to them privately.
/// </summary>
public sealed record SystemCreatedResponse(Guid Id, string Name, Guid OrganisationId, Guid ConvenorId, string? InvitationLink);

public sealed record RenameSystemRequest(string? Name);

public static class SystemsApi
{
    public static void MapSystemsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/systems", async ([AsParameters] PageQuery page, HttpContext context, SystemDirectory directory, CancellationToken ct) =>
            {
                var systems = await directory.ForPersonAsync(context.User.PersonId(), ct);
                return TypedResults.Ok(page.Of(context, systems, s => new SystemResponse(s.Id, s.Name, s.Roles)));
            })
            .WithTags("Systems")
            .WithSummary("The systems the caller belongs to");

        group.MapGet("/systems/{systemId:guid}", async (Guid systemId, HttpContext context, SystemService systems, CancellationToken ct) =>
            {
                var system = await systems.GetAsync(systemId, ct);
                context.Response.Headers.ETag = ETags.For(system.Version);
                return TypedResults.Ok(ToResponse(system));
            })
            .WithName("GetSystem")
            .WithTags("Systems")
            .WithSummary("One system the caller belongs to; its ETag is the version to send in If-Match when renaming it");

        group.MapPost("/systems", async (CreateSystemRequest request, HttpContext context, SystemService systems, AccountService accounts, CancellationToken ct) =>
            {
                var created = await systems.CreateAsync(
                    new CreateSystem(request.Name, request.OrganisationName, request.OrganisationType, request.OdsCode, request.ConvenorName, request.ConvenorEmail),
                    await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                var link = created.InvitationSecret is { } secret ? InvitationLinks.For(context.Request, secret) : null;
                return TypedResults.CreatedAtRoute(new SystemCreatedResponse(created.SystemId, created.Name, created.OrganisationId, created.ConvenorId, link),
                    "GetSystem", new { systemId = created.SystemId });
            })
            .WithTags("Systems")
            .WithSummary("Create a system with its first convenor and the organisation they act for, giving the convenor an account if new (administrators)")
            // Outside any system, so the standard answers are not declared for it.
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/systems/{systemId:guid}", async (Guid systemId, RenameSystemRequest request, HttpContext context, SystemService systems, CancellationToken ct) =>
            {
                var system = await systems.RenameAsync(systemId, request.Name, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(system.Version);
                return TypedResults.Ok(ToResponse(system));
            })
            .WithTags("Systems")
            .WithSummary("Rename a system (administrators); requires If-Match with the ETag you read")
            .RequiresIfMatch();
    }

    private static SystemDetailResponse ToResponse(SystemDetail s) => new(s.Id, s.Name, s.CreatedAtUtc, s.Version);
}

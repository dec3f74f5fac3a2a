using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record OrganisationReference(Guid Id, string Name);

/// <summary>
/// A governance forum; termsOfReference is the convenor's Markdown as written (show it as text, never as HTML), and
/// decisions counts the agreement rounds and published versions recorded as taken there.
/// </summary>
public sealed record ForumResponse(Guid Id, string Name, ForumKind Kind, PlaceReference? Place, IReadOnlyList<OrganisationReference> Members,
    string? TermsOfReference, string? TermsOfReferenceUrl, int Decisions, Guid Version);

public sealed record ForumRequest(string? Name, ForumKind? Kind, Guid? PlaceId, IReadOnlyList<Guid>? MemberOrganisationIds, string? TermsOfReference,
    string? TermsOfReferenceUrl)
{
    public SaveForum ToInput() => new(Name, Kind, PlaceId, MemberOrganisationIds ?? [], TermsOfReference, TermsOfReferenceUrl);
}

public static class ForumsApi
{
    public static void MapForumsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] PageQuery page, HttpContext context, GovernanceForumService forums, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await forums.ListAsync(ct), ToResponse)))
            .WithSummary("The system's governance forums, by name");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, GovernanceForumService forums, CancellationToken ct) =>
                Respond(context, await forums.GetAsync(id, ct)))
            .WithName("GetForum")
            .WithSummary("One forum with its member organisations; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<CreatedAtRoute<ForumResponse>, ValidationProblem>> (Guid systemId, ForumRequest request, HttpContext context,
                GovernanceForumService forums, CancellationToken ct) =>
            {
                var created = await forums.CreateAsync(request.ToInput(), context.Actor(), ct);
                var forum = await forums.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(forum.Forum.Version);
                return TypedResults.CreatedAtRoute(ToResponse(forum), "GetForum", new { systemId, id = created.Id });
            })
            .WithSummary("Add a governance forum with its members and terms of reference (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async (Guid id, ForumRequest request, HttpContext context, GovernanceForumService forums, CancellationToken ct) =>
            {
                await forums.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await forums.GetAsync(id, ct));
            })
            .WithSummary("Change a forum, its members or its terms of reference (convenors); requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapDelete("/{id:guid}", async (Guid id, HttpContext context, GovernanceForumService forums, CancellationToken ct) =>
            {
                await forums.RemoveAsync(id, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a forum that no decision names (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<ForumResponse> Respond(HttpContext context, ForumDetail forum)
    {
        context.Response.Headers.ETag = ETags.For(forum.Forum.Version);
        return TypedResults.Ok(ToResponse(forum));
    }

    private static ForumResponse ToResponse(ForumDetail d)
    {
        var f = d.Forum;
        return new ForumResponse(f.Id, f.Name, f.Kind, f.PlaceId is { } placeId ? new PlaceReference(placeId, d.Place!) : null,
            [.. d.Members.Select(m => new OrganisationReference(m.Id, m.Name))], f.TermsOfReference, f.TermsOfReferenceUrl, d.Decisions, f.Version);
    }
}

using Concordat.Core.Tables;
using Concordat.Core.WorkProgramme;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record NamedResponse(Guid Id, string Name);

public sealed record WorkstreamListItem(Guid Id, string Name, WorkstreamStatus Status, Guid LeadOrganisationId, string LeadOrganisation, IReadOnlyList<string> Goals,
    IReadOnlyDictionary<WorkItemStatus, int> Items);

public sealed record WorkstreamResponse(Guid Id, string Name, string Purpose, WorkstreamStatus Status, Guid LeadOrganisationId, string LeadOrganisation,
    Guid? SeniorResponsibleOwnerId, string? SeniorResponsibleOwner, IReadOnlyList<NamedResponse> Goals, IReadOnlyList<NamedResponse> Contributors,
    IReadOnlyList<NamedResponse> ChangeIdeas, Guid Version);

public sealed record WorkstreamRequest(string? Name, string? Purpose, Guid? LeadOrganisationId, Guid? SeniorResponsibleOwnerId, WorkstreamStatus? Status,
    IReadOnlyList<Guid>? GoalIds, IReadOnlyList<Guid>? ContributorIds, IReadOnlyList<Guid>? ChangeIdeaIds)
{
    public SaveWorkstream ToInput() => new(Name, Purpose, LeadOrganisationId, SeniorResponsibleOwnerId, Status, GoalIds ?? [], ContributorIds ?? [], ChangeIdeaIds);
}

/// <summary>A work item as a card shows it; daysInStatus is its age in its column; iterationId is null while it waits in the backlog.</summary>
public sealed record WorkItemListItem(Guid Id, string Title, Guid WorkstreamId, string Workstream, Guid OwnerOrganisationId, string OwnerOrganisation,
    Guid? OwnerPersonId, string? OwnerPerson, WorkItemStatus Status, DateTime StatusSinceUtc, int DaysInStatus, DateOnly? DueOn, WorkItemSize? Size,
    string? BlockedReason, Guid? BlockedOnOrganisationId, string? BlockedOnOrganisation, Guid? IterationId, string? Iteration);

public sealed record WorkItemCommentResponse(Guid Id, string Text, string AuthorName, string? AuthorOrganisation, DateTime CreatedAtUtc);

public sealed record WorkItemResponse(WorkItemListItem Item, string? Description, IReadOnlyList<NamedResponse> Contributors, IReadOnlyList<NamedResponse> ChangeIdeas,
    IReadOnlyList<WorkItemCommentResponse> Comments, Guid Version);

public sealed record WorkItemRequest(string? Title, string? Description, Guid? WorkstreamId, Guid? OwnerOrganisationId, Guid? OwnerPersonId, DateOnly? DueOn,
    WorkItemSize? Size, IReadOnlyList<Guid>? ContributorIds, IReadOnlyList<Guid>? ChangeIdeaIds)
{
    public SaveWorkItem ToInput() => new(Title, Description, WorkstreamId, OwnerOrganisationId, OwnerPersonId, DueOn, Size, ContributorIds ?? [], ChangeIdeaIds);
}

public sealed record CommentRequest(string? Text);

public static class WorkProgrammeApi
{
    public static void MapWorkProgrammeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/workstreams", async ([AsParameters] PageQuery page, HttpContext context, WorkstreamService workstreams, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await workstreams.ListAsync(ct), s => new WorkstreamListItem(s.Id, s.Name, s.Status, s.LeadOrganisationId,
                    s.LeadOrganisation, s.Goals, s.Items))))
            .WithSummary("The work programme's workstreams, open ones first, each with how many of its items are in each status");

        group.MapGet("/workstreams/{id:guid}", async (Guid id, HttpContext context, WorkstreamService workstreams, CancellationToken ct) =>
                Respond(context, await workstreams.GetAsync(id, ct)))
            .WithName("GetWorkstream")
            .WithSummary("One workstream; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/workstreams", async Task<Results<CreatedAtRoute<WorkstreamResponse>, ValidationProblem>> (Guid systemId, WorkstreamRequest request,
                HttpContext context, WorkstreamService workstreams, CancellationToken ct) =>
            {
                var created = await workstreams.CreateAsync(request.ToInput(), context.Actor(), ct);
                var detail = await workstreams.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Workstream.Version);
                return TypedResults.CreatedAtRoute(ToResponse(detail), "GetWorkstream", new { systemId, id = created.Id });
            })
            .WithSummary("Start a workstream serving one or more shared goals, with its lead and contributing organisations (convenors)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/workstreams/{id:guid}", async (Guid id, WorkstreamRequest request, HttpContext context, WorkstreamService workstreams, CancellationToken ct) =>
            {
                await workstreams.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await workstreams.GetAsync(id, ct));
            })
            .WithSummary("Change a workstream (convenors, and leads of its lead organisation; only a convenor hands the lead to another organisation); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/work-items", async ([AsParameters] WorkItemQuery query, [AsParameters] PageQuery page, HttpContext context, WorkItemService items,
                TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return TypedResults.Ok(page.Of(context, await items.ListAsync(query.ToFilter(), ct), c => ToResponse(c, now)));
            })
            .WithSummary("Work items in board order (by status, then due date), filtered by workstream, organisation (owning or contributing), goal, status, person or iteration");

        group.MapGet("/work-items.csv", async ([AsParameters] WorkItemQuery query, WorkItemService items, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(WorkItemService.ToTable(await items.ListAsync(query.ToFilter(), ct), clock.GetUtcNow().UtcDateTime).ToCsv(), Table.CsvMediaType, "work-items.csv"))
            .WithSummary("The same work items as CSV, with each one's days in its status")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        group.MapGet("/work-items/{id:guid}", async (Guid id, HttpContext context, WorkItemService items, TimeProvider clock, CancellationToken ct) =>
                Respond(context, await items.GetAsync(id, ct), clock.GetUtcNow().UtcDateTime))
            .WithName("GetWorkItem")
            .WithSummary("One work item with its comments, oldest first; its ETag is the version to send in If-Match when changing or moving it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/work-items", async Task<Results<CreatedAtRoute<WorkItemResponse>, ValidationProblem>> (Guid systemId, WorkItemRequest request,
                HttpContext context, WorkItemService items, TimeProvider clock, CancellationToken ct) =>
            {
                var created = await items.CreateAsync(request.ToInput(), context.Actor(), ct);
                var detail = await items.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Item.Version);
                return TypedResults.CreatedAtRoute(ToResponse(detail, clock.GetUtcNow().UtcDateTime), "GetWorkItem", new { systemId, id = created.Id });
            })
            .WithSummary("Add an item to a workstream's backlog, owned by an organisation you work for (convenors: any partner)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/work-items/{id:guid}", async (Guid id, WorkItemRequest request, HttpContext context, WorkItemService items, TimeProvider clock,
                CancellationToken ct) =>
            {
                await items.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await items.GetAsync(id, ct), clock.GetUtcNow().UtcDateTime);
            })
            .WithSummary("Change a work item (people of its owning organisation, and convenors; only a convenor hands it to another organisation); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/work-items/{id:guid}/moves", async (Guid id, MoveWorkItem request, HttpContext context, WorkItemService items, TimeProvider clock,
                CancellationToken ct) =>
            {
                await items.MoveAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await items.GetAsync(id, ct), clock.GetUtcNow().UtcDateTime);
            })
            .WithSummary("Move a work item to another status; Blocked needs the reason and the organisation whose move it is (its owner's people, and convenors); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/work-items/{id:guid}/comments/{commentId:guid}", async (Guid id, Guid commentId, WorkItemService items, CancellationToken ct) =>
                TypedResults.Ok(ToResponse((await items.GetAsync(id, ct)).Comments.SingleOrDefault(c => c.Id == commentId)
                    ?? throw new Core.Access.NotFoundException("There is no such comment on this work item."))))
            .WithName("GetWorkItemComment")
            .WithSummary("One comment on a work item")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/work-items/{id:guid}/comments", async (Guid systemId, Guid id, CommentRequest request, HttpContext context, WorkItemService items,
                CancellationToken ct) =>
            {
                var comment = await items.CommentAsync(id, request.Text, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(comment), "GetWorkItemComment", new { systemId, id, commentId = comment.Id });
            })
            .WithSummary("Comment on a work item (anyone acting for a partner, and convenors); comments are never edited or removed")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<WorkstreamResponse> Respond(HttpContext context, WorkstreamDetail detail)
    {
        context.Response.Headers.ETag = ETags.For(detail.Workstream.Version);
        return TypedResults.Ok(ToResponse(detail));
    }

    private static Ok<WorkItemResponse> Respond(HttpContext context, WorkItemDetail detail, DateTime now)
    {
        context.Response.Headers.ETag = ETags.For(detail.Item.Version);
        return TypedResults.Ok(ToResponse(detail, now));
    }

    private static WorkstreamResponse ToResponse(WorkstreamDetail d) =>
        new(d.Workstream.Id, d.Workstream.Name, d.Workstream.Purpose, d.Workstream.Status, d.Workstream.LeadOrganisationId, d.LeadOrganisation,
            d.Workstream.SeniorResponsibleOwnerId, d.SeniorResponsibleOwner, [.. d.Goals.Select(g => new NamedResponse(g.Id, g.Title))],
            [.. d.Contributors.Select(c => new NamedResponse(c.Id, c.Name))], [.. d.ChangeIdeas.Select(c => new NamedResponse(c.Id, c.Title))], d.Workstream.Version);

    private static WorkItemListItem ToResponse(WorkItemCard c, DateTime now) =>
        new(c.Id, c.Title, c.WorkstreamId, c.Workstream, c.OwnerOrganisationId, c.OwnerOrganisation, c.OwnerPersonId, c.OwnerPerson, c.Status, c.StatusSinceUtc,
            (int)(now - c.StatusSinceUtc).TotalDays, c.DueOn, c.Size, c.BlockedReason, c.BlockedOnOrganisationId, c.BlockedOnOrganisation, c.IterationId, c.Iteration);

    private static WorkItemResponse ToResponse(WorkItemDetail d, DateTime now) =>
        new(ToResponse(d.Card, now), d.Description, [.. d.Contributors.Select(c => new NamedResponse(c.Id, c.Name))],
            [.. d.ChangeIdeas.Select(c => new NamedResponse(c.Id, c.Title))], [.. d.Comments.Select(ToResponse)], d.Item.Version);

    private static WorkItemCommentResponse ToResponse(WorkItemComment c) => new(c.Id, c.Text, c.AuthorName, c.AuthorOrganisation, c.CreatedAtUtc);
}

/// <summary>The filters of the work item list, each optional.</summary>
public sealed record WorkItemQuery(Guid? WorkstreamId, Guid? OrganisationId, Guid? GoalId, WorkItemStatus? Status, Guid? PersonId, Guid? IterationId)
{
    public WorkItemFilter ToFilter() => new(WorkstreamId, OrganisationId, GoalId, Status, PersonId, IterationId: IterationId);
}

using Concordat.Core.Resources;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record ResourceResponse(Guid Id, ResourceKind Kind, ResourceType Type, string Name, Guid OrganisationId, string Organisation, double Quantity, string Unit,
    double AvailableCapacity, double Committed, double Idle, bool IsOverCommitted, bool HasOverCommitment, Guid? PlaceId, string? Place, string Contact,
    string? Notes, string? Address, string? Postcode, string? OpeningHours, string? DataOwner, bool? HasDataSharingAgreement, string? FundingSource,
    string? FinancialYear, bool? IsRecurrent, Guid Version);

/// <summary>
/// A commitment of a resource to a contribution. Status is Requested while the resource's owner has not answered
/// (it counts for nothing until Accepted), Accepted, or Declined with the owner's reason. Quantity and the period are
/// what counts once accepted; the requested ones are what was asked.
/// </summary>
public sealed record CommitmentResponse(Guid Id, CommitmentStatus Status, Guid ResourceId, string Resource, string Unit, Guid OwnerOrganisationId, string Owner,
    Guid ContributionId, Guid GoalId, string Goal, Guid OrganisationId, string Organisation, double Quantity, DateOnly StartsOn, DateOnly EndsOn,
    double RequestedQuantity, DateOnly RequestedStartsOn, DateOnly RequestedEndsOn, string? OverCommitmentReason, string? DeclineReason,
    string RequestedBy, DateTime RequestedAtUtc, string? AnsweredBy, DateTime? AnsweredAtUtc);

public sealed record KindTotalResponse(ResourceKind Kind, string Unit, double Quantity, double Available, double Committed, double OverCommitted, double Idle,
    IReadOnlyList<ResourceResponse> Resources);

/// <summary>A goal's need: committed is what accepted commitments of its types and unit give on every day of its period.</summary>
public sealed record NeedResponse(Guid Id, ResourceKind Kind, IReadOnlyList<ResourceType> Types, string Description, double Quantity, string Unit, DateOnly StartsOn,
    DateOnly EndsOn, double Committed, double Gap, IReadOnlyList<string> Providers);

public sealed record ResourceDetailResponse(ResourceResponse Resource, IReadOnlyList<CommitmentResponse> Commitments);

public sealed record RegisterImportResponse(bool Applied, int Resources);

public sealed record GoalResourcesResponse(Guid GoalId, string Title, IReadOnlyList<NeedResponse> Needs, IReadOnlyList<CommitmentResponse> Commitments);

public static class ResourcesApi
{
    public static void MapResourcesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/resources", async (ResourceKind? kind, Guid? organisationId, Guid? placeId, [AsParameters] PageQuery page, HttpContext context, ResourceService resources, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await resources.ListAsync(new ResourceFilter(kind, organisationId, placeId), ct), ToResponse)))
            .WithSummary("The register of the partners' resources, each with its kind, what is committed at its busiest from today and what is idle; filter by kind, organisation or place");

        group.MapGet("/resources/{id:guid}", async (Guid id, HttpContext context, ResourceService resources, CancellationToken ct) =>
            {
                var detail = await resources.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Row.Resource.Version);
                return TypedResults.Ok(new ResourceDetailResponse(ToResponse(detail.Row), [.. detail.Commitments.Select(ToResponse)]));
            })
            .WithName("GetResource")
            .WithSummary("One resource with its commitments");

        group.MapPost("/resources", async (Guid systemId, SaveResource request, HttpContext context, ResourceService resources, CancellationToken ct) =>
            {
                var resource = await resources.CreateAsync(request, context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(resource.Version);
                return TypedResults.CreatedAtRoute(ToResponse((await resources.GetAsync(resource.Id, ct)).Row), "GetResource", new { systemId, id = resource.Id });
            })
            .WithSummary("Register a resource (the organisation's leads and contributors, or a convenor)");

        group.MapPut("/resources/{id:guid}", async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> (Guid id, SaveResource request, HttpContext context,
                ResourceService resources, CancellationToken ct) =>
            {
                var resource = await resources.UpdateAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(resource.Version);
                return TypedResults.Ok(ToResponse((await resources.GetAsync(id, ct)).Row));
            })
            .WithSummary("Change a resource; requires If-Match")
            .RequiresIfMatch();

        group.MapDelete("/resources/{id:guid}", async (Guid id, HttpContext context, ResourceService resources, CancellationToken ct) =>
            {
                await resources.RemoveAsync(id, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a resource that nothing is committed from");

        group.MapPost("/contributions/{id:guid}/commitments", async (Guid systemId, Guid id, CommitResource request, HttpContext context, CommitmentService commitments,
                CancellationToken ct) =>
            {
                var commitment = await commitments.CommitAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(await commitments.GetAsync(commitment.Id, ct)), "GetCommitment", new { systemId, id = commitment.Id });
            })
            .WithSummary("Commit part of your own resource to the contribution's goal for a period, or request another partner's (it counts once its owner accepts); " +
                "beyond the free capacity only with overCommitmentReason, from a lead of the resource's owner");

        group.MapGet("/contributions/{id:guid}/commitments", async (Guid id, [AsParameters] PageQuery page, HttpContext context,
                Concordat.Core.Contributions.ContributionService contributions, CommitmentService commitments, CancellationToken ct) =>
            {
                // Another system's contribution is not there, rather than there with nothing committed.
                await contributions.GetAsync(id, ct);
                return TypedResults.Ok(page.Of(context, await commitments.ForContributionAsync(id, ct), ToResponse));
            })
            .WithSummary("The resources a contribution commits or has requested");

        group.MapGet("/commitments/{id:guid}", async (Guid id, CommitmentService commitments, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await commitments.GetAsync(id, ct))))
            .WithName("GetCommitment")
            .WithSummary("One commitment or request");

        group.MapGet("/commitment-requests", async (Guid? ownerOrganisationId, [AsParameters] PageQuery page, HttpContext context, CommitmentService commitments, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await commitments.RequestsAsync(ownerOrganisationId is { } owner ? [owner] : null, ct), ToResponse)))
            .WithSummary("Requests for partners' resources waiting for their owner's answer, oldest first; filter by the owning organisation");

        group.MapPost("/commitments/{id:guid}/accept", async (Guid id, AcceptCommitment? request, HttpContext context, CommitmentService commitments, CancellationToken ct) =>
            {
                await commitments.AcceptAsync(id, request ?? new AcceptCommitment(), context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await commitments.GetAsync(id, ct)));
            })
            .WithSummary("Accept a request for your organisation's resource (its leads), in full or for less or a shorter period; the capacity rule applies again");

        group.MapPost("/commitments/{id:guid}/decline", async (Guid id, DeclineCommitment request, HttpContext context, CommitmentService commitments, CancellationToken ct) =>
            {
                await commitments.DeclineAsync(id, request, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await commitments.GetAsync(id, ct)));
            })
            .WithSummary("Decline a request for your organisation's resource (its leads), with a reason");

        group.MapDelete("/commitments/{id:guid}", async (Guid id, HttpContext context, CommitmentService commitments, CancellationToken ct) =>
            {
                await commitments.ReleaseAsync(id, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Release a commitment, withdraw a request or clear a declined one (the contributing organisation, or a lead of the resource's owner)");

        group.MapPost("/goals/{id:guid}/needs", async (Guid systemId, Guid id, AddNeed request, HttpContext context, GoalNeedService needs, PooledViews views,
                CancellationToken ct) =>
            {
                var need = await needs.AddNeedAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(await NeedAsync(views, id, need.Id, ct), "GetNeed", new { systemId, id, needId = need.Id });
            })
            .WithSummary("Say what a goal needs of one kind of resource for a period (convenors, or leads of an organisation that leads or owns the goal)");

        group.MapGet("/goals/{id:guid}/needs/{needId:guid}", async (Guid id, Guid needId, PooledViews views, CancellationToken ct) =>
                TypedResults.Ok(await NeedAsync(views, id, needId, ct)))
            .WithName("GetNeed")
            .WithSummary("One of a goal's needs, with what accepted commitments give towards it and the gap")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/goals/{id:guid}/needs/{needId:guid}", async (Guid id, Guid needId, HttpContext context, GoalNeedService needs, CancellationToken ct) =>
            {
                await needs.RemoveNeedAsync(id, needId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a goal's need");

        group.MapPost("/organisations/{organisationId:guid}/resources/import", async (Guid organisationId, bool? dryRun, HttpContext context,
                ResourceRegisterImport import, CancellationToken ct) =>
            {
                if (context.Request.ContentType?.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase) != true)
                {
                    return new Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the register as text/csv.", "unsupported_media_type").ToResult();
                }
                if (await Uploads.ReadAsync(context.Request, ResourceRegisterImport.MaxBytes, ct) is not { } body)
                {
                    return Uploads.TooLarge("10 MB");
                }
                try
                {
                    var result = await import.ImportAsync(organisationId, body, context.Actor(), dryRun ?? false, ct);
                    return result.Succeeded
                        ? TypedResults.Ok(new RegisterImportResponse(!(dryRun ?? false), result.Imported))
                        : Uploads.RowsInvalid(result.Problems.Count, result.Problems);
                }
                catch (Concordat.Core.Measures.Import.ImportFileException e)
                {
                    return new Problem(StatusCodes.Status400BadRequest, "The file cannot be imported", e.Message, "import_file_invalid").ToResult();
                }
            })
            .Accepts<string>("text/csv")
            .Produces<RegisterImportResponse>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import an organisation's resource register from CSV (the register export's columns), all or nothing; dryRun=true checks only");

        group.MapGet("/resources/by-kind", async (ResourceKind? kind, Guid? organisationId, Guid? placeId, [AsParameters] PageQuery page, HttpContext context, PooledViews views, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await views.ByKindAsync(new ResourceFilter(kind, organisationId, placeId), ct),
                    k => new KindTotalResponse(k.Kind, k.Unit, k.Quantity, k.Available, k.Committed, k.OverCommitted, k.Idle, [.. k.Rows.Select(ToResponse)]))))
            .WithSummary("The partnership's total of each kind of resource (per unit): available, committed and idle, with the rows that add up to it");

        group.MapGet("/resources/by-goal", async (Guid? goalId, [AsParameters] PageQuery page, HttpContext context, PooledViews views, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await views.ByGoalAsync(goalId, ct), ToResponse)))
            .WithSummary("What each goal needs against what partners have committed, the gap, and who provides it");

        group.MapGet("/resources/idle", async (ResourceKind? kind, Guid? organisationId, Guid? placeId, [AsParameters] PageQuery page, HttpContext context, PooledViews views, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await views.IdleAsync(new ResourceFilter(kind, organisationId, placeId), ct), ToResponse)))
            .WithSummary("Resources with available capacity that no goal uses, so another partner can ask for them");
    }

    private static GoalResources Single(IReadOnlyList<GoalResources> goals) =>
        goals.Count == 1 ? goals[0] : throw new Concordat.Core.Access.NotFoundException("There is no such goal in this system.");

    private static ResourceResponse ToResponse(ResourceRow row)
    {
        var r = row.Resource;
        return new ResourceResponse(r.Id, r.Kind, r.Type, r.Name, r.OrganisationId, row.Organisation, r.Quantity, r.Unit, r.AvailableCapacity, row.Committed, row.Idle,
            row.IsOverCommitted, row.HasOverCommitment, r.PlaceId, row.Place, r.Contact, r.Notes, r.Address, r.Postcode, r.OpeningHours, r.DataOwner,
            r.HasDataSharingAgreement, r.FundingSource, r.FinancialYear, r.IsRecurrent, r.Version);
    }

    private static CommitmentResponse ToResponse(CommitmentRow row)
    {
        var c = row.Commitment;
        return new CommitmentResponse(c.Id, c.Status, c.ResourceId, row.ResourceName, row.Unit, row.OwnerId, row.Owner, c.ContributionId, row.GoalId, row.GoalTitle,
            row.OrganisationId, row.Organisation, c.Quantity, c.StartsOn, c.EndsOn, c.RequestedQuantity, c.RequestedStartsOn, c.RequestedEndsOn,
            c.OverCommitmentReason, c.DeclineReason, c.CreatedByName, c.CreatedAtUtc, c.AnsweredByName, c.AnsweredAtUtc);
    }

    private static GoalResourcesResponse ToResponse(GoalResources g) => new(g.GoalId, g.Title, [.. g.Needs.Select(ToResponse)], [.. g.Commitments.Select(ToResponse)]);

    private static async Task<NeedResponse> NeedAsync(PooledViews views, Guid goalId, Guid needId, CancellationToken ct) =>
        ToResponse(Single(await views.ByGoalAsync(goalId, ct)).Needs.SingleOrDefault(n => n.Need.Id == needId)
            ?? throw new Concordat.Core.Access.NotFoundException("The goal has no such need."));

    private static NeedResponse ToResponse(NeedCoverage n) => new(n.Need.Id, n.Need.Kind, n.Need.Types, n.Need.Description, n.Need.Quantity, n.Need.Unit,
        n.Need.StartsOn, n.Need.EndsOn, n.Committed, n.Gap, n.Providers);
}

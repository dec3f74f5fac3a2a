using Concordat.Core.Raid;
using Concordat.Core.Tables;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>
/// An entry of the RAID log. Fields of other kinds are null. A risk's scores are likelihood × impact on the NHS 5×5
/// matrix, before (inherent) and after (residual) mitigation, with their bands; isOverdue says a risk's review or an
/// assumption's check date has passed while the entry is open.
/// </summary>
public sealed record RaidEntryListItem(Guid Id, RaidKind Kind, string Text, RaidStatus Status, Guid? OwnerOrganisationId, string? OwnerOrganisation,
    string? Cause, string? Effect, int? Likelihood, int? Impact, int? InherentScore, RiskBand? InherentBand, RiskResponse? Response, string? Mitigation,
    int? ResidualLikelihood, int? ResidualImpact, int? ResidualScore, RiskBand? ResidualBand, DateOnly? ReviewOn, bool IsOverdue, Guid? ForumId, string? Forum,
    string? CheckHow, DateOnly? CheckOn, string? IssueImpact, string? Resolution, string? Authority, DateOnly? DecidedOn);

public sealed record RaidEntryResponse(RaidEntryListItem Entry, IReadOnlyList<NamedResponse> Goals, IReadOnlyList<NamedResponse> Workstreams,
    IReadOnlyList<NamedResponse> WorkItems, Guid Version);

public static class RaidApi
{
    public static void MapRaidApi(this RouteGroupBuilder group)
    {
        group.MapGet("/raid", async (RaidKind? kind, Guid? ownerOrganisationId, RiskBand? band, RaidStatus? status, bool? overdue, Guid? goalId, Guid? workstreamId,
                [AsParameters] PageQuery page, HttpContext context, RaidService raid, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await raid.ListAsync(new RaidFilter(kind, ownerOrganisationId, band, status, overdue ?? false, goalId, workstreamId), ct),
                    ToResponse)))
            .WithSummary("The RAID log, of one kind or all: risks by residual then inherent score (highest first), open entries before closed ones. " +
                "Filters: ownerOrganisationId; band (a risk's current band: after mitigation when scored, before it otherwise); status; overdue=true for " +
                "reviews and checks overdue; goalId and workstreamId for the entries linked to them");

        foreach (var kind in Enum.GetValues<RaidKind>())
        {
            group.MapGet($"/raid/{kind.Slug()}.csv", async (Guid? ownerOrganisationId, RiskBand? band, RaidStatus? status, bool? overdue, Guid? goalId,
                    Guid? workstreamId, RaidService raid, CancellationToken ct) =>
                    TypedResults.File(RaidService.ToTable(kind, await raid.ListAsync(new RaidFilter(kind, ownerOrganisationId, band, status, overdue ?? false, goalId,
                        workstreamId), ct)).ToCsv(), Table.CsvMediaType, $"{kind.Slug()}.csv"))
                .WithSummary($"The log's {kind.Plural().ToLowerInvariant()} as CSV, with the columns of that kind, narrowed by the same filters as the log")
                .Produces<string>(StatusCodes.Status200OK, "text/csv");
        }

        group.MapGet("/raid/{id:guid}", async (Guid id, HttpContext context, RaidService raid, CancellationToken ct) => Respond(context, await raid.GetAsync(id, ct)))
            .WithName("GetRaidEntry")
            .WithSummary("One entry with the goals, workstreams and work items it is linked to; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/raid", async Task<Results<CreatedAtRoute<RaidEntryResponse>, ValidationProblem>> (Guid systemId, SaveRaidEntry request,
                HttpContext context, RaidService raid, CancellationToken ct) =>
            {
                var created = await raid.CreateAsync(request, context.Actor(), ct);
                var detail = await raid.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(created.Version);
                return TypedResults.CreatedAtRoute(ToResponse(detail), "GetRaidEntry", new { systemId, id = created.Id });
            })
            .WithSummary("Add a risk, assumption or issue owned by an organisation you work for (convenors: any partner), or record a decision of a forum your organisation sits on (convenors: any forum)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/raid/{id:guid}", async (Guid id, SaveRaidEntry request, HttpContext context, RaidService raid, CancellationToken ct) =>
            {
                await raid.UpdateAsync(id, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await raid.GetAsync(id, ct));
            })
            .WithSummary("Change an entry (the owner organisation's people, or for a decision the forum's member organisations' people, and convenors; only a convenor hands it to another organisation); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();
    }

    private static Ok<RaidEntryResponse> Respond(HttpContext context, RaidDetail detail)
    {
        context.Response.Headers.ETag = ETags.For(detail.Row.Entry.Version);
        return TypedResults.Ok(ToResponse(detail));
    }

    private static RaidEntryListItem ToResponse(RaidRow r)
    {
        var e = r.Entry;
        return new(e.Id, e.Kind, e.Text, e.Status, e.OwnerOrganisationId, r.OwnerOrganisation, e.Cause, e.Effect, e.Likelihood, e.Impact, e.InherentScore,
            r.InherentBand, e.Response, e.Mitigation, e.ResidualLikelihood, e.ResidualImpact, e.ResidualScore, r.ResidualBand, e.ReviewOn, r.IsOverdue, e.ForumId,
            r.Forum, e.CheckHow, e.CheckOn, e.IssueImpact, e.Resolution, e.Authority, e.DecidedOn);
    }

    private static RaidEntryResponse ToResponse(RaidDetail d) =>
        new(ToResponse(d.Row), [.. d.Goals.Select(g => new NamedResponse(g.Id, g.Title))], [.. d.Workstreams.Select(w => new NamedResponse(w.Id, w.Name))],
            [.. d.WorkItems.Select(w => new NamedResponse(w.Id, w.Title))], d.Row.Entry.Version);
}

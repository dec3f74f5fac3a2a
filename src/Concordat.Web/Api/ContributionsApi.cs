using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record CheckInResponse(Guid Id, Guid ContributionId, CheckInStatus Status, int Confidence, string? Narrative, string PostedBy, DateTime PostedAtUtc,
    string? AcknowledgedBy, DateTime? AcknowledgedAtUtc);

public sealed record ContributionResponse(Guid Id, Guid GoalId, Guid OrganisationId, string Organisation, string Commitment, string? Actions, DateOnly DueOn,
    string AccountablePerson, string Reviewer, int CheckInCadenceDays, ContributionStatus Status, string? Decision, bool IsOverdue,
    IReadOnlyList<CheckInResponse> CheckIns, Guid Version);

public sealed record ContributionListItem(Guid Id, Guid OrganisationId, string Organisation, string Commitment, DateOnly DueOn, ContributionStatus Status,
    CheckInStatus? LastCheckIn, int? LastConfidence, DateTime? LastCheckInAtUtc, bool? LastAcknowledged, bool IsOverdue);

public sealed record DecisionRequest(string? Decision);

public static class ContributionsApi
{
    public static void MapContributionsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/goals/{id:guid}/contributions", async (Guid id, [AsParameters] PageQuery page, HttpContext context, GoalService goals, ContributionService contributions, CancellationToken ct) =>
            {
                await goals.GetAsync(id, ct);
                return TypedResults.Ok(page.Of(context, await contributions.ForGoalAsync(id, ct), c => new ContributionListItem(c.Id, c.OrganisationId, c.Organisation,
                    c.Commitment, c.DueOn, c.Status, c.LastCheckIn?.Status, c.LastCheckIn?.Confidence, c.LastCheckIn?.PostedAtUtc, c.LastCheckIn?.Acknowledged,
                    c.IsOverdue)));
            })
            .WithSummary("The contribution matrix of a goal: each organisation's commitments, status and last check-in");

        group.MapPost("/goals/{id:guid}/contributions", async Task<Results<CreatedAtRoute<ContributionResponse>, ValidationProblem>> (Guid systemId, Guid id,
                SaveContribution request, HttpContext context, ContributionService contributions, CancellationToken ct) =>
            {
                var created = await contributions.CommitAsync(id, request, context.Actor(), ct);
                var detail = await contributions.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Contribution.Version);
                return TypedResults.CreatedAtRoute(ToResponse(detail), "GetContribution", new { systemId, contributionId = created.Id });
            })
            .WithSummary("Commit your organisation's contribution (its leads); it starts as proposed");

        group.MapGet("/contributions/{contributionId:guid}", async (Guid contributionId, HttpContext context, ContributionService contributions, CancellationToken ct) =>
            {
                var detail = await contributions.GetAsync(contributionId, ct);
                context.Response.Headers.ETag = ETags.For(detail.Contribution.Version);
                return TypedResults.Ok(ToResponse(detail));
            })
            .WithName("GetContribution");

        group.MapPut("/contributions/{contributionId:guid}", (Guid contributionId, SaveContribution request, HttpContext context, ContributionService contributions,
                CancellationToken ct) => WithVersion(context, contributions, contributionId, expected => contributions.VaryAsync(contributionId, request, expected, context.Actor(), ct), ct))
            .WithSummary("Change or vary the terms (the organisation's leads); requires If-Match")
            .RequiresIfMatch();

        group.MapPost("/contributions/{contributionId:guid}/acceptance", (Guid contributionId, DecisionRequest request, HttpContext context,
                ContributionService contributions, CancellationToken ct) =>
                WithVersion(context, contributions, contributionId, expected => contributions.AcceptAsync(contributionId, request.Decision, expected, context.Actor(), ct), ct))
            .WithSummary("Accept a proposed contribution (convenors, or leads of an organisation that leads or owns the goal); requires If-Match")
            .RequiresIfMatch();

        group.MapPost("/contributions/{contributionId:guid}/withdrawal", (Guid contributionId, DecisionRequest request, HttpContext context,
                ContributionService contributions, CancellationToken ct) =>
                WithVersion(context, contributions, contributionId, expected => contributions.WithdrawAsync(contributionId, request.Decision, expected, context.Actor(), ct), ct))
            .WithSummary("Withdraw a contribution (the organisation's leads); requires If-Match")
            .RequiresIfMatch();

        group.MapPost("/contributions/{contributionId:guid}/check-ins", async (Guid systemId, Guid contributionId, PostCheckIn request, HttpContext context,
                ContributionService contributions, CancellationToken ct) =>
            {
                var checkIn = await contributions.CheckInAsync(contributionId, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(await CheckInAsync(contributions, checkIn.Id, ct), "GetCheckIn", new { systemId, checkInId = checkIn.Id });
            })
            .WithSummary("Post a check-in (the organisation's leads and contributors); a narrative is required when at risk or off track");

        group.MapGet("/check-ins/{checkInId:guid}", async (Guid checkInId, ContributionService contributions, CancellationToken ct) =>
                TypedResults.Ok(await CheckInAsync(contributions, checkInId, ct)))
            .WithName("GetCheckIn")
            .WithSummary("One check-in; its contribution has all of them")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/check-ins/{checkInId:guid}/acknowledgement", async (Guid checkInId, HttpContext context, ContributionService contributions, CancellationToken ct) =>
            {
                await contributions.AcknowledgeAsync(checkInId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Acknowledge a check-in as its reviewer (convenors, or leads of an organisation that leads or owns the goal)");
    }

    private static async Task<Results<Ok<ContributionResponse>, ProblemHttpResult>> WithVersion(HttpContext context, ContributionService contributions,
        Guid contributionId, Func<Guid?, Task> act, CancellationToken ct)
    {
        await act(ETags.Parse(context.Request.Headers.IfMatch));
        var detail = await contributions.GetAsync(contributionId, ct);
        context.Response.Headers.ETag = ETags.For(detail.Contribution.Version);
        return TypedResults.Ok(ToResponse(detail));
    }

    private static async Task<CheckInResponse> CheckInAsync(ContributionService contributions, Guid checkInId, CancellationToken ct)
    {
        var contributionId = await contributions.ContributionOfCheckInAsync(checkInId, ct) ?? throw new NotFoundException("There is no such check-in in this system.");
        return ToResponse((await contributions.GetAsync(contributionId, ct)).CheckIns.Single(k => k.Id == checkInId));
    }

    private static CheckInResponse ToResponse(CheckIn k) =>
        new(k.Id, k.ContributionId, k.Status, k.Confidence, k.Narrative, k.PostedByName, k.PostedAtUtc, k.AcknowledgedByName, k.AcknowledgedAtUtc);

    private static ContributionResponse ToResponse(ContributionDetail d)
    {
        var c = d.Contribution;
        return new ContributionResponse(c.Id, c.GoalId, c.OrganisationId, d.Organisation, c.Commitment, c.Actions, c.DueOn, c.AccountablePerson, c.Reviewer,
            c.CheckInCadenceDays, c.Status, c.Decision, d.IsOverdue,
            d.CheckIns.Select(ToResponse).ToList(),
            c.Version);
    }
}

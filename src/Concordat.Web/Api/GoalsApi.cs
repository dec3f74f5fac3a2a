using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>A goal in the list, in the order the convenors set (by ambition, goals under no ambition last); ownedBy names the owning forum and joint owners with the lead, in words.</summary>
public sealed record GoalListItem(Guid Id, string Title, GoalStatus Status, string? LeadOrganisation, DateOnly Horizon, string Scope, string Agreement, string OwnedBy,
    Guid? AmbitionId, string? Ambition);

/// <summary>
/// A goal. owningForum and jointOwners are who owns it besides the lead organisation (joint owners may be from outside
/// the system); seniorResponsibleOwner is null when none is named, which the health check reports.
/// </summary>
public sealed record GoalResponse(Guid Id, string Title, string OutcomeStatement, string Population, bool WholeSystem, IReadOnlyList<PlaceReference> Places,
    string? InequalityLens, DateOnly Horizon, Guid? LeadOrganisationId, string? LeadOrganisation, string? SeniorResponsibleOwner, GoalStatus Status, Guid Version,
    OrganisationReference? OwningForum, IReadOnlyList<OrganisationReference> JointOwners, Guid? AmbitionId, string? Ambition);

/// <summary>A draft goal; owningForumId and jointOwnerIds are optional, and so is seniorResponsibleOwner.</summary>
public sealed record GoalRequest(string? Title, string? OutcomeStatement, string? Population, bool? WholeSystem, IReadOnlyList<Guid>? PlaceIds,
    string? InequalityLens, DateOnly? Horizon, Guid? LeadOrganisationId, string? SeniorResponsibleOwner, Guid? OwningForumId = null, IReadOnlyList<Guid>? JointOwnerIds = null,
    Guid? AmbitionId = null)
{
    public SaveGoal ToInput() => new(Title, OutcomeStatement, Population, WholeSystem ?? false, PlaceIds ?? [], InequalityLens, Horizon, LeadOrganisationId, SeniorResponsibleOwner,
        OwningForumId, JointOwnerIds ?? [], AmbitionId);
}

public sealed record RevisionResponse(int Number, string Title, string OutcomeStatement, string Population, string? InequalityLens, DateOnly Horizon, string? Note, DateTime CreatedAtUtc);

/// <summary>
/// An organisation's response. <c>takenOn</c> is the day it took the position when earlier than recorded; <c>confirmedBy</c>
/// and <c>confirmation</c> are set when a convenor recorded it on that lead's written confirmation; <c>attribution</c> says it in words.
/// </summary>
public sealed record PositionResponse(Guid OrganisationId, string Organisation, PositionKind? Position, int? OnRevision, bool Current, string? Reason,
    string? WouldResolve, string? Decision, string? RecordedBy, DateTime? RecordedAtUtc, Guid? Version, DateOnly? TakenOn, Guid? ConfirmedByPersonId,
    string? ConfirmedBy, string? Confirmation, string? Attribution);

public sealed record RoundResponse(Guid Id, Guid GoalId, ProposalKind Kind, RoundState State, DateOnly ClosesOn, DateTime OpenedAtUtc, string OpenedBy,
    DateTime? ClosedAtUtc, int CurrentRevision, IReadOnlyList<RevisionResponse> Revisions, IReadOnlyList<PositionResponse> Positions,
    IReadOnlyList<string> Outstanding, Guid Version, Guid? DecidedByForumId, string? DecidedBy, DateOnly? DecidedOn, DateTime? DecisionRecordedAtUtc,
    string? Decision);

/// <summary>The governance forum that took a closed round's outcome and the day; both empty clears what was recorded.</summary>
public sealed record RoundDecisionRequest(Guid? ForumId, DateOnly? On);

public sealed record OpenRoundRequest(ProposalKind? Kind, DateOnly? ClosesOn, IReadOnlyList<Guid>? RequiredOrganisationIds, string? Note,
    string? Title, string? OutcomeStatement, string? Population, string? InequalityLens, DateOnly? Horizon)
{
    public OpenRound ToInput() => new(Kind, ClosesOn, RequiredOrganisationIds ?? [], Note, Title, OutcomeStatement, Population, InequalityLens, Horizon);
}

/// <summary>
/// A position; <c>revision</c> is the revision read (recommended: a position on an amended proposal is then refused, not miscounted).
/// <c>takenOn</c> is the past day the organisation took it, if not today. A convenor records a position only on a lead's written
/// confirmation: <c>confirmedByPersonId</c> names a lead of the organisation and <c>confirmation</c> the confirmation ("email of 3 March 2023").
/// </summary>
public sealed record PositionRequest(Guid? OrganisationId, PositionKind? Position, string? Reason, string? WouldResolve, string? Decision, int? Revision,
    DateOnly? TakenOn = null, Guid? ConfirmedByPersonId = null, string? Confirmation = null)
{
    public RecordPosition ToInput() => new(OrganisationId, Position, Reason, WouldResolve, Decision, Revision)
    {
        TakenOn = TakenOn, ConfirmedByPersonId = ConfirmedByPersonId, Confirmation = Confirmation,
    };
}

public sealed record WithdrawRequest(string? Reason);

public sealed record PerspectiveResponse(Guid OrganisationId, string Organisation, string? WhatItMeans, string? WhatWeNeed, string? WhatWorriesUs,
    string UpdatedBy, DateTime UpdatedAtUtc, Guid Version);

public static class GoalsApi
{
    public static void MapGoalsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/goals", async (GoalStatus? status, Guid? placeId, Guid? organisationId, [AsParameters] PageQuery page, HttpContext context, GoalService goals, AgreementService agreement, CancellationToken ct) =>
            {
                page.Validate();
                await agreement.SettleAllOverdueAsync(ct);
                return TypedResults.Ok(page.Of(context, await goals.ListAsync(new GoalFilter(status, placeId, organisationId), ct),
                    g => new GoalListItem(g.Id, g.Title, g.Status, g.LeadOrganisation, g.Horizon, g.Scope, g.Agreement, g.Owners.OwnedByInWords(), g.AmbitionId, g.Ambition)));
            })
            .WithSummary("The system's shared goals, each with its status; filter by status, place, or an organisation that leads or owns them (organisationId)");

        group.MapGet("/goals/{id:guid}", async (Guid id, HttpContext context, GoalService goals, CancellationToken ct) =>
            {
                var goal = await goals.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(goal.Version);
                return TypedResults.Ok(ToResponse(goal));
            })
            .WithName("GetGoal")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/goals", async Task<Results<CreatedAtRoute<GoalResponse>, ValidationProblem>> (Guid systemId, GoalRequest request, HttpContext context,
                GoalService goals, CancellationToken ct) =>
            {
                var created = await goals.CreateAsync(request.ToInput(), context.Actor(), ct);
                var goal = await goals.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(goal.Version);
                return TypedResults.CreatedAtRoute(ToResponse(goal), "GetGoal", new { systemId, id = goal.Id });
            })
            .WithSummary("Draft a goal (convenors and organisation leads)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/goals/{id:guid}", async Task<Results<Ok<GoalResponse>, ProblemHttpResult>> (Guid id, GoalRequest request, HttpContext context,
                GoalService goals, CancellationToken ct) =>
            {
                await goals.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                var goal = await goals.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(goal.Version);
                return TypedResults.Ok(ToResponse(goal));
            })
            .WithSummary("Change a draft goal (convenors, and leads of its lead organisation or of a joint owner; only convenors and the lead organisation's leads change who owns it); requires If-Match")
            .RequiresIfMatch();

        group.MapGet("/goals/{id:guid}/rounds", async (Guid id, [AsParameters] PageQuery page, HttpContext context, GoalService goals, AgreementService agreement, CancellationToken ct) =>
            {
                var rounds = await agreement.ForGoalAsync(id, ct);
                await goals.GetAsync(id, ct);
                return TypedResults.Ok(page.Of(context, rounds, ToResponse));
            })
            .WithSummary("The goal's agreement rounds, newest first");

        group.MapPost("/goals/{id:guid}/rounds", async Task<Results<CreatedAtRoute<RoundResponse>, ValidationProblem>> (Guid systemId, Guid id,
                OpenRoundRequest request, HttpContext context, AgreementService agreement, CancellationToken ct) =>
            {
                var round = await agreement.OpenAsync(id, request.ToInput(), context.Actor(), ct);
                var view = await agreement.GetAsync(round.Id, ct);
                context.Response.Headers.ETag = ETags.For(view.Round.Version);
                return TypedResults.CreatedAtRoute(ToResponse(view), "GetRound", new { systemId, roundId = round.Id });
            })
            .WithSummary("Open an agreement round on adopting, changing or retiring a goal (convenors)");

        group.MapGet("/rounds/{roundId:guid}", async (Guid roundId, HttpContext context, AgreementService agreement, CancellationToken ct) =>
            {
                var view = await agreement.GetAsync(roundId, ct);
                context.Response.Headers.ETag = ETags.For(view.Round.Version);
                return TypedResults.Ok(ToResponse(view));
            })
            .WithName("GetRound")
            .WithSummary("One agreement round: revisions, each organisation's position, who is outstanding");

        group.MapPost("/rounds/{roundId:guid}/positions", async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> (Guid roundId, PositionRequest request,
                HttpContext context, AgreementService agreement, CancellationToken ct) =>
            {
                // Changing a recorded position needs the version read (the service asks for it once the caller may change
                // it), so two leads of one organisation never overwrite each other unseen.
                var expected = ETags.Parse(context.Request.Headers.IfMatch);
                await agreement.RecordPositionAsync(roundId, request.ToInput(), expected, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await agreement.GetAsync(roundId, ct)));
            })
            .WithSummary("Record, change or confirm your organisation's position (its leads, or a convenor on a named lead's written confirmation), "
                + "optionally as taken on a past day; If-Match with the position's version to change one")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapPost("/rounds/{roundId:guid}/amendments", async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> (Guid roundId, AmendProposal request,
                HttpContext context, AgreementService agreement, CancellationToken ct) =>
            {
                await agreement.AmendAsync(roundId, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                var view = await agreement.GetAsync(roundId, ct);
                context.Response.Headers.ETag = ETags.For(view.Round.Version);
                return TypedResults.Ok(ToResponse(view));
            })
            .WithSummary("Amend the proposal with a new revision (convenors); requires If-Match with the round's ETag")
            .RequiresIfMatch();

        group.MapPut("/rounds/{roundId:guid}/decision", async (Guid roundId, RoundDecisionRequest request, HttpContext context, AgreementService agreement,
                CancellationToken ct) =>
            {
                await agreement.RecordDecisionAsync(roundId, new TakenAt(request.ForumId, request.On), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                var view = await agreement.GetAsync(roundId, ct);
                context.Response.Headers.ETag = ETags.For(view.Round.Version);
                return TypedResults.Ok(ToResponse(view));
            })
            .WithSummary("Record the governance forum that took a closed round's outcome, and the day (convenors); requires If-Match with the round's ETag")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/rounds/{roundId:guid}/withdrawal", async (Guid roundId, WithdrawRequest request, HttpContext context, AgreementService agreement, CancellationToken ct) =>
            {
                await agreement.WithdrawAsync(roundId, request.Reason, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await agreement.GetAsync(roundId, ct)));
            })
            .WithSummary("Withdraw the proposal (convenors)");

        MapPerspectives(group);
    }

    private static void MapPerspectives(RouteGroupBuilder group)
    {
        group.MapGet("/goals/{id:guid}/perspectives", async (Guid id, [AsParameters] PageQuery page, HttpContext context, GoalService goals, PerspectiveService perspectives, CancellationToken ct) =>
            {
                await goals.GetAsync(id, ct);
                return TypedResults.Ok(page.Of(context, await perspectives.ForGoalAsync(id, ct), p => new PerspectiveResponse(p.OrganisationId, p.Organisation,
                    p.WhatItMeans, p.WhatWeNeed, p.WhatWorriesUs, p.UpdatedBy, p.UpdatedAtUtc, p.Version)));
            })
            .WithSummary("Every organisation's perspective on the goal");

        group.MapPut("/goals/{id:guid}/perspectives/{organisationId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid organisationId,
                SavePerspective request, HttpContext context, PerspectiveService perspectives, CancellationToken ct) =>
            {
                var saved = await perspectives.SaveAsync(id, organisationId, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(saved.Version);
                return TypedResults.NoContent();
            })
            .WithSummary("Record or change your organisation's perspective (its leads and contributors); If-Match with its version to change one")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();
    }

    private static GoalResponse ToResponse(GoalDetail g) =>
        new(g.Id, g.Title, g.OutcomeStatement, g.Population, g.WholeSystem, g.Places.Select(p => new PlaceReference(p.Id, p.Name)).ToList(), g.InequalityLens,
            g.Horizon, g.LeadOrganisationId, g.LeadOrganisation, g.SeniorResponsibleOwner, g.Status, g.Version,
            g.Owners.Forum is { } forum ? new OrganisationReference(forum.Id, forum.Name) : null,
            [.. g.Owners.JointOwners.Select(o => new OrganisationReference(o.Id, o.Name))], g.AmbitionId, g.Ambition);

    private static RoundResponse ToResponse(RoundView view)
    {
        var r = view.Round;
        return new RoundResponse(r.Id, r.GoalId, r.Kind, r.State, r.ClosesOn, r.OpenedAtUtc, r.OpenedByName, r.ClosedAtUtc, r.CurrentRevision,
            r.Revisions.OrderBy(v => v.Number).Select(v => new RevisionResponse(v.Number, v.Title, v.OutcomeStatement, v.Population, v.InequalityLens, v.Horizon, v.Note, v.CreatedAtUtc)).ToList(),
            view.Responses.Select(p => new PositionResponse(p.OrganisationId, p.Organisation, p.Position?.Kind, p.Position?.Revision, p.OnCurrentRevision,
                p.Position?.Reason, p.Position?.WouldResolve, p.Position?.Decision, p.Position?.RecordedByName, p.Position?.RecordedAtUtc, p.Position?.Version,
                p.Position?.TakenOn, p.Position?.ConfirmedByPersonId, p.Position?.ConfirmedByName, p.Position?.Confirmation, p.Position?.Attribution())).ToList(),
            view.Outstanding.Select(o => o.Organisation).ToList(), r.Version, r.DecidedByForumId, view.DecidedBy, r.DecidedOn, r.DecisionRecordedAtUtc,
            view.Decision);
    }
}

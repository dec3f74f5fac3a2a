using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record AskSummaryResponse(Guid Id, string Title, AskCategory Category, AskStatus Status, string NationalBody, string Owner, int Goals);

public sealed record GoalReference(Guid Id, string Title);

public sealed record RiskReference(Guid Id, string Text);

/// <summary>
/// An ask of a national body: <c>barrier</c> is what stops the partners today, <c>request</c> the specific change asked,
/// <c>offer</c> what the system commits to in return; <c>goals</c> it unlocks and RAID <c>risks</c> it mitigates.
/// </summary>
public sealed record AskResponse(Guid Id, string Title, AskCategory Category, AskStatus Status, Guid NationalBodyId, string NationalBody, string Barrier,
    string Request, string? Evidence, string? Offer, Guid OwnerOrganisationId, string Owner, IReadOnlyList<GoalReference> Goals, IReadOnlyList<RiskReference> Risks,
    DateTime CreatedAtUtc, string CreatedBy, Guid Version, DateTime? SubmittedAtUtc, string? Granted, string? Conditions, ConditionStatus ConditionStatus,
    string? ConditionNote, DateOnly? ImplementedOn, string? ImpactReview);

public sealed record AskRequest(string? Title, AskCategory? Category, Guid? NationalBodyId, string? Barrier, string? Request, string? Evidence, string? Offer,
    Guid? OwnerOrganisationId, IReadOnlyList<Guid>? GoalIds, IReadOnlyList<Guid>? RiskIds)
{
    public SaveAsk ToInput() => new(Title, Category, NationalBodyId, Barrier, Request, Evidence, Offer, OwnerOrganisationId, GoalIds, RiskIds);
}

public sealed record AskRoundRequest(DateOnly? ClosesOn, IReadOnlyList<Guid>? RequiredOrganisationIds);

public sealed record AskPositionRequest(Guid? OrganisationId, PositionKind? Position, string? Reason, string? WouldResolve, string? Decision);

public sealed record AskPositionResponse(Guid OrganisationId, string Organisation, PositionKind? Position, string? Reason, string? WouldResolve, string? Decision,
    string? RecordedBy, DateTime? RecordedAtUtc, Guid? Version);

/// <summary>The partners' agreement to an ask: each organisation asked, and its position once recorded.</summary>
public sealed record AskRoundResponse(Guid Id, RoundState State, DateOnly ClosesOn, DateTime OpenedAtUtc, string OpenedBy, DateTime? ClosedAtUtc,
    IReadOnlyList<AskPositionResponse> Positions, IReadOnlyList<string> Outstanding, Guid Version);

public sealed record ReasonRequest(string? Reason);

/// <summary>The system's reply: <c>Feedback</c> with <c>text</c>, or a <c>RevisedProposal</c> with the new words (and, in <c>text</c>, what changed and why).</summary>
public sealed record SystemReplyRequest(AskIterationKind? Kind, string? Text, string? Title, string? Barrier, string? Request, string? Offer);

public sealed record WordChangeResponse(string Field, string? Before, string? After, IReadOnlyList<WordsResponse> Words);

/// <summary>One numbered iteration: who said what for which side; a proposal carries its words and, word by word, what changed since the last.</summary>
public sealed record AskIterationResponse(int Number, AskIterationKind Kind, AskSide Side, string By, string For, DateTime AtUtc, string? Text, string? Conditions,
    string? Title, string? Barrier, string? Request, string? Offer, IReadOnlyList<WordChangeResponse> Changes);

/// <summary>
/// Whose move it is (<c>waitingOn</c>, null once decided), since which day and for how many working days; the working
/// days each side has held the ask; the median working days per iteration; and whether the body is overdue.
/// </summary>
public sealed record AskClockResponse(AskSide? WaitingOn, DateOnly? Since, int DaysWaiting, int SystemDays, int NationalDays, double? MedianDaysPerIteration,
    Lateness Lateness, int DueWorkingDays);

public sealed record AskExchangeResponse(AskClockResponse Clock, IReadOnlyList<AskIterationResponse> Iterations);

public sealed record ImplementedRequest(DateOnly? ImplementedOn);

public sealed record ImpactRequest(string? ImpactReview);

public sealed record ConditionsRequest(ConditionStatus? Status, string? Note);

public static class AsksApi
{
    public static void MapAsksApi(this RouteGroupBuilder group)
    {
        group.MapGet("/asks", async ([AsParameters] PageQuery page, HttpContext context, AskService asks, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await asks.ListAsync(ct), a => new AskSummaryResponse(a.Id, a.Title, a.Category, a.Status, a.NationalBody, a.Owner, a.Goals))))
            .WithSummary("The system's asks of national bodies, by title");

        group.MapGet("/asks/{id:guid}", async (Guid id, HttpContext context, AskService asks, CancellationToken ct) => Respond(context, await asks.GetAsync(id, ct)))
            .WithName("GetAsk")
            .WithSummary("One ask; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/asks", async Task<Results<CreatedAtRoute<AskResponse>, ValidationProblem>> (Guid systemId, AskRequest request, HttpContext context,
                AskService asks, CancellationToken ct) =>
            {
                var created = await asks.CreateAsync(request.ToInput(), context.Actor(), ct);
                var ask = await asks.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(ask.Ask.Version);
                return TypedResults.CreatedAtRoute(ToResponse(ask), "GetAsk", new { systemId, id = created.Id });
            })
            .WithSummary("Draft an ask of a national body (convenors, or leads for their own organisation)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/asks/{id:guid}", async (Guid id, AskRequest request, HttpContext context, AskService asks, CancellationToken ct) =>
            {
                await asks.UpdateAsync(id, request.ToInput(), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Change a draft ask (convenors, or leads of its owner); requires If-Match with the ETag you read")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        MapAgreement(group);
        MapExchange(group);
    }

    private static void MapAgreement(RouteGroupBuilder group)
    {
        group.MapGet("/asks/{id:guid}/rounds", async (Guid id, [AsParameters] PageQuery page, HttpContext context, AskService asks, AskRoundService rounds,
                CancellationToken ct) =>
            {
                await asks.GetAsync(id, ct);
                return TypedResults.Ok(page.Of(context, await rounds.ForAskAsync(id, ct), ToResponse));
            })
            .WithSummary("The rounds in which the partners were asked to agree the ask, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/asks/{id:guid}/rounds", async (Guid id, AskRoundRequest request, HttpContext context, AskRoundService rounds, CancellationToken ct) =>
            {
                var round = await rounds.OpenAsync(id, new OpenAskRound(request.ClosesOn, request.RequiredOrganisationIds), context.Actor(), ct);
                return TypedResults.Ok(ToResponse((await rounds.ForAskAsync(id, ct)).Single(r => r.Round.Id == round.Id)));
            })
            .WithSummary("Ask the partners to agree a draft ask by a closing date (convenors, or leads of its owner); every partner is asked unless some are named")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/asks/{id:guid}/rounds/{roundId:guid}/positions", async (Guid id, Guid roundId, AskPositionRequest request, HttpContext context,
                AskRoundService rounds, CancellationToken ct) =>
            {
                await rounds.RecordPositionAsync(id, roundId, new RecordAskPosition(request.OrganisationId, request.Position, request.Reason, request.WouldResolve,
                    request.Decision), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return TypedResults.Ok(ToResponse((await rounds.ForAskAsync(id, ct)).Single(r => r.Round.Id == roundId)));
            })
            .WithSummary("Record or change your organisation's position on the ask (its leads); If-Match with the position's version to change one. "
                + "The ask is agreed locally when the last organisation answers and no objection stands")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapPost("/asks/{id:guid}/rounds/{roundId:guid}/withdrawal", async (Guid id, Guid roundId, ReasonRequest request, HttpContext context,
                AskRoundService rounds, CancellationToken ct) =>
            {
                await rounds.WithdrawAsync(id, roundId, request.Reason, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Take the ask back from the partners, to change its words (convenors, or leads of its owner)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void MapExchange(RouteGroupBuilder group)
    {
        group.MapGet("/asks/{id:guid}/iterations", async (Guid id, AskService asks, AskExchangeService exchange, CancellationToken ct) =>
            {
                await asks.GetAsync(id, ct);
                return TypedResults.Ok(ToResponse(await exchange.ReadAsync(id, ct)));
            })
            .WithSummary("The exchange with the body addressed: every iteration in order, and the clock (whose move, days held, overdue)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/asks/{id:guid}/submission", async (Guid id, HttpContext context, AskService asks, AskExchangeService exchange, CancellationToken ct) =>
            {
                await exchange.SubmitAsync(id, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Submit the ask the partners agreed to the body addressed: the first iteration (convenors, or leads of its owner); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapPost("/asks/{id:guid}/iterations", async (Guid id, SystemReplyRequest request, HttpContext context, AskService asks, AskExchangeService exchange,
                CancellationToken ct) =>
            {
                await exchange.ReplyAsync(id, new SystemReply(request.Kind, request.Text, request.Title, request.Barrier, request.Request, request.Offer),
                    ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("The system's next iteration: feedback when it is its move, or a revised proposal (convenors, or leads of its owner); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapPut("/asks/{id:guid}/implementation", async (Guid id, ImplementedRequest request, HttpContext context, AskService asks, AskExchangeService exchange,
                CancellationToken ct) =>
            {
                await exchange.MarkImplementedAsync(id, request.ImplementedOn, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Record the day an agreed change took effect; requires If-Match")
            .ProducesValidationProblem()
            .RequiresIfMatch();

        group.MapPut("/asks/{id:guid}/impact", async (Guid id, ImpactRequest request, HttpContext context, AskService asks, AskExchangeService exchange,
                CancellationToken ct) =>
            {
                await exchange.ReviewImpactAsync(id, request.ImpactReview, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Record what difference an implemented change made; requires If-Match")
            .ProducesValidationProblem()
            .RequiresIfMatch();

        group.MapPut("/asks/{id:guid}/conditions", async (Guid id, ConditionsRequest request, HttpContext context, AskService asks, AskExchangeService exchange,
                CancellationToken ct) =>
            {
                await exchange.AssessConditionsAsync(id, new ConditionAssessment(request.Status, request.Note), ETags.Parse(context.Request.Headers.IfMatch),
                    context.Actor(), ct);
                return Respond(context, await asks.GetAsync(id, ct));
            })
            .WithSummary("Say whether the system is meeting the conditions attached to an agreement (the deal ledger); requires If-Match")
            .ProducesValidationProblem()
            .RequiresIfMatch();
    }

    private static AskRoundResponse ToResponse(AskRoundView v) => new(v.Round.Id, v.Round.State, v.Round.ClosesOn, v.Round.OpenedAtUtc, v.Round.OpenedByName,
        v.Round.ClosedAtUtc, [.. v.Responses.Select(r => new AskPositionResponse(r.OrganisationId, r.Organisation, r.Position?.Kind, r.Position?.Reason,
            r.Position?.WouldResolve, r.Position?.Decision, r.Position?.RecordedByName, r.Position?.RecordedAtUtc, r.Position?.Version))],
        [.. v.Outstanding.Select(r => r.Organisation)], v.Round.Version);

    public static AskExchangeResponse ToResponse(AskExchange e) => new(
        new AskClockResponse(e.Clock.WaitingOn, e.Clock.Since, e.Clock.DaysWaiting, e.Clock.SystemDays, e.Clock.NationalDays, e.Clock.MedianDaysPerIteration,
            e.Clock.Lateness, e.Clock.DueWorkingDays),
        [.. e.Iterations.Select(v => new AskIterationResponse(v.Iteration.Number, v.Iteration.Kind, v.Iteration.Kind.Side(), v.Iteration.ByName, v.Iteration.ForName,
            v.Iteration.AtUtc, v.Iteration.Text, v.Iteration.Conditions, v.Iteration.Title, v.Iteration.Barrier, v.Iteration.Request, v.Iteration.Offer,
            [.. v.Changes.Select(c => new WordChangeResponse(c.Field, c.Before, c.After, [.. (c.Words ?? []).Select(w => new WordsResponse(w.Change, w.Text))]))]))]);

    private static Ok<AskResponse> Respond(HttpContext context, AskDetail ask)
    {
        context.Response.Headers.ETag = ETags.For(ask.Ask.Version);
        return TypedResults.Ok(ToResponse(ask));
    }

    private static AskResponse ToResponse(AskDetail d) => new(d.Ask.Id, d.Ask.Title, d.Ask.Category, d.Ask.Status, d.Ask.NationalBodyId, d.NationalBody,
        d.Ask.Barrier, d.Ask.Request, d.Ask.Evidence, d.Ask.Offer, d.Ask.OwnerOrganisationId, d.Owner, [.. d.Goals.Select(g => new GoalReference(g.Id, g.Title))],
        [.. d.Risks.Select(r => new RiskReference(r.Id, r.Text))], d.Ask.CreatedAtUtc, d.Ask.CreatedByName, d.Ask.Version, d.Ask.SubmittedAtUtc,
        d.Ask.Granted, d.Ask.Conditions, d.Ask.ConditionStatus, d.Ask.ConditionNote, d.Ask.ImplementedOn, d.Ask.ImpactReview);
}

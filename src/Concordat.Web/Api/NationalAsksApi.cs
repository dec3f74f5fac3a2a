using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Core.Tables;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public sealed record InboxItemResponse(Guid Id, Guid SystemId, string System, string Title, AskCategory Category, AskStatus Status, DateTime SubmittedAtUtc,
    AskClockResponse Clock);

/// <summary>An ask addressed to your body, as its system submitted it, with the exchange so far; its ETag is what a response sends in If-Match.</summary>
public sealed record InboxAskResponse(Guid Id, Guid SystemId, string System, string Title, AskCategory Category, AskStatus Status, string Barrier, string Request,
    string? Evidence, string? Offer, string Owner, IReadOnlyList<string> Goals, string? Granted, string? Conditions, ConditionStatus ConditionStatus,
    AskExchangeResponse Exchange, Guid Version);

/// <summary>
/// Your body's response: <c>AcceptedForDiscussion</c>, <c>Question</c> (with <c>text</c>), <c>Agreed</c> (optionally with
/// <c>text</c>, what is granted, and <c>conditions</c>), <c>PartlyAgreed</c> (what is agreed, and the conditions), <c>Declined</c> (with reasons).
/// </summary>
public sealed record NationalResponseRequest(AskIterationKind? Kind, string? Text, string? Conditions);

public static class NationalAsksApi
{
    public static void MapNationalAsksApi(this RouteGroupBuilder group)
    {
        group.MapGet("/national/asks", async (AskCategory? category, Guid? systemId, AskStatus? status, [AsParameters] PageQuery page, HttpContext context,
                NationalBodyService bodies, NationalInbox inbox, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await inbox.ListAsync(await PartnerAsync(context, bodies, ct), new InboxFilter(category, systemId, status), ct), ToResponse)))
            .WithSummary("Asks addressed to your body that systems have submitted, those waiting on your body first, oldest wait first "
                + "(national partners). Filters: category, systemId, status")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/national/asks.csv", async (AskCategory? category, Guid? systemId, AskStatus? status, HttpContext context, NationalBodyService bodies,
                NationalInbox inbox, CancellationToken ct) =>
                TypedResults.File(ToTable(await inbox.ListAsync(await PartnerAsync(context, bodies, ct), new InboxFilter(category, systemId, status), ct)).ToCsv(),
                    Table.CsvMediaType, "national-asks.csv"))
            .WithSummary("The same inbox as CSV, with the same filters (national partners)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/national/asks/{id:guid}", async (Guid id, HttpContext context, NationalBodyService bodies, NationalInbox inbox, CancellationToken ct) =>
                Respond(context, await inbox.GetAsync(await PartnerAsync(context, bodies, ct), id, ct)))
            .WithSummary("One ask addressed to your body, with every iteration and the clock (national partners)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/national/asks/{id:guid}/responses", async (Guid id, NationalResponseRequest request, HttpContext context, NationalBodyService bodies,
                NationalInbox inbox, CancellationToken ct) =>
            {
                var partner = await PartnerAsync(context, bodies, ct);
                await inbox.RespondAsync(partner, id, new NationalResponse(request.Kind, request.Text, request.Conditions), ETags.Parse(context.Request.Headers.IfMatch), ct);
                return Respond(context, await inbox.GetAsync(partner, id, ct));
            })
            .WithSummary("Your body's response when it is its move; it becomes the next iteration (national partners); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();
    }

    private static async Task<NationalPartnerView> PartnerAsync(HttpContext context, NationalBodyService bodies, CancellationToken ct) =>
        await bodies.PartnerOfAsync(context.User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");

    public static InboxItemResponse ToResponse(InboxItem i) => new(i.Id, i.SystemId, i.System, i.Title, i.Category, i.Status, i.SubmittedAtUtc,
        new AskClockResponse(i.Clock.WaitingOn, i.Clock.Since, i.Clock.DaysWaiting, i.Clock.SystemDays, i.Clock.NationalDays, i.Clock.MedianDaysPerIteration,
            i.Clock.Lateness, i.Clock.DueWorkingDays));

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<InboxAskResponse> Respond(HttpContext context, InboxAsk a)
    {
        context.Response.Headers.ETag = ETags.For(a.Ask.Version);
        return TypedResults.Ok(new InboxAskResponse(a.Ask.Id, a.Ask.SystemId, a.System, a.Ask.Title, a.Ask.Category, a.Ask.Status, a.Ask.Barrier, a.Ask.Request,
            a.Ask.Evidence, a.Ask.Offer, a.Owner, a.Goals, a.Ask.Granted, a.Ask.Conditions, a.Ask.ConditionStatus, AsksApi.ToResponse(a.Exchange), a.Ask.Version));
    }

    public static Table ToTable(IReadOnlyList<InboxItem> items) => new(
        ["id", "system", "title", "category", "status", "submitted_at", "waiting_on", "waiting_since", "working_days_waiting", "system_days", "national_days",
            "median_days_per_iteration", "lateness"],
        [.. items.Select(i => (IReadOnlyList<object?>)[i.Id.ToString(), i.System, i.Title, i.Category.InWords(), i.Status.InWords(), i.SubmittedAtUtc,
            i.Clock.WaitingOn?.InWords(), i.Clock.Since, i.Clock.DaysWaiting, i.Clock.SystemDays, i.Clock.NationalDays, i.Clock.MedianDaysPerIteration,
            i.Clock.Lateness.InWords()])]);
}

using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public sealed record ThemeRequest(string? Title, string? Description, int? ResponseDueAtSystems);

public sealed record ThemeSummaryResponse(Guid Id, string Title, int Asks, int Systems, int ResponseDueAtSystems, bool ResponseDue, Guid Version);

public sealed record ThemeOutcomeResponse(AskStatus Status, int Asks);

/// <summary>A theme, every system's ask behind it, and how their outcomes stand; <c>responseDue</c> once enough systems are behind it and one waits on your body.</summary>
public sealed record ThemeResponse(Guid Id, string Title, string? Description, int ResponseDueAtSystems, bool ResponseDue, int Systems,
    IReadOnlyList<InboxItemResponse> Asks, IReadOnlyList<ThemeOutcomeResponse> Outcomes, Guid Version);

public sealed record ThemeLinkRequest(Guid? AskId);

public sealed record ThemeResponseResultResponse(IReadOnlyList<string> Answered, IReadOnlyList<string> NotAnswered);

public static class NationalThemesApi
{
    public static void MapNationalThemesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/national/themes", async ([AsParameters] PageQuery page, HttpContext context, NationalBodyService bodies, ThemeService themes, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await themes.ListAsync(await PartnerAsync(context, bodies, ct), ct),
                    t => new ThemeSummaryResponse(t.Id, t.Title, t.Asks, t.Systems, t.ResponseDueAtSystems, t.ResponseDue, t.Version))))
            .WithSummary("Your body's themes, by title, with how many systems are behind each and whether a national response is due (national partners)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/national/themes/{id:guid}", async (Guid id, HttpContext context, NationalBodyService bodies, ThemeService themes, CancellationToken ct) =>
                Respond(context, await themes.GetAsync(await PartnerAsync(context, bodies, ct), id, ct)))
            .WithName("GetTheme")
            .WithSummary("One theme with every system's ask behind it and the outcome mix (national partners)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/national/themes", async (ThemeRequest request, HttpContext context, NationalBodyService bodies, ThemeService themes, CancellationToken ct) =>
            {
                var partner = await PartnerAsync(context, bodies, ct);
                var theme = await themes.CreateAsync(partner, new SaveTheme(request.Title, request.Description, request.ResponseDueAtSystems), ct);
                var detail = await themes.GetAsync(partner, theme.Id, ct);
                context.Response.Headers.ETag = ETags.For(detail.Theme.Version);
                return TypedResults.CreatedAtRoute(ToResponse(detail), "GetTheme", new { id = theme.Id });
            })
            .WithSummary("Start a theme of your body (national partners)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/national/themes/{id:guid}", async (Guid id, ThemeRequest request, HttpContext context, NationalBodyService bodies, ThemeService themes,
                CancellationToken ct) =>
            {
                var partner = await PartnerAsync(context, bodies, ct);
                await themes.UpdateAsync(partner, id, new SaveTheme(request.Title, request.Description, request.ResponseDueAtSystems),
                    ETags.Parse(context.Request.Headers.IfMatch), ct);
                return Respond(context, await themes.GetAsync(partner, id, ct));
            })
            .WithSummary("Change a theme's title, description or how many systems make a response due; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapPost("/national/themes/{id:guid}/asks", async (Guid id, ThemeLinkRequest request, HttpContext context, NationalBodyService bodies, ThemeService themes,
                CancellationToken ct) =>
            {
                var partner = await PartnerAsync(context, bodies, ct);
                await themes.LinkAsync(partner, id, request.AskId, ct);
                return Respond(context, await themes.GetAsync(partner, id, ct));
            })
            .WithSummary("Link a submitted ask addressed to your body to the theme; each system keeps its own ask and words")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/national/themes/{id:guid}/asks/{askId:guid}", async (Guid id, Guid askId, HttpContext context, NationalBodyService bodies, ThemeService themes,
                CancellationToken ct) =>
            {
                await themes.UnlinkAsync(await PartnerAsync(context, bodies, ct), id, askId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Unlink an ask from the theme")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/national/themes/{id:guid}/responses", async (Guid id, NationalResponseRequest request, HttpContext context, NationalBodyService bodies,
                ThemeService themes, CancellationToken ct) =>
            {
                var result = await themes.RespondAsync(await PartnerAsync(context, bodies, ct), id, new NationalResponse(request.Kind, request.Text, request.Conditions), ct);
                return TypedResults.Ok(new ThemeResponseResultResponse(result.Answered, result.NotAnswered));
            })
            .WithSummary("One response to every linked ask on which it is your body's move, each as its own iteration; names the asks it could not reach")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<NationalPartnerView> PartnerAsync(HttpContext context, NationalBodyService bodies, CancellationToken ct) =>
        await bodies.PartnerOfAsync(context.User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ThemeResponse> Respond(HttpContext context, ThemeDetail detail)
    {
        context.Response.Headers.ETag = ETags.For(detail.Theme.Version);
        return TypedResults.Ok(ToResponse(detail));
    }

    private static ThemeResponse ToResponse(ThemeDetail d) => new(d.Theme.Id, d.Theme.Title, d.Theme.Description, d.Theme.ResponseDueAtSystems, d.ResponseDue,
        d.Systems, [.. d.Asks.Select(NationalAsksApi.ToResponse)], [.. d.Outcomes.Select(o => new ThemeOutcomeResponse(o.Status, o.Asks))], d.Theme.Version);
}

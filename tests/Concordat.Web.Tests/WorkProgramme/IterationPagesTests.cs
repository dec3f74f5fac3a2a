using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>Iterations through their pages, without script: start, plan, close with an item carried, review, and the retrospective side by side.</summary>
public abstract class IterationPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<(Guid WorkstreamId, Guid ItemId)> SeedAsync(TestSystem system)
    {
        var goalId = await App.AgreedGoalAsync(system, Ct);
        var stream = await (await ApiClient.ForAsync(App, system.Convenor)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/workstreams",
            new { name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        var item = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/work-items",
            new { title = "Falls clinic pathway", workstreamId = streamId, ownerOrganisationId = system.TrustId, contributorIds = new[] { system.CouncilId } }, Ct);
        return (streamId, (await item.JsonAsync())["item"]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Iteration_StartedPlannedAndClosed_ThenReviewedAndLookedBackOnSideBySide()
    {
        var system = await App.CreateSystemAsync();
        var (streamId, itemId) = await SeedAsync(system);
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var home = $"/systems/{system.Id}/work/iterations";

        var viewerList = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(home);
        var started = await (await convenor.GetAsync(home)).SubmitAsync("form[action*='handler=Start']", new() { ["Input.Objective"] = "Open the falls clinic" });
        Guid iterationId;
        await using (var scope = App.Database(system.Id))
        {
            iterationId = await scope.Db.Iterations.Select(i => i.Id).SingleAsync(Ct);
        }
        var page = $"{home}/{iterationId}";
        var planned = await (await trust.GetAsync(page)).SubmitAsync("form[action*='handler=Plan']", new() { ["PlanItemId"] = itemId.ToString() });
        var board = await trust.GetAsync($"/systems/{system.Id}/work?iterationId={iterationId}");
        var closed = await (await convenor.GetAsync(page)).SubmitAsync("form[action*='handler=Close']", new() { ["Carry"] = itemId.ToString() });
        var afterClosing = await convenor.GetAsync(page);
        var review = await trust.GetAsync($"{page}/review");
        var noted = await review.SubmitAsync("form[action*='handler=Slip']", new() { ["SlipNote"] = "The clinic room was not ready" });
        var retro = $"{page}/retrospective";
        var emptyAnswer = await (await trust.GetAsync(retro)).SubmitAsync("form[action*='handler=Answer']", new());
        var answered = await (await trust.GetAsync(retro)).SubmitAsync("form[action*='handler=Answer']", new()
        {
            ["Answer.WentWell"] = "Joint clinic planning", ["Answer.LearnedAboutPartners"] = "The council's reablement team plans rotas a month ahead",
        });
        var action = await (await convenor.GetAsync(retro)).SubmitAsync("form[action*='handler=Action']", new()
        {
            ["Action.Title"] = "Share rota plans monthly", ["Action.OwnerOrganisationId"] = system.CouncilId.ToString(), ["Action.WorkstreamId"] = streamId.ToString(),
        });
        var councilView = await (await PageClient.SignedInAsync(App, system.CouncilContributor)).GetAsync(retro);

        Assert.Equal(HttpStatusCode.OK, viewerList.Status);
        Assert.Null(viewerList.Document.QuerySelector("form[action*='handler=Start']"));
        Assert.Equal(HttpStatusCode.Found, started.Status);
        Assert.Equal(HttpStatusCode.Found, planned.Status);
        Assert.Contains("Falls clinic pathway", board.Text("main"));
        Assert.Equal(HttpStatusCode.Found, closed.Status);
        Assert.Contains("Carried into the next iteration", afterClosing.Text("main"));
        Assert.Contains("The clinic room was not ready", (await noted.FollowAsync()).Text("#slipped ~ div"));
        Assert.Equal(HttpStatusCode.BadRequest, emptyAnswer.Status);
        Assert.Equal(["Say what went well, what to change, or what you learned about another partner's world"], emptyAnswer.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, answered.Status);
        Assert.Equal(HttpStatusCode.Found, action.Status);
        // Both partners took part: the trust's answer beside the council's blank one, and the council may answer its own.
        var cards = councilView.Document.QuerySelectorAll(".nhsuk-card-group__item").Select(c => c.TextContent).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains(cards, c => c.Contains("Westford Hospitals NHS Trust", StringComparison.Ordinal) && c.Contains("Joint clinic planning", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Westford Council", StringComparison.Ordinal) && c.Contains("Not answered yet", StringComparison.Ordinal));
        Assert.NotNull(councilView.Document.QuerySelector("form[action*='handler=Answer']"));
        Assert.Contains("Share rota plans monthly", councilView.Text("#actions ~ ul"));
    }
}

public sealed class IterationPagesSqliteTests(SqliteApp app) : IterationPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class IterationPagesPostgresTests(PostgresApp app) : IterationPagesTests(app, DatabaseKind.Postgres);

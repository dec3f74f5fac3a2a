using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>The board, its "Move to …" without JavaScript, and an item's page with blocking and comments.</summary>
public abstract class WorkProgrammePagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<(Guid WorkstreamId, Guid ItemId)> SeedAsync(TestSystem system)
    {
        var goalId = await App.AgreedGoalAsync(system, Ct);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var stream = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/workstreams",
            new { name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        var item = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/work-items",
            new { title = "Falls clinic pathway", workstreamId = streamId, ownerOrganisationId = system.TrustId }, Ct);
        return (streamId, (await item.JsonAsync())["item"]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Board_ShowsTheCardInItsColumn_AndItsOwnerMovesItWithoutScript_OthersCannot()
    {
        var system = await App.CreateSystemAsync();
        var (_, itemId) = await SeedAsync(system);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);

        var board = await trust.GetAsync($"/systems/{system.Id}/work");
        var councilBoard = await council.GetAsync($"/systems/{system.Id}/work");
        var moved = await board.SubmitAsync($"form:has(#move-{itemId})", new() { ["status"] = "Doing" });
        var after = await trust.GetAsync($"/systems/{system.Id}/work");

        Assert.Contains("Falls clinic pathway", board.Text("#column-Backlog + ul"));
        Assert.Null(councilBoard.Document.QuerySelector($"#move-{itemId}"));
        Assert.Equal(HttpStatusCode.Found, moved.Status);
        Assert.Contains("Falls clinic pathway", after.Text("section[aria-labelledby='column-Doing']"));
    }

    [Fact]
    public async Task ItemPage_BlockingNeedsWhyAndWhoseMove_AndAnyPartnerComments()
    {
        var system = await App.CreateSystemAsync();
        var (_, itemId) = await SeedAsync(system);
        var url = $"/systems/{system.Id}/work/items/{itemId}";
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var page = await trust.GetAsync(url);

        var noReason = await page.SubmitAsync("form[action*='handler=Move']", new() { ["Status"] = "Blocked" });
        var blocked = await page.SubmitAsync("form[action*='handler=Move']", new()
        {
            ["Status"] = "Blocked", ["BlockedReason"] = "Waiting for the council's reablement staff", ["BlockedOnOrganisationId"] = system.CouncilId.ToString(),
        });
        var council = await (await PageClient.SignedInAsync(App, system.CouncilContributor)).GetAsync(url);
        var commented = await council.SubmitAsync("form[action*='handler=Comment']", new() { ["Comment"] = "Two reablement workers from May." });
        var read = await commented.FollowAsync();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["Say why the item is blocked", "Select the organisation whose move it is"], noReason.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, blocked.Status);
        Assert.Contains("Westford Council", read.Text("main"));
        Assert.Contains("Two reablement workers from May.", read.Text("#comments ~ ul"));
        Assert.Null(council.Document.QuerySelector("form[action*='handler=Move']"));
    }

    [Fact]
    public async Task WorkstreamPages_TheConvenorStarts_ItsLeadChangesIt_AStaleFormIsRefused_AnotherPartnerCannot()
    {
        var system = await App.CreateSystemAsync();
        var (streamId, _) = await SeedAsync(system);
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var form = await convenor.GetAsync($"/systems/{system.Id}/work/workstreams/new");
        var goalId = form.Document.QuerySelector("input[name='Input.GoalIds']")!.GetAttribute("value")!;

        var empty = await form.SubmitAsync("main form", new() { ["Input.Name"] = "", ["Input.GoalIds"] = new List<string>() });
        var started = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Falls prevention", ["Input.Purpose"] = "Fewer falls at home", ["Input.LeadOrganisationId"] = system.TrustId.ToString(),
            ["Input.GoalIds"] = goalId, ["Input.ContributorIds"] = system.CouncilId.ToString(),
        });
        var startedPage = await started.FollowAsync();
        var edit = await trust.GetAsync($"/systems/{system.Id}/work/workstreams/{streamId}/edit");
        var saved = await edit.SubmitAsync("main form", new() { ["Input.Purpose"] = "Keep frail people well at home, with the council" });
        var stale = await edit.SubmitAsync("main form", new() { ["Input.Purpose"] = "An older purpose" });
        var councilEdit = await council.GetAsync($"/systems/{system.Id}/work/workstreams/{streamId}/edit");
        var councilStart = await council.GetAsync($"/systems/{system.Id}/work/workstreams/new");
        var shown = await council.GetAsync($"/systems/{system.Id}/work/workstreams/{streamId}");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Enter a name for the workstream", empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal("Falls prevention", startedPage.Text("h1"));
        Assert.Contains("Westford Council", startedPage.Text("main dl"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.Forbidden, councilEdit.Status);
        Assert.Equal(HttpStatusCode.Forbidden, councilStart.Status);
        Assert.Contains("Keep frail people well at home, with the council", shown.Text("main"));
        Assert.Contains("Falls clinic pathway", shown.Text("main table"));
        Assert.Null(shown.Document.QuerySelector("a[href$='/edit']"));
    }

    [Fact]
    public async Task ItemEditPage_ItsOwnerChangesIt_AnotherPartnerCannot_AndTheOrganisationsViewShowsWhoWaitsOnWhom()
    {
        var system = await App.CreateSystemAsync();
        var (_, itemId) = await SeedAsync(system);
        var url = $"/systems/{system.Id}/work/items/{itemId}";
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);

        var edit = await trust.GetAsync(url + "/edit");
        var bad = await edit.SubmitAsync("main form", new() { ["Input.Title"] = "" });
        var saved = await edit.SubmitAsync("main form", new() { ["Input.Title"] = "Falls clinic pathway, both places", ["Input.DueOn"] = new DateOnly(2027, 6, 30) });
        var page = await trust.GetAsync(url);
        await page.SubmitAsync("form[action*='handler=Move']", new()
        {
            ["Status"] = "Blocked", ["BlockedReason"] = "Needs the council's falls team", ["BlockedOnOrganisationId"] = system.CouncilId.ToString(),
        });
        var councilEdit = await council.GetAsync(url + "/edit");
        var councilView = await council.GetAsync($"/systems/{system.Id}/work/organisations/{system.CouncilId}");
        var trustView = await trust.GetAsync($"/systems/{system.Id}/work/organisations/{system.TrustId}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("30 June 2027", page.Text("main dl"));
        Assert.Equal(HttpStatusCode.Forbidden, councilEdit.Status);
        Assert.Contains("Falls clinic pathway, both places", councilView.Text("#others-waiting + table"));
        Assert.Contains("Needs the council's falls team", councilView.Text("#others-waiting + table"));
        Assert.Contains("Falls clinic pathway, both places", trustView.Text("#waiting-on-others + table"));
        Assert.Contains("Falls clinic pathway, both places", trustView.Text("#owned + table"));
    }

    [Fact]
    public async Task TheStrategy_ShowsEachWorkstreamsProgress_AndWhatWaitsOnAnotherPartner_OnThePageAndInMarkdown()
    {
        var system = await App.CreateSystemAsync();
        var (_, itemId) = await SeedAsync(system);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        await (await trust.GetAsync($"/systems/{system.Id}/work/items/{itemId}")).SubmitAsync("form[action*='handler=Move']", new()
        {
            ["Status"] = "Blocked", ["BlockedReason"] = "Needs the council's falls team", ["BlockedOnOrganisationId"] = system.CouncilId.ToString(),
        });
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await viewer.GetAsync($"/systems/{system.Id}/strategy");
        var markdown = await viewer.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);

        var section = page.Text("#work-programme");
        Assert.Contains("Frailty at home", section);
        Assert.Contains("1 work item: 0 done, 0 in progress, 1 blocked.", section);
        Assert.Contains("Blocked: Falls clinic pathway (Westford Hospitals NHS Trust), waiting on Westford Council", section);
        Assert.Contains("## The work programme", markdown);
        Assert.Contains("  - Blocked: Falls clinic pathway (Westford Hospitals NHS Trust), waiting on Westford Council", markdown);
    }
}

public sealed class WorkProgrammePagesSqliteTests(SqliteApp app) : WorkProgrammePagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class WorkProgrammePagesPostgresTests(PostgresApp app) : WorkProgrammePagesTests(app, DatabaseKind.Postgres);

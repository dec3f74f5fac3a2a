using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>
/// An item's iteration on its page, card and list, planned and taken out by its owner's people; and an open iteration's
/// name, dates and objective changed by a convenor, on its page and through the API.
/// </summary>
public abstract class ItemIterationTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly DateOnly End = new(2026, 2, 15);

    private sealed record Programme(TestSystem System, Guid ItemId, Guid FirstId, Guid SecondId, HttpClient Convenor)
    {
        public string Api => $"/api/v1/systems/{System.Id}";
        public string Home => $"/systems/{System.Id}";
    }

    /// <summary>A workstream with one item the trust owns, and two iterations: 5 January to 15 February 2026, then the next six weeks.</summary>
    private async Task<Programme> ProgrammeAsync()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await App.AgreedGoalAsync(system, Ct);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var stream = await convenor.PostAsJsonAsync($"{url}/workstreams",
            new { name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        var item = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"{url}/work-items",
            new { title = "Falls clinic pathway", workstreamId = streamId, ownerOrganisationId = system.TrustId }, Ct);
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        var first = await convenor.PostAsJsonAsync($"{url}/iterations", new { startsOn = Start, endsOn = End, objective = "Open the falls clinic" }, Ct);
        var second = await convenor.PostAsJsonAsync($"{url}/iterations", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        return new Programme(system, (await item.JsonAsync())["item"]!["id"]!.GetValue<Guid>(), (await first.JsonAsync())["id"]!.GetValue<Guid>(),
            (await second.JsonAsync())["id"]!.GetValue<Guid>(), convenor);
    }

    private static async Task<HttpResponseMessage> CloseAsync(Programme p, Guid iterationId)
    {
        var etag = (await p.Convenor.GetAsync($"{p.Api}/iterations/{iterationId}", Ct)).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{p.Api}/iterations/{iterationId}/closure") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await p.Convenor.SendAsync(request, Ct);
    }

    /// <summary>Posts a page's form as someone whose page has no such form: with their own antiforgery token, from any form they are shown.</summary>
    private static async Task<PageResponse> PostAsAsync(PageClient client, string page, string? handler, params KeyValuePair<string, string>[] fields)
    {
        var shown = await client.GetAsync(page);
        var token = shown.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.GetAsync("/account")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", [new("__RequestVerificationToken", token), .. fields]);
    }

    [Fact]
    public async Task ItemPage_ShowsItsIteration_ItsOwnerPlansItInAndTakesItOut_OnTheBoardAndTheList()
    {
        var p = await ProgrammeAsync();
        var page = $"{p.Home}/work/items/{p.ItemId}";
        var trust = await PageClient.SignedInAsync(App, p.System.TrustLead);

        var before = await trust.GetAsync(page);
        var planned = await before.SubmitAsync("form[action*='handler=Plan']", new() { ["PlanIterationId"] = p.FirstId.ToString() });
        var after = await planned.FollowAsync();
        var list = await trust.GetAsync($"{p.Home}/work?view=list");
        var board = await trust.GetAsync($"{p.Home}/work");
        var ownView = await trust.GetAsync($"{p.Home}/work/organisations/{p.System.TrustId}");
        var apiList = await (await ApiClient.ForAsync(App, p.System.Viewer)).GetAsync($"{p.Api}/work-items", Ct);
        var csv = Encoding.UTF8.GetString(await (await ApiClient.ForAsync(App, p.System.Viewer)).GetByteArrayAsync($"{p.Api}/work-items.csv", Ct));
        var takenOut = await after.SubmitAsync("form[action*='handler=Plan']", new() { ["PlanIterationId"] = "" });
        var backInTheBacklog = await takenOut.FollowAsync();

        Assert.Contains("Not planned into an iteration", before.Text("main dl"));
        Assert.Equal(["None: back to the backlog", "Iteration 1, 5 January 2026 to 15 February 2026", "Iteration 2, 16 February 2026 to 29 March 2026"],
            before.Document.QuerySelectorAll("select[name=PlanIterationId] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Found, planned.Status);
        var link = after.Document.QuerySelector($"main dl a[href='{p.Home}/work/iterations/{p.FirstId}']");
        Assert.Equal("Iteration 1", link?.TextContent.Trim());
        Assert.Equal(p.FirstId.ToString(), after.Document.QuerySelector("select[name=PlanIterationId] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Iteration 1", list.Text($"main table td a[href='{p.Home}/work/iterations/{p.FirstId}']"));
        Assert.Contains("In Iteration 1", board.Text("#column-Backlog + ul"));
        Assert.Contains("Iteration 1", ownView.Text("main table"));
        Assert.Equal("Iteration 1", (await apiList.JsonAsync())[0]!["iteration"]!.GetValue<string>());
        Assert.EndsWith(",Iteration 1", csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, takenOut.Status);
        Assert.Contains("Not planned into an iteration", backInTheBacklog.Text("main dl"));
        await using var scope = App.Database(p.System.Id);
        Assert.Equal(["WorkItemAdded", "WorkItemPlanned", "WorkItemPlanned"],
            await scope.Db.AuditEvents.Where(e => e.EntityId == p.ItemId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task PlanningAnItem_IsForItsOwnersPeopleAndConvenors_AgainstTheVersionTheyRead_IntoAnOpenIteration()
    {
        var p = await ProgrammeAsync();
        var other = await App.CreateSystemAsync();
        var page = $"{p.Home}/work/items/{p.ItemId}";
        var trust = await PageClient.SignedInAsync(App, p.System.TrustLead);
        var council = await PageClient.SignedInAsync(App, p.System.CouncilLead);
        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var elsewhere = await PageClient.SignedInAsync(App, other.Convenor);
        var convenor = await PageClient.SignedInAsync(App, p.System.Convenor);
        await CloseAsync(p, p.SecondId);

        var read = await trust.GetAsync(page);
        var councilPage = await council.GetAsync(page);
        var byCouncil = await PostAsAsync(council, page, "Plan", new("Version", read.Document.QuerySelector("form[action*='handler=Plan'] input[name=Version]")!.GetAttribute("value")!),
            new("PlanIterationId", p.FirstId.ToString()));
        var byViewer = await PostAsAsync(viewer, page, "Plan", new("Version", Guid.NewGuid().ToString()), new("PlanIterationId", p.FirstId.ToString()));
        var fromElsewhere = await PostAsAsync(elsewhere, $"/systems/{other.Id}/work/items/{p.ItemId}", "Plan", new("Version", Guid.NewGuid().ToString()),
            new("PlanIterationId", p.FirstId.ToString()));
        var intoClosed = await read.SubmitAsync("form[action*='handler=Plan']", new() { ["PlanIterationId"] = p.SecondId.ToString() });
        var byConvenor = await (await convenor.GetAsync(page)).SubmitAsync("form[action*='handler=Plan']", new() { ["PlanIterationId"] = p.FirstId.ToString() });
        var stale = await read.SubmitAsync("form[action*='handler=Plan']", new() { ["PlanIterationId"] = "" });

        Assert.Null(councilPage.Document.QuerySelector("form[action*='handler=Plan']"));
        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.Status);
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.Status);
        // The closed iteration is not offered; sent anyway, it is refused beside the field.
        Assert.DoesNotContain("Iteration 2", read.Text("form[action*='handler=Plan'] select"));
        Assert.Equal(HttpStatusCode.BadRequest, intoClosed.Status);
        Assert.Equal(["Select an iteration that is not closed, or none for the backlog"], intoClosed.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, byConvenor.Status);
        // The trust's form was read before the convenor planned the item: nothing is saved, and what is saved now is shown.
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("changed by someone else", stale.ErrorSummary.Single(), StringComparison.Ordinal);
        Assert.Contains("Iteration 1", stale.Text("#edit-conflict dl"));
        await using var scope = App.Database(p.System.Id);
        Assert.Equal(p.FirstId, await scope.Db.WorkItems.Where(i => i.Id == p.ItemId).Select(i => i.IterationId).SingleAsync(Ct));
    }

    [Fact]
    public async Task EditIterationPage_AConvenorChangesAnOpenIteration_AStaleFormConflicts_OthersCannot_AClosedOneStaysAsItWas()
    {
        var p = await ProgrammeAsync();
        var convenor = await PageClient.SignedInAsync(App, p.System.Convenor);
        var trust = await PageClient.SignedInAsync(App, p.System.TrustLead);
        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var iterationPage = $"{p.Home}/work/iterations/{p.FirstId}";
        var edit = $"{iterationPage}/edit";

        var shown = await convenor.GetAsync(iterationPage);
        var trustShown = await trust.GetAsync(iterationPage);
        var form = await convenor.GetAsync(edit);
        var backwards = await form.SubmitAsync("main form", new() { ["Input.EndsOn"] = new DateOnly(2026, 1, 1) });
        var overlapping = await form.SubmitAsync("main form", new() { ["Input.EndsOn"] = new DateOnly(2026, 3, 1) });
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Falls sprint", ["Input.EndsOn"] = new DateOnly(2026, 2, 8), ["Input.Objective"] = "Open the falls clinic in both places",
        });
        var afterSaving = await saved.FollowAsync();
        var stale = await form.SubmitAsync("main form", new() { ["Input.Objective"] = "An older objective" });
        var byTrust = await trust.GetAsync(edit);
        var trustPosts = await PostAsAsync(trust, edit, null, new("Version", Guid.NewGuid().ToString()), new("Input.Name", "Ours"));
        var byViewer = await viewer.GetAsync(edit);
        var changes = await convenor.GetAsync($"{p.Home}/changes");
        await CloseAsync(p, p.FirstId);
        var closed = await convenor.GetAsync(edit);
        var closedShown = await convenor.GetAsync(iterationPage);

        Assert.NotNull(shown.Document.QuerySelector($"main a[href='{edit}']"));
        Assert.Null(trustShown.Document.QuerySelector($"main a[href='{edit}']"));
        Assert.Equal("Iteration 1", form.Document.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.Equal(["The iteration must end on or after the day it starts"], backwards.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.Status);
        Assert.Equal(["The dates overlap Iteration 2, 16 February 2026 to 29 March 2026"], overlapping.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, saved.Status);
        Assert.Equal("Falls sprint", afterSaving.Text("h1"));
        Assert.Contains("5 January 2026 to 8 February 2026", afterSaving.Text("main dl"));
        Assert.Contains("Open the falls clinic in both places", afterSaving.Text("main dl"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Falls sprint", stale.Text("#edit-conflict dl"));
        Assert.Equal(HttpStatusCode.Forbidden, byTrust.Status);
        Assert.Equal(HttpStatusCode.Forbidden, trustPosts.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.Status);
        Assert.Contains("Falls sprint changed", changes.Text("main"));
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Null(closed.Document.QuerySelector("main form"));
        Assert.Null(closedShown.Document.QuerySelector($"main a[href='{edit}']"));
    }

    [Fact]
    public async Task PutIteration_ConvenorsChangeAnOpenOne_AgainstItsETag_InOrderAndClearOfTheOthers()
    {
        var p = await ProgrammeAsync();
        var other = await App.CreateSystemAsync();
        var trust = await ApiClient.ForAsync(App, p.System.TrustLead);
        var viewer = await ApiClient.ForAsync(App, p.System.Viewer);
        var address = $"{p.Api}/iterations/{p.FirstId}";
        var etag = (await p.Convenor.GetAsync(address, Ct)).Headers.ETag!.ToString();
        object Body(DateOnly endsOn, string objective = "Open the falls clinic in both places") =>
            new { name = "Falls sprint", startsOn = Start, endsOn, objective };

        var byTrust = await trust.PutJsonAsync(address, Body(End), etag);
        var byViewer = await viewer.PutJsonAsync(address, Body(End), etag);
        var withoutIfMatch = await p.Convenor.PutJsonAsync(address, Body(End), null);
        var overlapping = await p.Convenor.PutJsonAsync(address, Body(new DateOnly(2026, 3, 1)), etag);
        var undated = await p.Convenor.PutJsonAsync(address, new { name = "Falls sprint" }, etag);
        var changed = await p.Convenor.PutJsonAsync(address, Body(new DateOnly(2026, 2, 8)), etag);
        var stale = await p.Convenor.PutJsonAsync(address, Body(End, "An older objective"), etag);
        var fromElsewhere = await (await ApiClient.ForAsync(App, other.Convenor)).PutJsonAsync($"/api/v1/systems/{other.Id}/iterations/{p.FirstId}", Body(End), "*");
        await CloseAsync(p, p.FirstId);
        var closed = await p.Convenor.PutJsonAsync(address, Body(End), "*");

        Assert.Equal(HttpStatusCode.Forbidden, byTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Equal("The dates overlap Iteration 2, 16 February 2026 to 29 March 2026", (await overlapping.JsonAsync())["errors"]!["StartsOn"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.NotNull((await undated.JsonAsync())["errors"]!["EndsOn"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal("Falls sprint", body["name"]!.GetValue<string>());
        Assert.Equal("2026-02-08", body["endsOn"]!.GetValue<string>());
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Equal("Falls sprint is closed: its dates and objective stay as they were when it closed",
            (await closed.JsonAsync())["errors"]!["Iteration"]![0]!.GetValue<string>());
        await using var scope = App.Database(p.System.Id);
        var audit = await scope.Db.AuditEvents.Where(e => e.EntityId == p.FirstId && e.Action == "IterationChanged").SingleAsync(Ct);
        Assert.Contains("15 February 2026", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("8 February 2026", audit.AfterJson, StringComparison.Ordinal);
    }
}

public sealed class ItemIterationSqliteTests(SqliteApp app) : ItemIterationTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ItemIterationPostgresTests(PostgresApp app) : ItemIterationTests(app, DatabaseKind.Postgres);

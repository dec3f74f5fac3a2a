using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

public abstract class GovernanceForumsTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static object Board(TestSystem system, string link = "https://www.westford.example/hwb/terms") => new
    {
        name = "Westford Health and Wellbeing Board", kind = "HealthAndWellbeingBoard", placeId = system.PlaceId,
        memberOrganisationIds = new[] { system.CouncilId, system.IcbId },
        termsOfReference = "Owns the JSNA.\n\n<script>alert('x')</script> **Quorum**: three members.", termsOfReferenceUrl = link,
    };

    private static async Task<(string Id, string ETag)> AddBoardAsync(HttpClient convenor, TestSystem system)
    {
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", Board(system));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync())["id"]!.GetValue<string>(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Create_WithMembers_IsAudited_AndItsTermsAreShownAsText()
    {
        var system = await App.CreateSystemAsync();
        var api = await ApiClient.ForAsync(App, system.Convenor);

        var (id, _) = await AddBoardAsync(api, system);
        var read = await (await api.GetAsync($"/api/v1/systems/{system.Id}/forums/{id}", Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/forums/{id}");

        Assert.Equal(["Test ICB", "Westford Council"], read["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal("Westford", read["place"]!["name"]!.GetValue<string>());
        Assert.Equal(["Test ICB", "Westford Council"], page.Document.QuerySelectorAll("#forum-members li").Select(li => li.TextContent.Trim()));
        Assert.Null(page.Document.QuerySelector("#terms-of-reference script"));
        Assert.Equal(["Owns the JSNA.", "<script>alert('x')</script> **Quorum**: three members."],
            page.Document.QuerySelectorAll("#terms-of-reference p").Select(p => p.TextContent));
        Assert.Equal("https://www.westford.example/hwb/terms", page.Document.QuerySelector("a[rel='noopener noreferrer']")!.GetAttribute("href"));
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "ForumAdded", Ct);
        Assert.Contains("Westford Council", audit.AfterJson);
    }

    [Fact]
    public async Task Create_AsLeadOrViewer_IsForbidden_AndABadLinkIsNamed()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.CouncilLead);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var byLead = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", Board(system, "not a link"), Ct);
        var byViewer = await viewer.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", Board(system), Ct);
        var plainHttp = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", Board(system, "http://www.westford.example/terms"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Equal("Link to the terms of reference must be a full https address, like https://example.nhs.uk/icp-terms",
            (await plainHttp.JsonAsync())["errors"]!["TermsOfReferenceUrl"]![0]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Forums.AnyAsync(Ct));
    }

    [Fact]
    public async Task Update_ChangesMembers_AndAStaleIfMatchAnswers412()
    {
        var system = await App.CreateSystemAsync();
        var api = await ApiClient.ForAsync(App, system.Convenor);
        var (id, etag) = await AddBoardAsync(api, system);
        var url = $"/api/v1/systems/{system.Id}/forums/{id}";

        var first = await api.PutJsonAsync(url, new { name = "Westford Health and Wellbeing Board", kind = "HealthAndWellbeingBoard",
            memberOrganisationIds = new[] { system.CouncilId, system.TrustId } }, etag);
        var second = await api.PutJsonAsync(url, new { name = "Renamed", kind = "Other" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["Westford Council", "Westford Hospitals NHS Trust"], (await first.JsonAsync())["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "ForumUpdated", Ct);
        Assert.Contains("Westford Hospitals NHS Trust", audit.AfterJson);
        Assert.Contains("Test ICB", audit.BeforeJson);
    }

    [Fact]
    public async Task PublishedVersion_RecordsTheForumAndDate_AndShowsThem()
    {
        var system = await App.CreateSystemAsync();
        var api = await ApiClient.ForAsync(App, system.Convenor);
        var (forum, _) = await AddBoardAsync(api, system);
        var url = $"/api/v1/systems/{system.Id}/strategy/versions";
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var future = await api.PostAsJsonAsync(url, new { note = "Approved", agreedByForumId = forum, agreedOn = tomorrow }, Ct);
        var noDate = await api.PostAsJsonAsync(url, new { note = "Approved", agreedByForumId = forum }, Ct);
        var unknown = await api.PostAsJsonAsync(url, new { note = "Approved", agreedByForumId = Guid.NewGuid(), agreedOn = "2022-12-14" }, Ct);
        var published = await api.PostAsJsonAsync(url, new { note = "Approved", agreedByForumId = forum, agreedOn = "2022-12-14" }, Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/versions/1");
        var remove = await api.DeleteAsync($"/api/v1/systems/{system.Id}/forums/{forum}", Ct);

        Assert.Equal("The date the decision was taken cannot be in the future", (await future.JsonAsync())["errors"]!["AgreedOn"]![0]!.GetValue<string>());
        Assert.Equal("Enter the date the forum took the decision", (await noDate.JsonAsync())["errors"]!["AgreedOn"]![0]!.GetValue<string>());
        Assert.Equal("Select a forum of this system", (await unknown.JsonAsync())["errors"]!["AgreedByForumId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var version = await published.JsonAsync();
        Assert.Equal(1, version["number"]!.GetValue<int>());
        Assert.Equal("Westford Health and Wellbeing Board", version["agreedBy"]!.GetValue<string>());
        Assert.Equal("This version was agreed by Westford Health and Wellbeing Board on 14 December 2022.", page.Text("#agreed-by"));
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
    }

    [Fact]
    public async Task ClosedRound_RecordsTheForumThatDecided_WithIfMatch_AndTheGoalPageSaysSo()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var (forum, _) = await AddBoardAsync(convenor, system);
        var goal = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goal, new
        {
            kind = "Adopt", closesOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), requiredOrganisationIds = new[] { system.TrustId },
        });
        var url = $"/api/v1/systems/{system.Id}/rounds/{roundId}/decision";
        var whileOpen = await convenor.PutJsonAsync(url, new { forumId = forum, on = "2022-12-14" }, "*");
        Assert.True((await GoalApi.PositionAsync(await ApiClient.ForAsync(App, system.TrustLead), system, roundId, system.TrustId, "Consent")).IsSuccessStatusCode);
        var etag = (await convenor.GetAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}", Ct)).Headers.ETag!.ToString();

        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync(url, new { forumId = forum, on = "2022-12-14" }, etag);
        var recorded = await convenor.PutJsonAsync(url, new { forumId = forum, on = "2022-12-14" }, etag);
        var stale = await convenor.PutJsonAsync(url, new { forumId = forum, on = "2022-12-15" }, etag);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goal}");

        Assert.Equal("The round is still open: record where its outcome was decided once it has closed",
            (await whileOpen.JsonAsync())["errors"]!["ForumId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("Westford Health and Wellbeing Board", (await recorded.JsonAsync())["decidedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("agreed by Westford Health and Wellbeing Board on 14 December 2022", page.Html);
        await using var scope = App.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "RoundDecisionRecorded", Ct));
    }

    [Fact]
    public async Task ForumPages_ConvenorAddsAForumThroughTheForm()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/forums/new");

        var missing = await form.SubmitAsync("main form", new() { ["Input.Name"] = "" });
        var added = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Westford Place Board", ["Input.Kind"] = "PlaceBoard", ["Input.PlaceId"] = system.PlaceId.ToString(),
            ["Input.MemberOrganisationIds"] = new[] { system.TrustId.ToString() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(["Enter the forum's name", "Select the kind of forum"], missing.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var page = await added.FollowAsync();
        Assert.Equal("Westford Place Board", page.Text("h1"));
        Assert.Equal("Westford Hospitals NHS Trust", page.Text("#forum-members li"));
        var list = await client.GetAsync($"/systems/{system.Id}/forums");
        Assert.Contains("Place board", list.Text("tbody"));
    }
}

public sealed class GovernanceForumsSqliteTests(SqliteApp app) : GovernanceForumsTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class GovernanceForumsPostgresTests(PostgresApp app) : GovernanceForumsTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>Workstreams and work items through the API: who may change what, blocking with whose move it is, comments, filters and CSV.</summary>
public abstract class WorkProgrammeApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private Task<Guid> AddGoalAsync(TestSystem system) => App.AgreedGoalAsync(system, Ct);

    /// <summary>A workstream led by the trust with the council contributing, started by the convenor.</summary>
    private async Task<(Guid Id, string ETag)> StartWorkstreamAsync(TestSystem system)
    {
        var goalId = await AddGoalAsync(system);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/workstreams", new
        {
            name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId,
            seniorResponsibleOwnerId = system.TrustLead.Id, goalIds = new[] { goalId }, contributorIds = new[] { system.CouncilId },
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.JsonAsync())["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString());
    }

    private async Task<(Guid Id, string ETag)> AddTrustItemAsync(TestSystem system, Guid workstreamId, string title = "Falls clinic pathway")
    {
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var response = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/work-items", new
        {
            title, workstreamId, ownerOrganisationId = system.TrustId, ownerPersonId = system.TrustLead.Id, dueOn = "2027-03-31", size = "Medium",
            contributorIds = new[] { system.CouncilId },
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.JsonAsync())["item"]!["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> PostWithIfMatchAsync(HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Workstreams_ConvenorsStartThem_LeadsOfTheLeadOrganisationChangeThem_NoOneElse()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await AddGoalAsync(system);
        var body = new { name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } };
        var url = $"/api/v1/systems/{system.Id}/workstreams";

        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync(url, body, Ct);
        var (id, etag) = await StartWorkstreamAsync(system);
        var byCouncilLead = await (await ApiClient.ForAsync(App, system.CouncilLead)).PutJsonAsync($"{url}/{id}", body, etag);
        var handOver = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync($"{url}/{id}", body with { leadOrganisationId = system.CouncilId }, etag);
        var byTrustLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync($"{url}/{id}", body with { purpose = "Keep frail people well and at home" }, etag);
        var stale = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync($"{url}/{id}", body, etag);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCouncilLead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, handOver.StatusCode);
        Assert.Equal("Only a convenor can hand the workstream's lead to another organisation",
            (await handOver.JsonAsync())["errors"]!["LeadOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, byTrustLead.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal("Keep frail people well and at home", (await scope.Db.Workstreams.SingleAsync(Ct)).Purpose);
        Assert.Equal(["WorkstreamStarted", "WorkstreamChanged"], await scope.Db.AuditEvents.Where(e => e.EntityType == "Workstream").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task WorkItems_OnlyTheOwnersPeopleChangeThem_AndBlockedSaysWhyAndWhoseMove()
    {
        var system = await App.CreateSystemAsync();
        var (streamId, _) = await StartWorkstreamAsync(system);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var items = $"/api/v1/systems/{system.Id}/work-items";

        var forAnother = await council.PostAsJsonAsync(items, new { title = "Trust's job", workstreamId = streamId, ownerOrganisationId = system.TrustId }, Ct);
        var (itemId, etag) = await AddTrustItemAsync(system, streamId);
        var movedByCouncil = await PostWithIfMatchAsync(council, $"{items}/{itemId}/moves", new { status = "Doing" }, etag);
        var blockedWithoutWhy = await PostWithIfMatchAsync(trust, $"{items}/{itemId}/moves", new { status = "Blocked" }, etag);
        var blocked = await PostWithIfMatchAsync(trust, $"{items}/{itemId}/moves",
            new { status = "Blocked", blockedReason = "Waiting for the council's reablement staff", blockedOnOrganisationId = system.CouncilId }, etag);
        var withoutIfMatch = await PostWithIfMatchAsync(trust, $"{items}/{itemId}/moves", new { status = "Doing" }, null);

        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, movedByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blockedWithoutWhy.StatusCode);
        var errors = (await blockedWithoutWhy.JsonAsync())["errors"]!;
        Assert.Equal("Say why the item is blocked", errors["BlockedReason"]![0]!.GetValue<string>());
        Assert.Equal("Select the organisation whose move it is", errors["BlockedOnOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var item = (await blocked.JsonAsync())["item"]!;
        Assert.Equal("Blocked", item["status"]!.GetValue<string>());
        Assert.Equal("Westford Council", item["blockedOnOrganisation"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);

        var unblocked = await PostWithIfMatchAsync(trust, $"{items}/{itemId}/moves", new { status = "Doing" }, blocked.Headers.ETag!.ToString());
        var cleared = (await unblocked.JsonAsync())["item"]!;
        Assert.Equal("Doing", cleared["status"]!.GetValue<string>());
        Assert.Null(cleared["blockedReason"]);
        Assert.Null(cleared["blockedOnOrganisationId"]);
        await using var scope = App.Database(system.Id);
        Assert.Equal(["WorkItemAdded", "WorkItemMoved", "WorkItemMoved"],
            await scope.Db.AuditEvents.Where(e => e.EntityId == itemId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task WorkItems_AnyPartnersPeopleComment_ViewersRead_AnotherSystemSeesNothing()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var (streamId, _) = await StartWorkstreamAsync(system);
        var (itemId, _) = await AddTrustItemAsync(system, streamId);
        var url = $"/api/v1/systems/{system.Id}/work-items/{itemId}";

        var byContributor = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync($"{url}/comments", new { text = "We can lend two reablement workers from May." }, Ct);
        var empty = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync($"{url}/comments", new { text = " " }, Ct);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var byViewer = await viewer.PostAsJsonAsync($"{url}/comments", new { text = "Looks good" }, Ct);
        var read = await viewer.GetAsync(url, Ct);
        var fromOtherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"/api/v1/systems/{other.Id}/work-items/{itemId}", Ct);

        Assert.Equal(HttpStatusCode.Created, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var comment = (await read.JsonAsync())["comments"]!.AsArray().Single()!;
        Assert.Equal("We can lend two reablement workers from May.", comment["text"]!.GetValue<string>());
        Assert.Equal("Westford Council", comment["authorOrganisation"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, fromOtherSystem.StatusCode);
    }

    [Fact]
    public async Task WorkItems_FilterByOrganisation_AndDownloadAsCsv()
    {
        var system = await App.CreateSystemAsync();
        var (streamId, _) = await StartWorkstreamAsync(system);
        await AddTrustItemAsync(system, streamId, "Falls clinic pathway");
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var councilItem = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/work-items",
            new { title = "Home adaptations fast track", workstreamId = streamId, ownerOrganisationId = system.CouncilId }, Ct);
        Assert.Equal(HttpStatusCode.Created, councilItem.StatusCode);
        var client = await ApiClient.ForAsync(App, system.Viewer);

        var trustOnly = await client.GetAsync($"/api/v1/systems/{system.Id}/work-items?organisationId={system.TrustId}", Ct);
        var councilAll = await client.GetAsync($"/api/v1/systems/{system.Id}/work-items?organisationId={system.CouncilId}", Ct);
        var csv = await client.GetAsync($"/api/v1/systems/{system.Id}/work-items.csv?workstreamId={streamId}", Ct);

        Assert.Equal(["Falls clinic pathway"], (await trustOnly.JsonAsync()).AsArray().Select(i => i!["title"]!.GetValue<string>()));
        // The council owns one item and contributes to the trust's.
        Assert.Equal(["Falls clinic pathway", "Home adaptations fast track"],
            (await councilAll.JsonAsync()).AsArray().Select(i => i!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,workstream,owner,person,status,in_status_since,days_in_status,due,size,blocked_because,whose_move,iteration", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",Falls clinic pathway,Frailty at home,Westford Hospitals NHS Trust,", StringComparison.Ordinal) && l.Contains(",2027-03-31,Medium,", StringComparison.Ordinal));
    }
}

public sealed class WorkProgrammeApiSqliteTests(SqliteApp app) : WorkProgrammeApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class WorkProgrammeApiPostgresTests(PostgresApp app) : WorkProgrammeApiTests(app, DatabaseKind.Postgres);

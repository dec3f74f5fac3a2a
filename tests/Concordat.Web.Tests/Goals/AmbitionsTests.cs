using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Goals;

public abstract class AmbitionsTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static async Task<Guid> AmbitionAsync(HttpClient convenor, TestSystem system, string title)
    {
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/ambitions", new { title, description = $"{title}: what it means" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    private static async Task<Guid> GoalAsync(HttpClient convenor, TestSystem system, string title, Guid? ambitionId)
    {
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", new
        {
            title, outcomeStatement = $"By March 2028, {title.ToLowerInvariant()}.", population = "Everyone", wholeSystem = true, horizon = "2028-03-31",
            leadOrganisationId = system.TrustId, seniorResponsibleOwner = "Dr Anna Patel", ambitionId,
        }, Ct);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        Assert.Equal(ambitionId?.ToString(), json["ambitionId"]?.GetValue<string>());
        return Guid.Parse(json["id"]!.GetValue<string>());
    }

    private static async Task<List<string>> GoalTitlesAsync(HttpClient client, TestSystem system) =>
        [.. (await (await client.GetAsync($"/api/v1/systems/{system.Id}/goals", Ct)).JsonAsync()).AsArray().Select(g => g!["title"]!.GetValue<string>())];

    [Fact]
    public async Task Create_AsConvenor_Answers201AndIsAudited_AsLeadOrViewer_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/ambitions", new { title = "Start well", description = "Every child has the best start" }, Ct);
        var duplicate = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/ambitions", new { title = "Start well" }, Ct);
        var refused = new List<HttpStatusCode>();
        foreach (var person in new[] { system.TrustLead, system.CouncilLead, system.Viewer })
        {
            refused.Add((await (await ApiClient.ForAsync(App, person)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/ambitions", new { title = "Live well" }, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ambition = await created.JsonAsync();
        Assert.EndsWith($"/ambitions/{ambition["id"]}", created.Headers.Location!.ToString());
        Assert.Equal(0, ambition["position"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("There is already an ambition called Start well in this system", (await duplicate.JsonAsync())["errors"]!["Title"]![0]!.GetValue<string>());
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        await using var scope = App.Database(system.Id);
        Assert.Equal(["Start well"], await scope.Db.Ambitions.Select(a => a.Title).ToListAsync(Ct));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "AmbitionAdded" && e.EntityName == "Start well" && e.ActorPersonId == system.Convenor.Id, Ct));
    }

    [Fact]
    public async Task Rename_NeedsTheVersionRead_AndALeadCannot()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var id = await AmbitionAsync(convenor, system, "Start well");
        var url = $"/api/v1/systems/{system.Id}/ambitions/{id}";
        var stale = (await convenor.GetAsync(url, Ct)).Headers.ETag!.ToString();

        var first = await convenor.PutJsonAsync(url, new { title = "Starting well", description = "The first thousand days" }, stale);
        var second = await convenor.PutJsonAsync(url, new { title = "Best start" }, stale);
        var unconditional = await convenor.PutJsonAsync(url, new { title = "Best start" }, null);
        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync(url, new { title = "Ours" }, "*");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("Starting well", (await second.JsonAsync())["current"]!["Title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal("Starting well", await scope.Db.Ambitions.Select(a => a.Title).SingleAsync(Ct));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "AmbitionUpdated" && e.EntityId == id, Ct));
    }

    [Fact]
    public async Task Goals_AreListedByAmbition_InTheOrderTheConvenorSets_UnplacedLast_InTheListAndTheStrategy()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var startWell = await AmbitionAsync(convenor, system, "Start well");
        var ageWell = await AmbitionAsync(convenor, system, "Age well");
        var zebra = await GoalAsync(convenor, system, "Zebra crossings near schools", ageWell);
        var alpha = await GoalAsync(convenor, system, "Alpha goal under no ambition", null);
        var middle = await GoalAsync(convenor, system, "Middle years mental health", startWell);
        var beta = await GoalAsync(convenor, system, "Better maternity care", startWell);

        var asPlaced = await GoalTitlesAsync(convenor, system);
        var arrangementUrl = $"/api/v1/systems/{system.Id}/ambitions/arrangement";
        var read = await convenor.GetAsync(arrangementUrl, Ct);
        var etag = read.Headers.ETag!.ToString();
        var reorder = new { ambitions = new object[] { new { ambitionId = ageWell, goalIds = new[] { zebra } }, new { ambitionId = startWell, goalIds = new[] { beta, middle } } }, unplaced = new[] { alpha } };
        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync(arrangementUrl, reorder, etag);
        var missingAGoal = await convenor.PutJsonAsync(arrangementUrl,
            new { ambitions = new object[] { new { ambitionId = ageWell, goalIds = new[] { zebra } }, new { ambitionId = startWell, goalIds = new[] { beta } } }, unplaced = new[] { alpha } }, etag);
        var arranged = await convenor.PutJsonAsync(arrangementUrl, reorder, etag);
        var stale = await convenor.PutJsonAsync(arrangementUrl, reorder, etag);
        var rearranged = await GoalTitlesAsync(convenor, system);
        var markdown = await (await PageClient.SignedInAsync(App, system.Viewer)).Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy");

        Assert.Equal(["Middle years mental health", "Better maternity care", "Zebra crossings near schools", "Alpha goal under no ambition"], asPlaced);
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingAGoal.StatusCode);
        Assert.Equal("Name every goal of the system once, under an ambition or under none", (await missingAGoal.JsonAsync())["errors"]!["Unplaced"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        Assert.Equal(["Age well", "Start well"], (await arranged.JsonAsync())["ambitions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(["Zebra crossings near schools", "Better maternity care", "Middle years mental health", "Alpha goal under no ambition"], rearranged);
        var headings = markdown.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## Age well", "### Zebra crossings near schools", "## Start well", "### Better maternity care", "### Middle years mental health",
            "## Other shared goals", "### Alpha goal under no ambition", "## The work programme", "### The last iteration's review", "### Top risks",
            "## What we need from national partners and what we offer", "## Our collective resources"], headings);
        Assert.Equal(["Age well", "Zebra crossings near schools", "Start well", "Better maternity care", "Middle years mental health", "Other shared goals",
            "Alpha goal under no ambition", "The work programme", "The last iteration's review", "Top risks",
            "What we need from national partners and what we offer", "Our collective resources"], page.Document.QuerySelectorAll("main h2, main h3").Select(h => h.TextContent.Trim())
            .Where(t => !t.StartsWith("How we", StringComparison.Ordinal) && t != "Contents").ToList());
        await using var scope = App.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "GoalsArranged" && e.ActorPersonId == system.Convenor.Id, Ct));
    }

    [Fact]
    public async Task Remove_AnAmbitionWithGoals_IsRefusedNamingThem_OnceEmptyItGoes()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var ageWell = await AmbitionAsync(convenor, system, "Age well");
        var frailty = await GoalAsync(convenor, system, "Fewer falls", ageWell);
        var url = $"/api/v1/systems/{system.Id}/ambitions/{ageWell}";

        var refused = await Delete(url, (await convenor.GetAsync(url, Ct)).Headers.ETag!.ToString());
        var arrangement = $"/api/v1/systems/{system.Id}/ambitions/arrangement";
        var moved = await convenor.PutJsonAsync(arrangement, new { ambitions = new[] { new { ambitionId = ageWell, goalIds = Array.Empty<Guid>() } }, unplaced = new[] { frailty } },
            (await convenor.GetAsync(arrangement, Ct)).Headers.ETag!.ToString());
        var byLead = await Delete(url, "*", await ApiClient.ForAsync(App, system.TrustLead));
        var removed = await Delete(url, (await convenor.GetAsync(url, Ct)).Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Age well still has 1 goal (Fewer falls); move them to another ambition or to none first",
            (await refused.JsonAsync())["errors"]!["Title"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Ambitions.AnyAsync(Ct));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "AmbitionRemoved" && e.EntityId == ageWell, Ct));

        Task<HttpResponseMessage> Delete(string to, string ifMatch, HttpClient? client = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, to);
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return (client ?? convenor).SendAsync(request, Ct);
        }
    }

    [Fact]
    public async Task AmbitionsPage_ConvenorMovesAGoalUpAndPlacesIt_ALeadSeesNoForms()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var liveWell = await AmbitionAsync(convenor, system, "Live well");
        await GoalAsync(convenor, system, "First goal", liveWell);
        var second = await GoalAsync(convenor, system, "Second goal", liveWell);
        var pages = await PageClient.SignedInAsync(App, system.Convenor);

        var list = await pages.GetAsync($"/systems/{system.Id}/ambitions");
        var moved = await list.SubmitAsync($"form[action*='handler=MoveGoal'][action*='goalId={second}'][action*='move=Up']", []);
        var afterMove = await GoalTitlesAsync(convenor, system);
        var again = await pages.GetAsync($"/systems/{system.Id}/ambitions");
        var placed = await again.SubmitAsync($"form[action*='handler=PlaceGoal'][action*='goalId={second}']", new() { ["PlaceUnder"] = "" });
        var leadPage = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/ambitions");

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(["Second goal", "First goal"], afterMove);
        Assert.Equal(HttpStatusCode.Redirect, placed.Status);
        Assert.Equal(["First goal", "Second goal"], await GoalTitlesAsync(convenor, system));
        Assert.Null(leadPage.Document.QuerySelector("main form"));
        Assert.Contains("First goal", leadPage.Text("main"));
    }
}

public sealed class AmbitionsSqliteTests(SqliteApp app) : AmbitionsTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AmbitionsPostgresTests(PostgresApp app) : AmbitionsTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Core.HealthChecks;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.TheoryOfChange;

/// <summary>A priority (a primary driver) entered once in its home goal and shared with another, with everything under it.</summary>
public abstract class SharedPriorityTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private sealed record Setup(TestSystem System, HttpClient Convenor, Guid Home, Guid Other, Guid Priority, Guid Secondary, Guid Idea)
    {
        public string Url(Guid goal) => $"/api/v1/systems/{System.Id}/goals/{goal}";
    }

    /// <summary>
    /// Two goals: the trust leads the home goal, the council the other. The home goal's priority has a secondary driver
    /// and a change idea that pulls a lever without a diagnosis, so the health check has something to find in it.
    /// </summary>
    private async Task<Setup> SetUpAsync()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        async Task<Guid> Goal(string title, Guid lead)
        {
            var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", new
            {
                title, outcomeStatement = $"By March 2028, {title.ToLowerInvariant()}.", population = "Everyone", wholeSystem = true, horizon = "2028-03-31",
                leadOrganisationId = lead, seniorResponsibleOwner = "Dr Anna Patel",
            }, Ct);
            response.EnsureSuccessStatusCode();
            return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
        }
        var home = await Goal("Fewer emergency admissions of frail older people", system.TrustId);
        var other = await Goal("Meeting the four-hour standard", system.CouncilId);
        async Task<Guid> Post(string path, object body)
        {
            var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{home}/{path}", body, Ct);
            var json = await response.JsonAsync();
            Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
            return Guid.Parse(json["id"]!.GetValue<string>());
        }
        var priority = await Post("drivers", new { level = "Primary", title = "Crises at home are met at home" });
        var secondary = await Post("drivers", new { level = "Secondary", title = "GPs can refer straight to the virtual ward", primaryDriverIds = new[] { priority } });
        var idea = await Post("change-ideas", new { title = "Single point of access for step-up referrals", secondaryDriverIds = new[] { secondary }, levers = "ServiceProvision" });
        return new Setup(system, convenor, home, other, priority, secondary, idea);
    }

    private static Task<HttpResponseMessage> ShareAsync(HttpClient client, Setup s) =>
        client.PostAsJsonAsync($"{s.Url(s.Home)}/drivers/{s.Priority}/shares", new { goalId = s.Other }, Ct);

    private static async Task<JsonNode> DiagramAsync(HttpClient client, Setup s, Guid goal) => await (await client.GetAsync($"{s.Url(goal)}/driver-diagram", Ct)).JsonAsync();

    private static List<string> Ids(JsonNode? array, string field = "id") => [.. array!.AsArray().Select(n => n![field]!.GetValue<string>())];

    [Fact]
    public async Task ASharedPriority_AppearsInEachGoalsDiagram_WithItsSecondaryDriversAndChangeIdeas_NotCopied()
    {
        var s = await SetUpAsync();

        var shared = await ShareAsync(s.Convenor, s);
        var again = await ShareAsync(s.Convenor, s);
        var home = await DiagramAsync(s.Convenor, s, s.Home);
        var other = await DiagramAsync(s.Convenor, s, s.Other);
        var crossLink = await s.Convenor.PostAsJsonAsync($"{s.Url(s.Other)}/drivers", new { level = "Secondary", title = "Theirs", primaryDriverIds = new[] { s.Priority } }, Ct);
        var page = await (await PageClient.SignedInAsync(App, s.System.Viewer)).GetAsync($"/systems/{s.System.Id}/goals/{s.Other}/theory-of-change");

        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal([s.Home.ToString(), s.Other.ToString()], (await shared.JsonAsync())["servesGoalIds"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal([s.Priority.ToString()], Ids(home["primaryDrivers"]));
        Assert.Equal([s.Priority.ToString()], Ids(other["primaryDrivers"]));
        Assert.Equal(s.Home.ToString(), other["primaryDrivers"]![0]!["homeGoalId"]!.GetValue<string>());
        Assert.Equal([s.Secondary.ToString()], Ids(other["secondaryDrivers"]));
        Assert.Equal([s.Idea.ToString()], Ids(other["changeIdeas"]));
        Assert.Equal(s.Home.ToString(), other["changeIdeas"]![0]!["homeGoalId"]!.GetValue<string>());
        Assert.Equal("Select primary drivers of this goal", (await crossLink.JsonAsync())["errors"]!["PrimaryDriverIds"]![0]!.GetValue<string>());
        Assert.Contains("Crises at home are met at home", page.Text("#outline"));
        Assert.Contains("entered in Fewer emergency admissions of frail older people", page.Text("#outline"));
        await using var scope = App.Database(s.System.Id);
        Assert.Equal(1, await scope.Db.Drivers.CountAsync(d => d.Level == Core.TheoryOfChange.DriverLevel.Primary, Ct));
        Assert.Equal(1, await scope.Db.ChangeIdeas.CountAsync(Ct));
        Assert.Equal(2, await scope.Db.AuditEvents.CountAsync(e => e.Action == "PriorityShared", Ct));
    }

    [Fact]
    public async Task TheStrategy_AndItsPublishedVersion_ShowTheSharedPriorityOncePerGoal_WithOneSetOfChangeIdeas()
    {
        var s = await SetUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await ShareAsync(s.Convenor, s)).StatusCode);
        var strategy = $"/api/v1/systems/{s.System.Id}/strategy";

        var published = await s.Convenor.PostAsJsonAsync($"{strategy}/versions", new { note = "With a shared priority" }, Ct);
        var live = await (await s.Convenor.GetAsync($"{strategy}/document", Ct)).JsonAsync();
        var version = (await (await s.Convenor.GetAsync($"{strategy}/versions/1", Ct)).JsonAsync())["document"]!;
        var markdown = (await (await PageClient.SignedInAsync(App, s.System.Viewer)).Http.GetStringAsync($"/systems/{s.System.Id}/strategy/markdown", Ct))
            .ReplaceLineEndings("\n");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        foreach (var document in new[] { live, version })
        {
            var goals = document["goals"]!.AsArray().ToDictionary(g => g!["id"]!.GetValue<string>());
            foreach (var goal in new[] { s.Home, s.Other })
            {
                var driver = Assert.Single(goals[goal.ToString()]!["drivers"]!.AsArray());
                Assert.Equal("Crises at home are met at home", driver!["title"]!.GetValue<string>());
                Assert.Equal(["Single point of access for step-up referrals"], driver["secondary"]![0]!["changeIdeas"]!.AsArray().Select(i => i!.GetValue<string>()));
            }
            Assert.Single(goals[s.Home.ToString()]!["changeIdeas"]!.AsArray());
            Assert.Empty(goals[s.Other.ToString()]!["changeIdeas"]!.AsArray());
            Assert.Equal(["Meeting the four-hour standard"], goals[s.Home.ToString()]!["drivers"]![0]!["alsoServes"]!.AsArray().Select(g => g!.GetValue<string>()));
            Assert.Equal("Fewer emergency admissions of frail older people", goals[s.Other.ToString()]!["drivers"]![0]!["enteredUnder"]!.GetValue<string>());
        }
        Assert.Equal(2, markdown.Split('\n').Count(l => l.StartsWith("- Crises at home are met at home", StringComparison.Ordinal)));
        Assert.Equal(2, markdown.Split('\n').Count(l => l == "    - Change idea: Single point of access for step-up referrals"));
        Assert.Equal(1, markdown.Split('\n').Count(l => l.StartsWith("**Single point of access for step-up referrals.**", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheHealthCheck_CountsTheSharedIdeaTowardsEachGoalsAccountOfHow_ButFlagsItsMechanismOnce()
    {
        var s = await SetUpAsync();
        async Task<JsonNode> HealthAsync() => await (await s.Convenor.GetAsync($"/api/v1/systems/{s.System.Id}/strategy/health-check", Ct)).JsonAsync();
        static List<string> Failing(JsonNode health, Guid goal) => [.. health["goals"]!.AsArray().Single(g => g!["goalId"]!.GetValue<string>() == goal.ToString())!
            ["results"]!.AsArray().Where(r => r!["state"]!.GetValue<string>() == "Failed").Select(r => r!["check"]!.GetValue<string>())];
        static int MechanismFindings(JsonNode health) => health["goals"]!.AsArray().SelectMany(g => g!["findings"]!.AsArray())
            .Count(f => f!["check"]!.GetValue<string>() == HealthCheck.LeverWithoutMechanism);

        var before = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, (await ShareAsync(s.Convenor, s)).StatusCode);
        var after = await HealthAsync();

        Assert.Contains(HealthCheck.NoAccountOfHow, Failing(before, s.Other));
        Assert.DoesNotContain(HealthCheck.NoAccountOfHow, Failing(after, s.Other));
        Assert.Contains(HealthCheck.LeverWithoutMechanism, Failing(after, s.Home));
        Assert.DoesNotContain(HealthCheck.LeverWithoutMechanism, Failing(after, s.Other));
        Assert.Equal(1, MechanismFindings(before));
        Assert.Equal(1, MechanismFindings(after));
    }

    [Fact]
    public async Task OnlyAConvenorOrALeadOfBothGoals_Shares_EitherSideUnshares_AndItStaysInItsHomeGoal()
    {
        var s = await SetUpAsync();
        var trustLead = await ApiClient.ForAsync(App, s.System.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, s.System.CouncilLead);
        var viewer = await ApiClient.ForAsync(App, s.System.Viewer);

        var byHomeLeadOnly = await ShareAsync(trustLead, s);
        var byOtherLeadOnly = await ShareAsync(councilLead, s);
        var byViewer = await ShareAsync(viewer, s);
        var byConvenor = await ShareAsync(s.Convenor, s);
        var removal = await s.Convenor.DeleteAsync($"{s.Url(s.Home)}/drivers/{s.Priority}", Ct);
        var unshareUrl = $"{s.Url(s.Home)}/drivers/{s.Priority}/shares/{s.Other}";
        var unshareByViewer = await viewer.DeleteAsync(unshareUrl, Ct);
        var unshared = await councilLead.DeleteAsync(unshareUrl, Ct);
        var home = await DiagramAsync(s.Convenor, s, s.Home);
        var other = await DiagramAsync(s.Convenor, s, s.Other);

        Assert.Equal(HttpStatusCode.Forbidden, byHomeLeadOnly.StatusCode);
        Assert.Equal("Only a convenor, or a lead of an organisation that leads or owns each goal, can share a priority with another goal.",
            (await byHomeLeadOnly.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byOtherLeadOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, removal.StatusCode);
        Assert.Equal("\"Crises at home are met at home\" also serves Meeting the four-hour standard; stop sharing it with them first",
            (await removal.JsonAsync())["errors"]!["Driver"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, unshareByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unshared.StatusCode);
        Assert.Equal([s.Priority.ToString()], Ids(home["primaryDrivers"]));
        Assert.Equal([s.Home.ToString()], home["primaryDrivers"]![0]!["servesGoalIds"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal([s.Idea.ToString()], Ids(home["changeIdeas"]));
        Assert.Empty(other["primaryDrivers"]!.AsArray());
        Assert.Empty(other["changeIdeas"]!.AsArray());
        await using var scope = App.Database(s.System.Id);
        Assert.Equal(2, await scope.Db.AuditEvents.CountAsync(e => e.Action == "PriorityUnshared" && e.ActorPersonId == s.System.CouncilLead.Id, Ct));
    }
}

public sealed class SharedPrioritySqliteTests(SqliteApp app) : SharedPriorityTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SharedPriorityPostgresTests(PostgresApp app) : SharedPriorityTests(app, DatabaseKind.Postgres);

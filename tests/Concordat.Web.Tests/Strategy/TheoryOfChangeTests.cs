using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Strategy;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Strategy;

public abstract class TheoryOfChangeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task DriverDiagram_LinksManyToMany_CarriesTheBehaviourDiagnosis_AndOnlyTheGoalsLeadsEditIt()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}";

        async Task<Guid> Driver(HttpClient client, string level, string title, params Guid[] primary)
        {
            var response = await client.PostAsJsonAsync($"{url}/drivers", new { level, title, primaryDriverIds = primary }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var diagram = await response.JsonAsync();
            return Guid.Parse(diagram[level == "Primary" ? "primaryDrivers" : "secondaryDrivers"]!.AsArray()
                .Single(d => d!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>());
        }
        var discharge = await Driver(trustLead, "Primary", "Timely discharge from hospital");
        var community = await Driver(trustLead, "Primary", "Care closer to home");
        var planning = await Driver(trustLead, "Secondary", "Discharge planned from the day of admission", discharge, community);
        var byCouncil = await councilLead.PostAsJsonAsync($"{url}/drivers", new { level = "Primary", title = "Theirs" }, Ct);
        var orphan = await trustLead.PostAsJsonAsync($"{url}/drivers", new { level = "Secondary", title = "Serves nothing" }, Ct);
        var idea = await councilLead.PostAsJsonAsync($"{url}/change-ideas", new
        {
            title = "Discharge to assess for people over 75", secondaryDriverIds = new[] { planning }, whoseBehaviour = "Ward discharge teams",
            whatDifferently = "Send people home to be assessed there, not on the ward",
            psychologicalCapability = "Teams do not know what community services can take on the same day",
            socialOpportunity = "Ward culture rewards keeping people 'until they are safe'",
            functions = "Education, EnvironmentalRestructuring", levers = "Guidelines, ServiceProvision", leverDetails = "Discharge policy; NHS standard contract",
            contributionIds = new[] { councilContribution },
        }, Ct);
        var noIdeaRights = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync($"{url}/change-ideas",
            new { title = "x", secondaryDriverIds = new[] { planning } }, Ct);
        var blockedRemoval = await trustLead.DeleteAsync($"{url}/drivers/{discharge}", Ct);
        var diagram = await (await convenor.GetAsync($"{url}/driver-diagram", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal("Select the primary drivers this secondary driver serves", (await orphan.JsonAsync())["errors"]!["PrimaryDriverIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, idea.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noIdeaRights.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, blockedRemoval.StatusCode);
        Assert.Single(diagram["primaryDrivers"]!.AsArray());
        Assert.Equal([community.ToString()], diagram["secondaryDrivers"]![0]!["servesPrimaryDriverIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        var stored = diagram["changeIdeas"]![0]!;
        Assert.True(stored["hasDiagnosis"]!.GetValue<bool>());
        Assert.Equal("Education, EnvironmentalRestructuring", stored["functions"]!.GetValue<string>());
        Assert.Equal(councilContribution.ToString(), stored["contributionIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task APrimaryDriverThatIsTheOnlyOneASecondaryServes_CannotBeRemoved_AndThePageDrawsAndOutlinesTheDiagram()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}";
        var primary = await (await convenor.PostAsJsonAsync($"{url}/drivers", new { level = "Primary", title = "Timely discharge from hospital" }, Ct)).JsonAsync();
        var primaryId = primary["primaryDrivers"]![0]!["id"]!.GetValue<string>();
        var secondary = await (await convenor.PostAsJsonAsync($"{url}/drivers", new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primaryId } }, Ct)).JsonAsync();
        var secondaryId = secondary["secondaryDrivers"]![0]!["id"]!.GetValue<string>();
        await convenor.PostAsJsonAsync($"{url}/change-ideas", new { title = "Trusted assessor <script>alert(1)</script>", secondaryDriverIds = new[] { secondaryId }, levers = "Regulation" }, Ct);

        var refused = await convenor.DeleteAsync($"{url}/drivers/{primaryId}", Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}/theory-of-change");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Some secondary drivers serve only \"Timely discharge from hospital\"", (await refused.JsonAsync())["errors"]!["Driver"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var svg = page.Document.QuerySelector("figure svg[role=img]");
        Assert.NotNull(svg);
        Assert.Equal(4, svg.QuerySelectorAll("rect").Length);
        Assert.Equal(3, svg.QuerySelectorAll("path").Length);
        Assert.Contains("Same-day reablement", page.Text("#outline"));
        Assert.Contains("No diagnosis of the behaviour", page.Text("main"));
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Primary']"));
    }

    [Fact]
    public async Task HealthCheck_ListsEachGoalsFindings_AndChangesAsTheTheoryOfChangeGrows()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}";
        static string[] Checks(System.Text.Json.Nodes.JsonNode health) =>
            [.. health["goals"]![0]!["findings"]!.AsArray().Select(f => f!["check"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal)];

        var before = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
        var primary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Timely discharge" }, Ct)).JsonAsync();
        var secondary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers",
            new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primary["primaryDrivers"]![0]!["id"]!.GetValue<string>() } }, Ct)).JsonAsync();
        await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/change-ideas", new
        {
            title = "Reablement contract", secondaryDriverIds = new[] { secondary["secondaryDrivers"]![0]!["id"]!.GetValue<string>() }, levers = "FiscalMeasures",
        }, Ct);
        var after = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/health");

        Assert.Equal(new[] { HealthCheck.NoAccountOfHow, HealthCheck.NoContributor, HealthCheck.NoMeasure, HealthCheck.NotAgreed }.Order(StringComparer.Ordinal), Checks(before));
        Assert.Equal(8, before["goals"]![0]!["checksPassed"]!.GetValue<int>());
        Assert.Equal(new[] { HealthCheck.LeverWithoutMechanism, HealthCheck.NoContributor, HealthCheck.NoMeasure, HealthCheck.NotAgreed }.Order(StringComparer.Ordinal), Checks(after));
        Assert.Contains("8 of 12 checks pass", page.Text($"#goal-{goalId}"));
        Assert.Contains("a lever without a mechanism", page.Text($"#goal-{goalId}"));
        Assert.NotNull(page.Document.QuerySelector($"#goal-{goalId} a[href^='/systems/{system.Id}/goals/{goalId}/theory-of-change#idea-']"));
    }

    [Fact]
    public async Task StrategyDocument_HasEveryGoalWithItsTheoryContributionsAndMeasures_AsPageJsonAndMarkdown()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls <b>at home</b>");
        await GoalApi.DraftAsync(convenor, system, "Earlier cancer diagnosis");
        await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var url = $"/api/v1/systems/{system.Id}";
        await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Strength and balance" }, Ct);
        var measure = await trustLead.PostAsJsonAsync($"{url}/measures", new
        {
            name = "Falls admissions", definition = "Emergency admissions for falls", unit = "admissions", format = "Count", frequency = "Monthly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId,
        }, Ct);
        var measureUrl = measure.Headers.Location!.ToString();
        await trustLead.PostAsync($"{measureUrl}/imports", new StringContent("period,value\n" + string.Concat(Enumerable.Range(0, 15).Select(i => FormattableString.Invariant($"{new DateOnly(2024, 1, 1).AddMonths(i):yyyy-MM-dd},{100 + (i % 3)}\n"))),
            System.Text.Encoding.UTF8, "text/csv"), Ct);
        var measureId = (await measure.JsonAsync())["id"]!.GetValue<string>();
        await convenor.PostAsync($"{url}/goals/{goalId}/measures/{measureId}", null, Ct);
        var pages = await PageClient.SignedInAsync(App, system.Viewer);

        var document = await (await convenor.GetAsync($"{url}/strategy/document", Ct)).JsonAsync();
        var page = await pages.GetAsync($"/systems/{system.Id}/strategy");
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);

        var goals = document["goals"]!.AsArray();
        Assert.Equal(["Earlier cancer diagnosis", "Fewer falls <b>at home</b>"], goals.Select(g => g!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var falls = goals.Single(g => g!["id"]!.GetValue<string>() == goalId.ToString())!;
        Assert.Equal("Strength and balance", falls["drivers"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Westford Hospitals NHS Trust", falls["contributions"]![0]!["organisation"]!.GetValue<string>());
        Assert.Equal("common_cause", falls["measures"]![0]!["variationIcon"]!.GetValue<string>());
        Assert.Equal(2, page.Document.QuerySelectorAll("section.concordat-strategy__goal").Length);
        Assert.Contains("Falls admissions", page.Text($"#goal-{goalId}"));
        Assert.DoesNotContain("<b>at home</b>", page.Html, StringComparison.Ordinal);
        Assert.Contains("## Fewer falls <b>at home</b>", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Falls admissions**: 102 admissions (March 2025)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedVersions_AreNumbered_ConvenorsOnly_AndNeverChange_WhateverHappensToTheLiveData()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        var url = $"/api/v1/systems/{system.Id}";

        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"{url}/strategy/versions", new { note = "Mine" }, Ct);
        var noNote = await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = " " }, Ct);
        var first = await (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "Approved by the ICP on 12 March" }, Ct)).JsonAsync();
        var goal = await convenor.GetAsync($"{url}/goals/{goalId}", Ct);
        var renamed = await convenor.PutJsonAsync($"{url}/goals/{goalId}", GoalApi.Draft(system, "Fewer falls at home"), goal.Headers.ETag!.ToString());
        var second = await (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "After the March board" }, Ct)).JsonAsync();
        var versionOne = await (await convenor.GetAsync($"{url}/strategy/versions/1", Ct)).JsonAsync();
        var list = (await (await convenor.GetAsync($"{url}/strategy/versions", Ct)).JsonAsync()).AsArray();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/versions/1");

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal((1, 2), (first["number"]!.GetValue<int>(), second["number"]!.GetValue<int>()));
        Assert.Equal("Fewer falls", versionOne["document"]!["goals"]![0]!["title"]!.GetValue<string>());
        Assert.Equal([2, 1], list.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(12, list[0]!["checks"]!.GetValue<int>());
        Assert.Contains("Approved by the ICP on 12 March", page.Text("#version-note"));
        Assert.Contains("Fewer falls", page.Text("main"));
        Assert.DoesNotContain("Fewer falls at home", page.Text("main"));
        var trend = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/health");
        Assert.Equal(3, trend.Document.QuerySelectorAll("#trend tbody tr").Length);

        await using var scope = App.Database(system.Id);
        var stored = await scope.Db.StrategyVersions.SingleAsync(v => v.Number == 1, Ct);
        scope.Db.Entry(stored).Property(v => v.Note).CurrentValue = "Rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
        scope.Db.ChangeTracker.Clear();
        scope.Db.StrategyVersions.Remove(await scope.Db.StrategyVersions.SingleAsync(v => v.Number == 1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
    }
}

public sealed class TheoryOfChangeSqliteTests(SqliteApp app) : TheoryOfChangeTests(app, DatabaseKind.Sqlite), IClassFixture<SqliteApp>;

public sealed class TheoryOfChangePostgresTests(PostgresApp app) : TheoryOfChangeTests(app, DatabaseKind.Postgres), IClassFixture<PostgresApp>;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.HealthChecks;

/// <summary>
/// Each health-check rule read from real data on each database: a goal is built to fail every rule the live data can
/// make it fail, then mended one rule at a time until every check passes. The rules themselves are unit-tested in
/// HealthCheckTests (in Concordat.Core.Tests); this shows the facts are gathered correctly.
/// </summary>
public abstract class HealthCheckRulesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string Months(DateOnly first, int count, Func<int, double> value) =>
        "period,value\n" + string.Concat(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{first.AddMonths(i):yyyy-MM-dd},{value(i)}\n")));

    private static async Task<string> MeasureAsync(HttpClient lead, TestSystem system, string name, double? target, string? csv)
    {
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name, definition = "Emergency admissions of people aged 75 and over", unit = "admissions", format = "Count", frequency = "Monthly",
            improvement = "Decrease", target, ownerOrganisationId = system.TrustId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        if (csv is null)
        {
            return url;
        }
        var imported = await lead.PostAsync($"{url}/imports", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        return url;
    }

    [Fact]
    public async Task EveryRule_FailsOnDataThatBreaksIt_AndPassesOnceTheDataIsMended()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}";
        var goalId = await GoalApi.DraftAsync(convenor, system);
        JsonNode goal = null!;
        async Task<(string[] Failing, int Passed, JsonNode System)> HealthAsync()
        {
            var health = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
            goal = health["goals"]!.AsArray().Single(g => g!["goalId"]!.GetValue<string>() == goalId.ToString())!;
            return ([.. goal["findings"]!.AsArray().Where(f => f!["state"]!.GetValue<string>() == "Failed").Select(f => f!["check"]!.GetValue<string>()).Distinct()
                    .Order(StringComparer.Ordinal)],
                goal["checksPassed"]!.GetValue<int>(), health["systemFindings"]!);
        }
        static string[] Sorted(params string[] checks) => [.. checks.Order(StringComparer.Ordinal)];

        var (bare, barePassed, noResources) = await HealthAsync();
        Assert.Equal(Sorted(HealthCheck.NoMeasure, HealthCheck.NoContributor, HealthCheck.NotShared, HealthCheck.NotAgreed, HealthCheck.NoAccountOfHow,
            HealthCheck.StaleData, HealthCheck.NoTarget, HealthCheck.UnaddressedConcern), bare);
        Assert.Equal(4, barePassed);
        Assert.Empty(noResources.AsArray());

        // One partner's proposal, measures that are stale, have no data at all, lack a target, or show unaddressed
        // concern, an unmet need and an over-committed resource.
        var (trustContribution, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        var staleUrl = await MeasureAsync(trustLead, system, "Falls admissions", 90, Months(new DateOnly(2020, 1, 1), 24, i => 100 + (i % 3)));
        var concernUrl = await MeasureAsync(trustLead, system, "Frailty admissions", null, Months(lastMonth.AddMonths(-19), 20, i => i < 12 ? 100 + (i % 3) : 130 + (i % 2)));
        var noDataUrl = await MeasureAsync(trustLead, system, "Delayed discharges", 40, null);
        foreach (var measureUrl in new[] { staleUrl, concernUrl, noDataUrl })
        {
            var linked = await convenor.PostAsync($"{url}/goals/{goalId}/measures/{measureUrl.Split('/')[^1]}", null, Ct);
            Assert.True(linked.IsSuccessStatusCode);
        }
        var need = await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/needs",
            new { types = ResourceApi.Nursing, description = "Nurses for the frailty hubs", quantity = 10, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" }, Ct);
        Assert.True(need.IsSuccessStatusCode);
        var (nurses, _) = await ResourceApi.RegisterAsync(trustLead, system, new
        {
            organisationId = system.TrustId, type = "RegisteredNursing", name = "Reablement nurses", quantity = 8, unit = "WTE", availableCapacity = 6, contact = "Director of nursing",
        });
        var overCommitted = await ResourceApi.CommitAsync(trustLead, system, trustContribution, nurses, 8, "2027-01-01", "2027-12-31", "Agency cover agreed until recruitment completes");
        Assert.True(overCommitted.IsSuccessStatusCode, await overCommitted.Content.ReadAsStringAsync(Ct));

        var (failing, passed, systemFindings) = await HealthAsync();
        Assert.Equal(Sorted(HealthCheck.NotShared, HealthCheck.NotAgreed, HealthCheck.NoAccountOfHow, HealthCheck.StaleData, HealthCheck.NoTarget,
            HealthCheck.UnaddressedConcern, HealthCheck.NeedsUnmet), failing);
        Assert.Equal(4, passed);
        Assert.Equal([(HealthCheck.NoContributor, "PendingAgreement")], PendingChecks(goal));
        var noData = goal["findings"]!.AsArray().Where(f => f!["subject"]!.GetValue<string>() == "Delayed discharges").ToDictionary(f => f!["check"]!.GetValue<string>(),
            f => f!["explanation"]!.GetValue<string>());
        Assert.Equal(Sorted(HealthCheck.StaleData, HealthCheck.UnaddressedConcern), noData.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("no data yet", noData[HealthCheck.StaleData], StringComparison.Ordinal);
        Assert.Contains("no one can tell whether it shows special cause concern", noData[HealthCheck.UnaddressedConcern], StringComparison.Ordinal);
        Assert.Equal([HealthCheck.OverCommitted], systemFindings.AsArray().Select(f => f!["check"]!.GetValue<string>()));
        Assert.Equal("Reablement nurses", systemFindings[0]!["subject"]!.GetValue<string>());

        // Mended: a second partner, both contributions agreed, a target, current data, a change idea with its
        // mechanism carried by a contribution, and the rest of the need committed.
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        foreach (var id in new[] { trustContribution, councilContribution })
        {
            Assert.Equal(HttpStatusCode.OK, (await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { decision = "Frailty board" })).StatusCode);
        }
        var concern = await trustLead.GetAsync(concernUrl, Ct);
        var concernBody = await concern.JsonAsync();
        var targeted = await trustLead.PutJsonAsync(concernUrl, new
        {
            name = concernBody["name"]!.GetValue<string>(), definition = "Emergency admissions of people aged 75 and over", unit = "admissions", format = "Count",
            frequency = "Monthly", improvement = "Decrease", target = 95, ownerOrganisationId = system.TrustId,
        }, concern.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, targeted.StatusCode);
        var current = await trustLead.PostAsync($"{staleUrl}/imports", new StringContent(Months(lastMonth, 1, _ => 98), Encoding.UTF8, "text/csv"), Ct);
        Assert.True(current.IsSuccessStatusCode);
        var firstData = await trustLead.PostAsync($"{noDataUrl}/imports", new StringContent(Months(lastMonth.AddMonths(-14), 15, i => 40 + (i % 3)), Encoding.UTF8, "text/csv"), Ct);
        Assert.True(firstData.IsSuccessStatusCode);
        var primary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Timely discharge" }, Ct)).JsonAsync();
        var secondary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers",
            new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primary["id"]!.GetValue<string>() } }, Ct)).JsonAsync();
        var idea = await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/change-ideas", new
        {
            title = "Reablement starts on the day of discharge", secondaryDriverIds = new[] { secondary["id"]!.GetValue<string>() },
            whoseBehaviour = "Ward discharge teams", physicalOpportunity = "No reablement slot can be booked before the day of discharge.",
            functions = "EnvironmentalRestructuring", levers = "ServiceProvision", contributionIds = new[] { trustContribution },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, idea.StatusCode);
        // The convenor only asks the trust to carry it; it counts once the trust's lead agrees.
        var ideaId = (await idea.JsonAsync())["id"]!.GetValue<string>();
        (failing, _, _) = await HealthAsync();
        Assert.Contains(HealthCheck.UnaddressedConcern, failing);
        Assert.Equal(HttpStatusCode.OK, (await trustLead.PostAsync($"{url}/goals/{goalId}/change-ideas/{ideaId}/carriers/{trustContribution}/accept", null, Ct)).StatusCode);
        var (moreNurses, _) = await ResourceApi.RegisterAsync(trustLead, system, new
        {
            organisationId = system.TrustId, type = "RegisteredNursing", name = "Community nurses", quantity = 40, unit = "WTE", availableCapacity = 5, contact = "Director of nursing",
        });
        Assert.True((await ResourceApi.CommitAsync(trustLead, system, trustContribution, moreNurses, 2, "2027-01-01", "2027-12-31")).IsSuccessStatusCode);

        // The goal's agreement round is set directly: agreement rounds are tested on their own.
        await using (var scope = App.Database(system.Id))
        {
            await scope.Db.Goals.Where(g => g.Id == goalId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GoalStatus.Agreed), Ct);
        }
        (failing, passed, _) = await HealthAsync();
        Assert.Empty(failing);
        Assert.Equal(12, passed);

        // Agreed a while ago with no check-in since: overdue, until the partner checks in.
        await using (var scope = App.Database(system.Id))
        {
            await scope.Db.Contributions.Where(c => c.Id == trustContribution)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.StatusChangedAtUtc, DateTime.UtcNow.AddDays(-45)), Ct);
        }
        (failing, passed, _) = await HealthAsync();
        Assert.Equal([HealthCheck.CheckInsOverdue], failing);
        Assert.Equal(11, passed);
        var checkIn = await trustLead.PostAsJsonAsync($"{url}/contributions/{trustContribution}/check-ins",
            new { status = "OnTrack", confidence = 7, narrative = "Eight nurses in post" }, Ct);
        Assert.True(checkIn.IsSuccessStatusCode, await checkIn.Content.ReadAsStringAsync(Ct));
        (failing, passed, _) = await HealthAsync();
        Assert.Empty(failing);
        Assert.Equal(12, passed);
    }

    private static (string Check, string State)[] PendingChecks(JsonNode goal) =>
        [.. goal["results"]!.AsArray().Where(r => r!["state"]!.GetValue<string>() != "Passed" && r!["state"]!.GetValue<string>() != "Failed")
            .Select(r => (r!["check"]!.GetValue<string>(), r!["state"]!.GetValue<string>()))];

    /// <summary>
    /// The issue's case: a partner's proposal lowered the goal's score. Now it holds "Is shared" pending agreement, shown
    /// as such by the health check's API and page and by the strategy document's page, JSON and Markdown.
    /// </summary>
    [Fact]
    public async Task AProposedContribution_IsPendingAgreement_InTheApiPagesAndStrategyDocument_AndNeverLowersTheScore()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (trustContribution, _) = await ContributionApi.CommitAsync(await ApiClient.ForAsync(App, system.TrustLead), system, goalId, system.TrustId);
        Assert.Equal(HttpStatusCode.OK, (await ContributionApi.PostWithVersionAsync(convenor, system, trustContribution, "acceptance", new { decision = "Frailty board" })).StatusCode);
        async Task<JsonNode> GoalHealthAsync() => (await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync())["goals"]!.AsArray()
            .Single(g => g!["goalId"]!.GetValue<string>() == goalId.ToString())!;

        var before = await GoalHealthAsync();
        var (councilContribution, proposed) = await ContributionApi.CommitAsync(await ApiClient.ForAsync(App, system.CouncilLead), system, goalId, system.CouncilId);
        Assert.True(proposed.IsSuccessStatusCode);
        var after = await GoalHealthAsync();
        var pages = await PageClient.SignedInAsync(App, system.Viewer);
        var healthPage = await pages.GetAsync($"/systems/{system.Id}/strategy/health");
        var documentPage = await pages.GetAsync($"/systems/{system.Id}/strategy");
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);
        var document = await (await convenor.GetAsync($"{url}/strategy/document", Ct)).JsonAsync();

        Assert.Equal("Failed", before["results"]!.AsArray().Single(r => r!["check"]!.GetValue<string>() == HealthCheck.NotShared)!["state"]!.GetValue<string>());
        Assert.Equal([(HealthCheck.NotShared, "PendingAgreement")], PendingChecks(after));
        Assert.True(after["checksPassed"]!.GetValue<int>() >= before["checksPassed"]!.GetValue<int>());
        Assert.Equal((0, 1, 12), (before["checksPendingAgreement"]!.GetValue<int>(), after["checksPendingAgreement"]!.GetValue<int>(), after["checks"]!.GetValue<int>()));
        var pending = after["findings"]!.AsArray().Single(f => f!["state"]!.GetValue<string>() == "PendingAgreement")!;
        Assert.Equal(HealthCheck.NotShared, pending["check"]!.GetValue<string>());
        Assert.Equal($"/contributions/{councilContribution}", pending["fixPath"]!.GetValue<string>());
        Assert.DoesNotContain(after["findings"]!.AsArray(), f => f!["check"]!.GetValue<string>() == HealthCheck.NotShared && f!["state"]!.GetValue<string>() == "Failed");

        var summary = $"{after["checksPassed"]!.GetValue<int>()} of 12 checks pass, 1 pending agreement";
        Assert.Contains(summary, healthPage.Text($"#goal-{goalId} .concordat-health-summary"));
        Assert.Contains("Is shared by more than one partner: pending agreement", healthPage.Text($"#goal-{goalId} .concordat-finding--pending"));
        Assert.DoesNotContain("Is shared", string.Concat(healthPage.Document.QuerySelectorAll($"#goal-{goalId} .concordat-finding--failed").Select(e => e.TextContent)));
        Assert.Contains(summary, documentPage.Text($"#goal-{goalId}"));
        Assert.Contains($"- Health check: {summary}", markdown, StringComparison.Ordinal);
        Assert.Equal(1, document["goals"]![0]!["checksPendingAgreement"]!.GetValue<int>());
    }
}

public sealed class HealthCheckRulesSqliteTests(SqliteApp app) : HealthCheckRulesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class HealthCheckRulesPostgresTests(PostgresApp app) : HealthCheckRulesTests(app, DatabaseKind.Postgres);

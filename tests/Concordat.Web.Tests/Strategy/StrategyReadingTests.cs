using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.HealthChecks;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Strategy;

/// <summary>How a measure's SPC reading is shown wherever the strategy shows it.</summary>
public abstract class StrategyReadingTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>
    /// Eight months, each higher than the last, for a measure where lower is better: a trend, so special cause concern,
    /// on fewer points than Making Data Count needs (13) for reliable limits.
    /// </summary>
    private static readonly string RisingForEightMonths =
        "period,value\n" + string.Concat(Enumerable.Range(0, 8).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(i - 8):yyyy-MM-dd},{100 + (3 * i)}\n")));

    [Fact]
    public async Task AShortSeries_IsProvisional_AsTheMeasureApiSays_OnTheStrategyPageMarkdownJsonPublicViewAndHealthCheck()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}";
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        var created = await trustLead.PostAsJsonAsync($"{url}/measures", new
        {
            name = "Falls admissions", definition = "Emergency admissions for falls", unit = "admissions", format = "Count", frequency = "Monthly",
            improvement = "Decrease", target = 90, ownerOrganisationId = system.TrustId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var measureUrl = created.Headers.Location!.ToString();
        Assert.True((await trustLead.PostAsync($"{measureUrl}/imports", new StringContent(RisingForEightMonths, Encoding.UTF8, "text/csv"), Ct)).IsSuccessStatusCode);
        Assert.True((await convenor.PostAsync($"{url}/goals/{goalId}/measures/{measureUrl.Split('/')[^1]}", null, Ct)).IsSuccessStatusCode);
        Assert.True((await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "Approved by the ICP on 12 March" }, Ct)).IsSuccessStatusCode);
        Assert.True((await convenor.PutAsJsonAsync($"{url}/strategy/public", new { isPublic = true }, Ct)).IsSuccessStatusCode);
        var pages = await PageClient.SignedInAsync(App, system.Viewer);
        var anonymous = App.CreateClient();

        var measure = await (await trustLead.GetAsync(measureUrl, Ct)).JsonAsync();
        var listed = (await (await trustLead.GetAsync($"{url}/measures", Ct)).JsonAsync()).AsArray().Single()!;
        var document = await (await convenor.GetAsync($"{url}/strategy/document", Ct)).JsonAsync();
        var strategyPage = await pages.GetAsync($"/systems/{system.Id}/strategy");
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);
        var publicPage = await new PageClient(anonymous).GetAsync($"/public/strategy/{system.Id}");
        var publicMarkdown = await anonymous.GetStringAsync($"/public/strategy/{system.Id}/markdown", Ct);
        var health = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
        var healthPage = await pages.GetAsync($"/systems/{system.Id}/strategy/health");

        // The measure API's own word, the rule every other place reuses.
        Assert.Contains("provisional", measure["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(listed["isProvisional"]!.GetValue<bool>());
        var documented = document["goals"]![0]!["measures"]![0]!;
        Assert.Equal("concern_high", documented["variationIcon"]!.GetValue<string>());
        Assert.True(documented["isProvisional"]!.GetValue<bool>());
        const string Reading = "Special cause concern (high values) (provisional: fewer than 13 points)";
        Assert.Equal(Reading, documented["reading"]!.GetValue<string>());
        Assert.Contains(Reading, strategyPage.Text($"#goal-{goalId}"));
        Assert.Contains(Reading, markdown, StringComparison.Ordinal);
        Assert.Contains(Reading, publicPage.Text("main"));
        Assert.Contains(Reading, publicMarkdown, StringComparison.Ordinal);
        var concern = health["goals"]![0]!["findings"]!.AsArray().Single(f => f!["check"]!.GetValue<string>() == HealthCheck.UnaddressedConcern)!;
        Assert.Contains("shows special cause concern (provisional: fewer than 13 points)", concern["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("shows special cause concern (provisional: fewer than 13 points)", healthPage.Text($"#goal-{goalId}"));
    }
}

public sealed class StrategyReadingSqliteTests(SqliteApp app) : StrategyReadingTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class StrategyReadingPostgresTests(PostgresApp app) : StrategyReadingTests(app, DatabaseKind.Postgres);

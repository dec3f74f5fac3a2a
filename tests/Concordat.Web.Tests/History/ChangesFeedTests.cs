using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Concordat.Core.History;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.History;

public abstract class ChangesFeedTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task AddEventAsync(TestSystem system, string name, DateTime atUtc)
    {
        await using var scope = App.Database(system.Id);
        scope.Db.AuditEvents.Add(new AuditEvent
        {
            SystemId = system.Id, OccurredAtUtc = atUtc, ActorName = "Cara Convenor", ActingForOrganisationName = "Test ICB",
            Action = "OrganisationAdded", EntityType = "Organisation", EntityId = Guid.NewGuid(), EntityName = name,
            AfterJson = """{"Name":"x"}""",
        });
        await scope.Db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Feed_FilteredByDate_ShowsOnlyThatPeriodNewestFirst()
    {
        var system = await App.CreateSystemAsync();
        await AddEventAsync(system, "October partner", new DateTime(2026, 10, 31, 23, 59, 0, DateTimeKind.Utc));
        await AddEventAsync(system, "Early November partner", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        await AddEventAsync(system, "Late November partner", new DateTime(2026, 11, 30, 23, 0, 0, DateTimeKind.Utc));
        await AddEventAsync(system, "December partner", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await client.GetAsync($"/systems/{system.Id}/changes?from=2026-11-01&to=2026-11-30");
        var typed = await (await client.GetAsync($"/systems/{system.Id}/changes")).SubmitGetAsync("main form", new()
        {
            ["From"] = new DateOnly(2026, 11, 1), ["To"] = new DateOnly(2026, 11, 30),
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var items = page.Document.QuerySelectorAll("main ol.nhsuk-list > li strong").Select(e => e.TextContent).ToList();
        Assert.Equal(["Late November partner added as a partner", "Early November partner added as a partner"], items);
        Assert.Equal(items, typed.Document.QuerySelectorAll("main ol.nhsuk-list > li strong").Select(e => e.TextContent));
        Assert.Equal(["1", "11", "2026", "30", "11", "2026"], typed.Document.QuerySelectorAll(".nhsuk-date-input input").Select(i => i.GetAttribute("value")));
        Assert.Contains("Cara Convenor for Test ICB", page.Text("main ol.nhsuk-list"));
    }

    [Fact]
    public async Task Feed_BadDates_AreExplained_WithNoListBesideTheError()
    {
        var system = await App.CreateSystemAsync();
        await AddEventAsync(system, "A partner of any date", DateTime.UtcNow);
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var notADate = await client.GetAsync($"/systems/{system.Id}/changes?from=31-02-2026");
        var notADay = await client.GetAsync($"/systems/{system.Id}/changes?From.Day=31&From.Month=2&From.Year=2026&To.Day=&To.Month=&To.Year=");
        var backwards = await client.GetAsync($"/systems/{system.Id}/changes?from=2026-11-02&to=2026-11-01");

        var farFuture = await client.GetAsync($"/systems/{system.Id}/changes?to=9999-12-31&p=2147483647");
        Assert.Equal(HttpStatusCode.OK, farFuture.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notADate.Status);
        Assert.Equal(["From must be a real date"], notADate.ErrorSummary);
        Assert.Equal(["From must be a real date"], notADay.ErrorSummary);
        Assert.Equal("#From-day", notADay.Document.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(["31", "2", "2026"], notADay.Document.QuerySelectorAll("#From input").Select(i => i.GetAttribute("value")));
        Assert.Contains("From must be a real date", notADay.Text("#From-error"), StringComparison.Ordinal);
        Assert.Equal(["To must be the same as or after From"], backwards.ErrorSummary);
        Assert.All(new[] { notADate, notADay, backwards }, page =>
        {
            Assert.DoesNotContain("A partner of any date", page.Html, StringComparison.Ordinal);
            Assert.Empty(page.Document.QuerySelectorAll("main ol.nhsuk-list > li"));
        });
    }

    [Fact]
    public async Task Feed_SaysYesOrNoAndNamesChoicesAndDatesInWords()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var driver = await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Care closer to home" }, Ct);
        var driverId = (await driver.JsonAsync())["id"]!.GetValue<string>();
        var secondary = await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers",
            new { level = "Secondary", title = "Step-up referrals", primaryDriverIds = new[] { driverId } }, Ct);
        var secondaryId = (await secondary.JsonAsync())["id"]!.GetValue<string>();
        var idea = await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/change-ideas", new
        {
            title = "Recall payment", secondaryDriverIds = new[] { secondaryId }, functions = "EnvironmentalRestructuring", levers = "FiscalMeasures, ServiceProvision",
        }, Ct);
        await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "First" }, Ct);
        var madePublic = await convenor.PutAsJsonAsync($"{url}/strategy/public", new { isPublic = true }, Ct);
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await client.GetAsync($"/systems/{system.Id}/changes");

        Assert.Equal(HttpStatusCode.Created, idea.StatusCode);
        Assert.Equal(HttpStatusCode.OK, madePublic.StatusCode);
        var text = Regex.Replace(page.Text("main ol.nhsuk-list"), @"\s+", " ");
        Assert.Contains("Public: was No → now Yes", text);
        Assert.Contains("Policy levers: now Fiscal measures, service provision", text);
        Assert.Contains("Intervention functions: now Environmental restructuring", text);
        Assert.Contains("Status: now Draft", text);
        Assert.DoesNotMatch(@"\b(True|False)\b|\b\d{4}-\d{2}-\d{2}\b|\b[A-Z][a-z]+[A-Z]", text);
    }

    [Fact]
    public async Task Feed_ShowsOnlyThisSystemsChanges()
    {
        var mine = await App.CreateSystemAsync();
        var theirs = await App.CreateSystemAsync();
        await AddEventAsync(theirs, "Their secret partner", DateTime.UtcNow);
        await AddEventAsync(mine, "Our partner", DateTime.UtcNow);
        var client = await PageClient.SignedInAsync(App, mine.Viewer);

        var page = await client.GetAsync($"/systems/{mine.Id}/changes");

        Assert.Contains("Our partner", page.Html);
        Assert.DoesNotContain("Their secret partner", page.Html);
    }
}

public sealed class ChangesFeedSqliteTests(SqliteApp app) : ChangesFeedTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ChangesFeedPostgresTests(PostgresApp app) : ChangesFeedTests(app, DatabaseKind.Postgres);

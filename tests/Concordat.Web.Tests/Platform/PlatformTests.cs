using System.Net;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Platform;

public abstract class PlatformTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Model_HasNoChangesMissingAMigration()
    {
        await using var scope = App.Database();

        Assert.Equal(App.Kind == DatabaseKind.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            scope.Db.Database.ProviderName);
        Assert.False(scope.Db.Database.HasPendingModelChanges(), "The model has changes with no migration: run dotnet ef migrations add for both providers.");
        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Health_ReportsDatabaseReachable()
    {
        var response = await App.CreateClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_CarrySecurityHeadersWithNoInlineScript()
    {
        var response = await App.CreateClient().GetAsync("/sign-in", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync(Ct);
        var document = await PageClient.ParseAsync(html);
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline script: " + s.OuterHtml));
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReferenceIsAPageOfTheAppMadeFromIt()
    {
        var client = App.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        var response = await client.GetAsync("/api/reference", Ct);
        var reference = await PageClient.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        var goals = await new PageClient(client).GetAsync("/api/reference/goals-and-agreement");
        var noSuchPart = await new PageClient(client).GetAsync("/api/reference/no-such-part");

        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/v1/systems", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/systems/{systemId}/organisations", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/systems/{systemId}/organisations/{id}", paths.Select(p => p.Key));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Contains("Authorization: Bearer cc_", document["info"]!["description"]!.GetValue<string>());
        // Every placeholder in a path is declared, as OpenAPI requires, so a generated client can fill it in.
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var declared = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>());
                var placeholders = System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value);
                Assert.True(placeholders.Order().SequenceEqual(declared.Order()), $"{method} {path} declares {string.Join(", ", declared)}");
            }
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("en-GB", reference.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Concordat API reference", reference.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Authorization: Bearer cc_your_token", reference.QuerySelector("pre code")!.TextContent);
        Assert.NotNull(reference.QuerySelector("a[href='/openapi/v1.json']"));
        Assert.NotNull(reference.QuerySelector(".nhsuk-breadcrumb a[href='/']"));
        Assert.NotNull(reference.QuerySelector("a[href='/api/reference/goals-and-agreement']"));
        Assert.All(reference.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline script: " + s.OuterHtml));
        Assert.Equal(HttpStatusCode.OK, goals.Status);
        Assert.Equal("Goals and agreement", goals.Text("h1"));
        Assert.NotNull(goals.Document.QuerySelector(".nhsuk-breadcrumb a[href='/api/reference']"));
        var createGoal = goals.Document.QuerySelector("#op-post-api-v1-systems-systemid-goals")!.ParentElement!;
        Assert.Contains("Draft a goal", createGoal.TextContent);
        Assert.NotNull(createGoal.QuerySelector("a[href='#schema-GoalRequest']"));
        Assert.Equal("201", createGoal.QuerySelectorAll("table")[^1].QuerySelectorAll("tbody td")[0].TextContent.Trim());
        // The schemas the part's operations use are on its page, and those they name in turn.
        Assert.NotNull(goals.Document.QuerySelector("#schema-GoalResponse"));
        Assert.NotNull(goals.Document.QuerySelector("#schema-PlaceReference"));
        Assert.Null(goals.Document.QuerySelector("#schema-PooledFundResponse"));
        Assert.Equal(HttpStatusCode.NotFound, noSuchPart.Status);
    }

    [Fact]
    public async Task Menu_ReachesTheStrategyAndItsHealthCheck_AndMarksWhereYouAre()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var health = await client.GetAsync($"/systems/{system.Id}/strategy/health");
        var menu = health.Document.QuerySelectorAll("nav[aria-label=Menu] a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Contains("Strategy", menu);
        Assert.Contains("Health check", menu);
        Assert.Equal("Health check", health.Text("nav[aria-label=Menu] a[aria-current=page]"));
    }

    [Fact]
    public async Task NotFoundAndForbiddenPagesInASystem_KeepTheMenu_AndNameThePersonNotTheirEmail()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var missing = await client.GetAsync($"/systems/{system.Id}/goals/{Guid.NewGuid()}");
        var forbidden = await client.GetAsync($"/systems/{system.Id}/resources/new");
        var otherSystem = await client.GetAsync($"/systems/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, otherSystem.Status);
        Assert.Equal("Vic Viewer", otherSystem.Text(".nhsuk-header__account-link"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        foreach (var page in new[] { missing, forbidden })
        {
            Assert.NotNull(page.Document.QuerySelector("nav[aria-label=Menu]"));
            Assert.Equal("Vic Viewer", page.Text(".nhsuk-header__account-link"));
        }
    }

    [Fact]
    public async Task UnknownPage_Is404InTheDesignSystem()
    {
        var page = await new PageClient(App.CreateClient()).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
    }
}

public sealed class PlatformSqliteTests(SqliteApp app) : PlatformTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PlatformPostgresTests(PostgresApp app) : PlatformTests(app, DatabaseKind.Postgres);

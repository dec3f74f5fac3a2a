using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Strategy;

/// <summary>Comparing published versions, the public view, and the database's refusal to change a version.</summary>
public abstract class StrategyVersionTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const string Reworded = "By March 2029, 20% fewer emergency admissions of people aged 75 and over living with frailty.";

    private static async Task PublishAsync(HttpClient convenor, string url, string note)
    {
        var response = await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task RewordAsync(HttpClient convenor, string url, Guid goalId, object draft)
    {
        var goal = await convenor.GetAsync($"{url}/goals/{goalId}", Ct);
        var response = await convenor.PutJsonAsync($"{url}/goals/{goalId}", draft, goal.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string[] Pieces(JsonNode words, string change) =>
        [.. words.AsArray().Where(w => w!["change"]!.GetValue<string>() == change).Select(w => w!["text"]!.GetValue<string>().Trim())];

    [Fact]
    public async Task Comparison_ListsGoalsAddedAndReworded_WordByWord_AndContributionsChanged_ByApiAndPage()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}";
        var frailty = await GoalApi.DraftAsync(convenor, system, "Frailty");
        var falls = await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        await PublishAsync(convenor, url, "Approved by the ICP on 12 March");

        await RewordAsync(convenor, url, frailty, new
        {
            title = "Frailty", outcomeStatement = Reworded, population = "People aged 75 and over with moderate or severe frailty", wholeSystem = true,
            horizon = "2028-03-31", leadOrganisationId = system.TrustId, seniorResponsibleOwner = "Dr Anna Patel",
        });
        await ContributionApi.CommitAsync(trustLead, system, frailty, system.TrustId);
        var cancer = await GoalApi.DraftAsync(convenor, system, "Earlier cancer diagnosis");
        await PublishAsync(convenor, url, "After the June board");

        var oneToTwo = await (await convenor.GetAsync($"{url}/strategy/comparison?from=1&to=2", Ct)).JsonAsync();
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var sinceLatest = await viewer.GetAsync($"{url}/strategy/comparison", Ct);
        var missing = await convenor.GetAsync($"{url}/strategy/comparison?from=9", Ct);

        var goals = oneToTwo["goals"]!.AsArray();
        Assert.Equal("Version 1", oneToTwo["from"]!.GetValue<string>()[..9]);
        Assert.Equal("Added", goals.Single(g => g!["id"]!.GetValue<string>() == cancer.ToString())!["change"]!.GetValue<string>());
        Assert.DoesNotContain(goals, g => g!["id"]!.GetValue<string>() == falls.ToString());
        var changed = goals.Single(g => g!["id"]!.GetValue<string>() == frailty.ToString())!;
        var outcome = changed["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "Outcome")!["words"]!;
        Assert.Equal(["2028", "15%"], Pieces(outcome, "Removed"));
        Assert.Equal(["2029", "20%"], Pieces(outcome, "Added"));
        Assert.Contains("fewer emergency admissions of people aged 75", string.Join(" ", Pieces(outcome, "Same")), StringComparison.Ordinal);
        Assert.Equal("Westford Hospitals NHS Trust", changed["contributions"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Added", changed["contributions"]![0]!["change"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, sinceLatest.StatusCode);
        Assert.Empty((await sinceLatest.JsonAsync())["goals"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/compare?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("15%", string.Concat(page.Document.QuerySelectorAll($"#goal-{frailty} del").Select(e => e.TextContent)));
        Assert.Contains("20%", string.Concat(page.Document.QuerySelectorAll($"#goal-{frailty} ins").Select(e => e.TextContent)));
        Assert.Null(page.Document.QuerySelector($"#goal-{falls}"));
        Assert.Contains("Added", page.Text($"#goal-{cancer}"));
    }

    [Fact]
    public async Task ComparingAVersionWithToday_ShowsTheLiveChanges_AndNothingWhenNothingChanged()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var pages = await PageClient.SignedInAsync(App, system.Viewer);

        var nothingYet = await pages.GetAsync($"/systems/{system.Id}/strategy/compare");
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        await PublishAsync(convenor, url, "First");
        var unchanged = await pages.GetAsync($"/systems/{system.Id}/strategy/compare");
        await RewordAsync(convenor, url, goalId, GoalApi.Draft(system, "Fewer falls at home"));
        var changed = await pages.GetAsync($"/systems/{system.Id}/strategy/compare?from=1");

        Assert.Contains("No version has been published yet", nothingYet.Text("main"));
        Assert.Contains("compared with today", unchanged.Text("#comparison-heading"));
        Assert.NotNull(unchanged.Document.QuerySelector("#no-changes"));
        Assert.Null(changed.Document.QuerySelector("#no-changes"));
        Assert.Equal("at home", changed.Text($"#goal-{goalId} ins").Replace("[added:", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Trim());
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/compare/markdown?from=1", Ct);
        Assert.Contains("- Title: Fewer falls **at home**", markdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync($"/systems/{system.Id}/strategy/compare/markdown?from=7", Ct)).StatusCode);
    }

    [Fact]
    public async Task PublicView_ShowsOnlyTheLatestPublishedVersion_WithoutSigningIn_AndIsGoneAtOnceWhenTurnedOff()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var anonymous = App.CreateClient();
        var publicUrl = $"/public/strategy/{system.Id}";
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls");

        var beforeAnything = await anonymous.GetAsync(publicUrl, Ct);
        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutAsJsonAsync($"{url}/strategy/public", new { isPublic = true }, Ct);
        var noValue = await convenor.PutAsJsonAsync($"{url}/strategy/public", new { }, Ct);
        var turnedOn = await (await convenor.PutAsJsonAsync($"{url}/strategy/public", new { isPublic = true }, Ct)).JsonAsync();
        var publicButNothingPublished = await anonymous.GetAsync(publicUrl, Ct);
        await PublishAsync(convenor, url, "Approved by the ICP on 12 March");
        await RewordAsync(convenor, url, goalId, GoalApi.Draft(system, "Unpublished new title"));
        await GoalApi.DraftAsync(convenor, system, "A draft goal nobody has published");
        var page = await new PageClient(anonymous).GetAsync(publicUrl);
        var json = await anonymous.GetStringAsync($"{publicUrl}/json", Ct);
        var markdown = await anonymous.GetStringAsync($"{publicUrl}/markdown", Ct);
        var otherSystem = await anonymous.GetAsync($"/public/strategy/{other.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, beforeAnything.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.True(turnedOn["isPublic"]!.GetValue<bool>());
        Assert.EndsWith(publicUrl, turnedOn["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicButNothingPublished.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Approved by the ICP on 12 March", page.Text("#version-note"));
        Assert.Contains("Fewer falls", page.Text("main"));
        Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
        foreach (var text in new[] { page.Html, json, markdown })
        {
            Assert.DoesNotContain("Unpublished new title", text, StringComparison.Ordinal);
            Assert.DoesNotContain("A draft goal nobody has published", text, StringComparison.Ordinal);
            Assert.DoesNotContain(system.Convenor.Name, text, StringComparison.Ordinal);
        }
        Assert.Contains("## Fewer falls", markdown, StringComparison.Ordinal);
        Assert.Equal("Fewer falls", JsonNode.Parse(json)!["goals"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, otherSystem.StatusCode);

        await PublishAsync(convenor, url, "After the June board");
        var second = await new PageClient(anonymous).GetAsync(publicUrl);
        Assert.Contains("Unpublished new title", second.Text("main"));
        Assert.Contains("After the June board", second.Text("#version-note"));

        var versionsPage = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/strategy/versions");
        var off = await versionsPage.SubmitAsync("form[action*=Public]", []);
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{publicUrl}/json", Ct)).StatusCode);
        Assert.False((await (await convenor.GetAsync($"{url}/strategy/public", Ct)).JsonAsync())["isPublic"]!.GetValue<bool>());
        var history = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/changes");
        Assert.Contains("no longer public", history.Text("main"));
    }

    [Fact]
    public async Task MarkdownDownloads_ShowPeoplesHtmlAsText_AndMakingTheStrategyPublicOrNot_IsAudited()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        await GoalApi.DraftAsync(convenor, system, "<script>alert(1)</script>");
        await GoalApi.DraftAsync(convenor, system, "<img src=x onerror=alert(1)>");
        await PublishAsync(convenor, url, "Approved by the ICP <b>today</b>");
        (await convenor.PutAsJsonAsync($"{url}/strategy/public", new { isPublic = true }, Ct)).EnsureSuccessStatusCode();
        var pages = await PageClient.SignedInAsync(App, system.Viewer);

        var downloads = new[]
        {
            await App.CreateClient().GetStringAsync($"/public/strategy/{system.Id}/markdown", Ct),
            await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct),
            await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/compare/markdown?from=1", Ct),
        };
        (await convenor.PutAsJsonAsync($"{url}/strategy/public", new { isPublic = false }, Ct)).EnsureSuccessStatusCode();

        foreach (var markdown in downloads.Take(2))
        {
            Assert.Contains("## &lt;script&gt;alert(1)&lt;/script&gt;", markdown, StringComparison.Ordinal);
            Assert.Contains("## &lt;img src=x onerror=alert(1)&gt;", markdown, StringComparison.Ordinal);
        }
        Assert.All(downloads, markdown => Assert.DoesNotContain("<", markdown, StringComparison.Ordinal));
        await using var scope = App.Database(system.Id);
        var audited = await scope.Db.AuditEvents.Where(e => e.Action.StartsWith("StrategyMade")).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.ActorPersonId }).ToListAsync(Ct);
        Assert.Equal(["StrategyMadePublic", "StrategyMadePrivate"], audited.Select(a => a.Action));
        Assert.All(audited, a => Assert.Equal(system.Convenor.Id, a.ActorPersonId));
    }

    [Fact]
    public async Task ThePublicationRecord_IsRefusedByTheDatabaseItself_ForBulkUpdatesDeletesAndRawSql()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        await PublishAsync(convenor, $"/api/v1/systems/{system.Id}", "Approved by the ICP on 12 March");
        await using var scope = App.Database(system.Id);

        async Task Refused(Func<Task> write) =>
            Assert.Contains("A published strategy version cannot be changed or removed", (await Assert.ThrowsAnyAsync<Exception>(write)).ToString(), StringComparison.Ordinal);
        await Refused(() => scope.Db.StrategyVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Note, "Rewritten"), Ct));
        await Refused(() => scope.Db.StrategyVersions.ExecuteDeleteAsync(Ct));
        await Refused(() => scope.Db.Database.ExecuteSqlRawAsync("UPDATE \"StrategyVersions\" SET \"Note\" = 'Rewritten'", Ct));
        if (App.Kind == DatabaseKind.Postgres)
        {
            await Refused(() => scope.Db.Database.ExecuteSqlRawAsync("TRUNCATE \"StrategyVersions\"", Ct));
        }

        var stored = await scope.Db.StrategyVersions.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("Approved by the ICP on 12 March", stored.Note);
        Assert.Equal("Fewer falls", stored.Document().Goals.Single().Title);
    }
}

public sealed class StrategyVersionSqliteTests(SqliteApp app) : StrategyVersionTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class StrategyVersionPostgresTests(PostgresApp app) : StrategyVersionTests(app, DatabaseKind.Postgres);

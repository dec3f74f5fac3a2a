using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Contributions;
using Microsoft.EntityFrameworkCore;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Partnerships;

public abstract class HomePageTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task ALeadsHome_ListsThePositionsTheirOrganisationOwes_WithTheClosingDate_UntilTheyAreRecorded()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);
        var trustHome = await PageClient.SignedInAsync(App, system.TrustLead);
        var viewerHome = await PageClient.SignedInAsync(App, system.Viewer);

        var before = await trustHome.GetAsync($"/systems/{system.Id}");
        var viewer = await viewerHome.GetAsync($"/systems/{system.Id}");
        await GoalApi.PositionAsync(await ApiClient.ForAsync(App, system.TrustLead), system, roundId, system.TrustId, "Consent");
        var after = await trustHome.GetAsync($"/systems/{system.Id}");

        var owed = before.Document.QuerySelectorAll("#waiting-list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Record Westford Hospitals NHS Trust's position on Fewer emergency admissions of frail older people"], owed);
        Assert.Contains($"/rounds/{roundId}/position", before.Document.QuerySelector("#waiting-list a")!.GetAttribute("href"));
        Assert.StartsWith("The round closes on ", before.Text("#waiting-list .nhsuk-body-s"));
        Assert.Null(viewer.Document.QuerySelector("#waiting"));
        Assert.Null(after.Document.QuerySelector("#waiting"));
    }

    [Fact]
    public async Task Home_ListsCheckInsDueAndToAcknowledge_AndDataOutOfDate_ForThePeopleWhoseMoveItIs_UntilTheyAct()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilContributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var (contributionId, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        Assert.Equal(HttpStatusCode.OK, (await ContributionApi.PostWithVersionAsync(convenor, system, contributionId, "acceptance", new { decision = "Frailty board" })).StatusCode);
        var measure = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Reablement within a day", definition = "People starting reablement within 24 hours of discharge", unit = "people", format = "Count",
            frequency = "Monthly", improvement = "Increase", ownerOrganisationId = system.CouncilId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, measure.StatusCode);
        // Agreed forty days ago with no check-in since: past the 31-day cadence.
        await using (var scope = App.Database(system.Id))
        {
            await scope.Db.Contributions.Where(c => c.Id == contributionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StatusChangedAtUtc, DateTime.UtcNow.AddDays(-40)), Ct);
        }
        async Task<string[]> Waiting(TestPerson person) =>
            [.. (await (await PageClient.SignedInAsync(App, person)).GetAsync($"/systems/{system.Id}")).Document.QuerySelectorAll("#waiting-list li")
                .Select(li => string.Join(" | ", li.Children.Where(c => c.TagName is "A" or "SPAN").Select(c => c.TextContent.Trim())))];

        var contributorBefore = await Waiting(system.CouncilContributor);
        var trustBefore = await Waiting(system.TrustLead);
        Assert.Contains(contributorBefore, w => w.StartsWith("Check in on Westford Council's contribution to Fewer emergency admissions of frail older people | Overdue since ", StringComparison.Ordinal));
        Assert.Contains("Add data to Reablement within a day | Westford Council has no data on it yet", contributorBefore);
        Assert.Empty(trustBefore);

        var checkIn = await councilContributor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}/check-ins",
            new { status = "OnTrack", confidence = 7, narrative = "Reablement hours retained" }, Ct);
        Assert.True(checkIn.IsSuccessStatusCode, await checkIn.Content.ReadAsStringAsync(Ct));
        var contributorAfter = await Waiting(system.CouncilContributor);
        var goalLead = await Waiting(system.TrustLead);
        var viewer = await Waiting(system.Viewer);
        Assert.DoesNotContain(contributorAfter, w => w.StartsWith("Check in", StringComparison.Ordinal));
        Assert.Equal(["Acknowledge Westford Council's check-in on Fewer emergency admissions of frail older people | Posted by Cleo Contributor on " +
            Concordat.Core.Words.Prose.Date(DateTime.UtcNow)], goalLead);
        Assert.Empty(viewer);

        var checkInId = (await checkIn.JsonAsync())["id"]!.GetValue<string>();
        Assert.True((await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsync($"/api/v1/systems/{system.Id}/check-ins/{checkInId}/acknowledgement", null, Ct)).IsSuccessStatusCode);
        Assert.Empty(await Waiting(system.TrustLead));
        var api = await (await councilContributor.GetAsync($"/api/v1/systems/{system.Id}/me/waiting", Ct)).JsonAsync();
        Assert.Equal(["Data"], api.AsArray().Select(i => i!["kind"]!.GetValue<string>()));
        Assert.EndsWith($"/systems/{system.Id}/measures/{measure.Headers.Location!.ToString().Split('/')[^1]}", api[0]!["href"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_SaysWhatOthersChangedSinceTheLastVisit_NotOnesOwnChanges_AndAReloadKeepsTheList()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await PageClient.SignedInAsync(App, system.TrustLead);
        var home = $"/systems/{system.Id}";

        var first = await trustLead.GetAsync(home);
        Assert.Null(first.Document.QuerySelector("#since-last-visit"));
        // The visit ended two hours ago; since then the lead drafted a goal, and so did the convenor.
        await using (var scope = App.Database(system.Id))
        {
            await scope.Db.Visits.Where(v => v.PersonId == system.TrustLead.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.SeenAtUtc, DateTime.UtcNow.AddHours(-2)), Ct);
        }
        await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.TrustLead), system, "Our own goal");
        await GoalApi.DraftAsync(convenor, system, "The convenor's goal");

        var next = await trustLead.GetAsync(home);
        var reload = await trustLead.GetAsync(home);

        foreach (var page in new[] { next, reload })
        {
            Assert.StartsWith("1 change by others since ", page.Text("#since-last-visit + p"), StringComparison.Ordinal);
            var listed = page.Document.QuerySelector("#since-last-visit")!.ParentElement!.TextContent;
            Assert.Contains("The convenor's goal", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("Our own goal", listed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Home_GroupsWhatWaitsToDoAndToReview_AndListsWhatTheOrganisationWaitsOnOthersFor_UntilTheyAnswer()
    {
        var system = await App.CreateSystemAsync();
        var url = $"/api/v1/systems/{system.Id}";
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var stream = await convenor.PostAsJsonAsync($"{url}/workstreams",
            new { name = "Flow", purpose = "Keep people moving", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        async Task<(Guid Id, string ETag)> ItemAsync(HttpClient client, Guid owner, string title, string due)
        {
            var created = await client.PostAsJsonAsync($"{url}/work-items", new { title, workstreamId = streamId, ownerOrganisationId = owner, dueOn = due }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return ((await created.JsonAsync())["item"]!["id"]!.GetValue<Guid>(), created.Headers.ETag!.ToString());
        }
        var (unit, unitETag) = await ItemAsync(trust, system.TrustId, "Weekend discharge unit", "2027-03-01");
        var (packages, _) = await ItemAsync(council, system.CouncilId, "Care packages at weekends", "2027-02-01");
        var asked = await trust.PostAsJsonAsync($"{url}/dependencies", new { consumerItemId = unit, producerItemId = packages }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trust.PostJsonAsync($"{url}/work-items/{unit}/moves",
            new { status = "Blocked", blockedReason = "No packages at weekends", blockedOnOrganisationId = system.CouncilId }, unitETag)).StatusCode);

        async Task<Dictionary<string, string[]>> GroupsAsync(TestPerson person)
        {
            var page = await (await PageClient.SignedInAsync(App, person)).GetAsync($"/systems/{system.Id}");
            return page.Document.QuerySelectorAll("ul[aria-labelledby^='waiting-']").ToDictionary(
                ul => page.Document.GetElementById(ul.GetAttribute("aria-labelledby")!)!.TextContent.Trim(),
                ul => ul.QuerySelectorAll("li").Select(li => string.Join(" | ", li.QuerySelectorAll("a, span").Select(e => e.TextContent.Trim()))).ToArray());
        }
        var trustSees = await GroupsAsync(system.TrustLead);
        var councilSees = await GroupsAsync(system.CouncilLead);
        var count = await (await PageClient.SignedInAsync(App, system.CouncilLead)).Http.GetFromJsonAsync<Dictionary<string, int>>(
            $"/systems/{system.Id}?handler=WaitingCount", Ct);
        var councilApi = await (await council.GetAsync($"{url}/me/waiting", Ct)).JsonAsync();

        Assert.Equal(["Waiting on others"], trustSees.Keys);
        Assert.Equal([
            "Westford Council has not yet answered Westford Hospitals NHS Trust's request for Care packages at weekends | Needed for Weekend discharge unit; asked on " +
                $"{Core.Words.Prose.Date(DateTime.UtcNow)} | Due by 1 March 2027",
            "Westford Hospitals NHS Trust's Weekend discharge unit is waiting on Westford Council | Blocked since " +
                $"{Core.Words.Prose.Date(DateTime.UtcNow)} | Due by 1 March 2027",
        ], trustSees["Waiting on others"]);
        Assert.Equal(["To do", "To review"], councilSees.Keys);
        Assert.StartsWith("Westford Hospitals NHS Trust's Weekend discharge unit is blocked on Westford Council", Assert.Single(councilSees["To do"]), StringComparison.Ordinal);
        Assert.StartsWith("Westford Hospitals NHS Trust needs Care packages at weekends for Weekend discharge unit", Assert.Single(councilSees["To review"]),
            StringComparison.Ordinal);
        Assert.Equal(2, count!["count"]);
        Assert.Equal([("ToDo", "BlockedOnYou"), ("ToReview", "DependencyRequest")],
            councilApi.AsArray().Select(i => (i!["group"]!.GetValue<string>(), i["kind"]!.GetValue<string>())));

        // The council answers: the request leaves both lists; the blocked item stays on both until the trust moves it.
        var dependency = await asked.JsonAsync();
        var declined = await council.PostJsonAsync($"{url}/dependencies/{dependency["id"]}/decline", new { reason = "No weekend brokerage this winter" },
            asked.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(["Westford Hospitals NHS Trust's Weekend discharge unit is waiting on Westford Council"],
            (await GroupsAsync(system.TrustLead))["Waiting on others"].Select(w => w.Split(" | ")[0]));
        Assert.Equal(["To do"], (await GroupsAsync(system.CouncilLead)).Keys);
    }
}

public sealed class HomePageSqliteTests(SqliteApp app) : HomePageTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class HomePagePostgresTests(PostgresApp app) : HomePageTests(app, DatabaseKind.Postgres);

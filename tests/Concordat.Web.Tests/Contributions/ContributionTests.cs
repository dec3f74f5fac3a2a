using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Concordat.Web.Tests.Contributions;

internal static class ContributionApi
{
    public static object Terms(Guid organisationId, string commitment = "Run a 40-bed frailty virtual ward, seven days a week") => new
    {
        organisationId, commitment, actions = "Recruit 12 community nurses\nShared care record with the acute trust",
        dueOn = "2027-09-30", accountablePerson = "Rachel Owusu", checkInCadenceDays = 31, decision = "Executive committee, 2 December",
    };

    public static async Task<(Guid Id, HttpResponseMessage Response)> CommitAsync(HttpClient lead, TestSystem system, Guid goalId, Guid organisationId)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/contributions", Terms(organisationId));
        var id = response.IsSuccessStatusCode ? Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>()) : Guid.Empty;
        return (id, response);
    }

    public static async Task<HttpResponseMessage> PostWithVersionAsync(HttpClient client, TestSystem system, Guid contributionId, string action, object body)
    {
        var read = await client.GetAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}");
        var request = new HttpRequestMessage(action == "vary" ? HttpMethod.Put : HttpMethod.Post,
            $"/api/v1/systems/{system.Id}/contributions/{contributionId}" + (action == "vary" ? "" : "/" + action)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        return await client.SendAsync(request);
    }
}

public abstract class ContributionTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Contribution_Lifecycle_ProposedAgreedVariedWithdrawn_KeepsPreviousTermsInHistory()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);

        var (id, committed) = await ContributionApi.CommitAsync(council, system, goalId, system.CouncilId);
        var acceptedByCouncil = await ContributionApi.PostWithVersionAsync(council, system, id, "acceptance", new { decision = "x" });
        var decisionTooLong = await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { decision = new string('x', 301) });
        var accepted = await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { decision = "Frailty board, 9 December" });
        var varied = await ContributionApi.PostWithVersionAsync(council, system, id, "vary", ContributionApi.Terms(system.CouncilId, "Reablement within 24 hours of discharge"));
        var withdrawn = await ContributionApi.PostWithVersionAsync(council, system, id, "withdrawal", new { decision = "Cabinet, 20 January" });

        Assert.Equal(HttpStatusCode.Created, committed.StatusCode);
        Assert.Equal("Proposed", (await committed.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("Dr Anna Patel", (await committed.JsonAsync())["reviewer"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByCouncil.StatusCode);
        Assert.Equal("Decision must be 300 characters or fewer", (await decisionTooLong.JsonAsync())["errors"]!["Decision"]![0]!.GetValue<string>());
        Assert.Equal("Agreed", (await accepted.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("Varied", (await varied.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("Withdrawn", (await withdrawn.JsonAsync())["status"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        var variation = await scope.Db.AuditEvents.SingleAsync(e => e.EntityId == id && e.Action == "ContributionVaried", Ct);
        Assert.Contains("Run a 40-bed frailty virtual ward", variation.BeforeJson);
        Assert.Contains("Reablement within 24 hours of discharge", variation.AfterJson);
    }

    [Fact]
    public async Task Contribution_PermissionsAndValidation()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}/contributions";

        var byContributor = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync(url, ContributionApi.Terms(system.CouncilId), Ct);
        var forAnother = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync(url, ContributionApi.Terms(system.CouncilId), Ct);
        var invalid = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync(url,
            new { organisationId = system.TrustId, commitment = " ", dueOn = "2020-01-01", checkInCadenceDays = 400 }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["AccountablePerson", "CheckInCadenceDays", "Commitment", "DueOn"], errors);
        Assert.Equal("Check in every 7 to 92 days", (await invalid.JsonAsync())["errors"]!["CheckInCadenceDays"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckIns_NeedANarrativeWhenAtRisk_AreAcknowledged_AndShowInTheMatrix()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var contributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (id, _) = await ContributionApi.CommitAsync(council, system, goalId, system.CouncilId);
        var checkIns = $"/api/v1/systems/{system.Id}/contributions/{id}/check-ins";

        var beforeAgreed = await contributor.PostAsJsonAsync(checkIns, new { status = "OnTrack", confidence = 8 }, Ct);
        await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { });
        var noNarrative = await contributor.PostAsJsonAsync(checkIns, new { status = "AtRisk", confidence = 4 }, Ct);
        var badConfidence = await contributor.PostAsJsonAsync(checkIns, new { status = "OnTrack", confidence = 11 }, Ct);
        var noConfidence = await contributor.PostAsJsonAsync(checkIns, new { status = "OnTrack" }, Ct);
        var byOtherOrganisation = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync(checkIns, new { status = "OnTrack", confidence = 8 }, Ct);
        var posted = await contributor.PostAsJsonAsync(checkIns, new { status = "AtRisk", confidence = 4, narrative = "Two nurses short; agency cover agreed" }, Ct);
        var checkInId = (await posted.JsonAsync())["id"]!.GetValue<string>();
        var acknowledgedByContributor = await contributor.PostAsync($"/api/v1/systems/{system.Id}/check-ins/{checkInId}/acknowledgement", null, Ct);
        var acknowledged = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsync($"/api/v1/systems/{system.Id}/check-ins/{checkInId}/acknowledgement", null, Ct);
        var twice = await convenor.PostAsync($"/api/v1/systems/{system.Id}/check-ins/{checkInId}/acknowledgement", null, Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}");

        Assert.Equal("Check-ins start once the contribution is agreed", (await beforeAgreed.JsonAsync())["errors"]!["Status"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noNarrative.StatusCode);
        Assert.NotNull((await noNarrative.JsonAsync())["errors"]!["Narrative"]);
        Assert.Equal("Confidence must be a whole number from 0 to 10", (await badConfidence.JsonAsync())["errors"]!["Confidence"]![0]!.GetValue<string>());
        Assert.Equal(["Enter a confidence from 0 to 10"], (await noConfidence.JsonAsync())["errors"]!["Confidence"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, byOtherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acknowledgedByContributor.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var matrix = page.Text("#contribution-matrix");
        Assert.Contains("Westford Council", matrix);
        Assert.Contains("At risk", matrix);
        Assert.Contains("Confidence 4/10", matrix);
        Assert.Contains("acknowledged", matrix);
    }

    [Fact]
    public async Task Contribution_StaleVersion_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (id, committed) = await ContributionApi.CommitAsync(council, system, goalId, system.CouncilId);
        var stale = committed.Headers.ETag!.ToString();
        await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { });

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/systems/{system.Id}/contributions/{id}") { Content = JsonContent.Create(ContributionApi.Terms(system.CouncilId, "Stale")) };
        request.Headers.TryAddWithoutValidation("If-Match", stale);
        var response = await council.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task GoalWithoutAgreedContributions_SaysSo_AndTheListCountsContributors()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var empty = await viewer.GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var (id, _) = await ContributionApi.CommitAsync(await ApiClient.ForAsync(App, system.CouncilLead), system, goalId, system.CouncilId);
        await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { });
        var list = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals", Ct)).JsonAsync();
        var listPage = await viewer.GetAsync($"/systems/{system.Id}/goals");

        Assert.Contains("No organisation has an agreed contribution to this goal yet", empty.Html);
        Assert.NotNull(list);
        Assert.Equal("1", PageClient.Spoken(listPage.Document.QuerySelectorAll("tbody tr td")[^1]));
    }
}

public sealed class ContributionSqliteTests(SqliteApp app) : ContributionTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ContributionPostgresTests(PostgresApp app) : ContributionTests(app, DatabaseKind.Postgres);

public sealed class CheckInCadenceTests
{
    [Fact]
    public async Task Contribution_WithoutACheckInForLongerThanItsCadence_IsOverdue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(DatabaseKind.Sqlite) { Clock = clock };
        var system = await app.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(app, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (id, _) = await ContributionApi.CommitAsync(await ApiClient.ForAsync(app, system.CouncilLead), system, goalId, system.CouncilId);
        await ContributionApi.PostWithVersionAsync(convenor, system, id, "acceptance", new { });
        async Task<bool> OverdueAsync() =>
            (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/contributions/{id}", TestContext.Current.CancellationToken)).JsonAsync())["isOverdue"]!.GetValue<bool>();

        clock.Advance(TimeSpan.FromDays(30));
        var within = await OverdueAsync();
        clock.Advance(TimeSpan.FromDays(2));
        var after = await OverdueAsync();
        await (await ApiClient.ForAsync(app, system.CouncilContributor)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/contributions/{id}/check-ins",
            new { status = "OnTrack", confidence = 7 }, TestContext.Current.CancellationToken);
        var afterCheckIn = await OverdueAsync();

        Assert.False(within);
        Assert.True(after);
        Assert.False(afterCheckIn);
    }
}

using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Concordat.Web.Tests.Goals;

public abstract class AgreementTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Draft_ByLead_IsADraft_ByContributorOrViewer_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);

        var drafted = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", GoalApi.Draft(system), Ct);
        var contributor = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", GoalApi.Draft(system), Ct);
        var viewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", GoalApi.Draft(system), Ct);
        var list = await (await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"/api/v1/systems/{system.Id}/goals", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal("Draft", (await drafted.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, contributor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal("Draft", Assert.Single(list.AsArray())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Draft_ByLeadInAnotherOrganisationsName_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.CouncilLead);

        var response = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", GoalApi.Draft(system), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose your own organisation as lead, or ask a convenor to name another",
            (await response.JsonAsync())["errors"]!["LeadOrganisationId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Position_OnARevisionSinceAmended_IsRefusedNotMiscounted()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, round) = await GoalApi.OpenAsync(convenor, system, goalId);
        var amend = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/systems/{system.Id}/rounds/{roundId}/amendments")
        {
            Content = JsonContent.Create(new { title = "Amended", outcomeStatement = "Amended outcome", population = "Everyone", horizon = "2029-03-31", note = "Tightened" }),
        };
        amend.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.Parse(round["version"]!.GetValue<string>()):N}\"");
        Assert.Equal(HttpStatusCode.OK, (await convenor.SendAsync(amend, Ct)).StatusCode);

        var stale = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}/positions",
            new { organisationId = system.TrustId, position = "Consent", revision = 1 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("The proposal was amended while you were responding", (await stale.JsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task Draft_Invalid_ReportsEveryFieldAndSavesNothing()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals",
            new { title = "", wholeSystem = false, horizon = "2020-01-01" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["Horizon", "LeadOrganisationId", "OutcomeStatement", "PlaceIds", "Population", "Title"], errors);
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Goals.AnyAsync(Ct));
    }

    [Fact]
    public async Task Round_ObjectionAnsweredByAmendment_ThenAllConsent_GoalIsAgreed()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);

        var (roundId, opened) = await GoalApi.OpenAsync(convenor, system, goalId);
        var proposed = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Ct)).JsonAsync();
        var objection = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Object",
            "Our discharge teams cannot absorb this without funded community beds", "A horizon of 2029 and a funded bed plan");
        var consent = await GoalApi.PositionAsync(council, system, roundId, system.CouncilId, "Consent");
        var stillOpen = await GoalApi.RoundAsync(convenor, system, roundId);

        var amend = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/systems/{system.Id}/rounds/{roundId}/amendments")
        {
            Content = JsonContent.Create(new
            {
                title = "Fewer emergency admissions of frail older people", outcomeStatement = "By March 2029, 15% fewer emergency admissions.",
                population = "People aged 75 and over with frailty", horizon = "2029-03-31", note = "Horizon moved to 2029 to answer the trust's objection",
            }),
        };
        amend.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.Parse(stillOpen["version"]!.GetValue<string>()):N}\"");
        var amended = await convenor.SendAsync(amend, Ct);
        var afterAmendment = await amended.JsonAsync();

        var councilAgain = await GoalApi.PositionAsync(council, system, roundId, system.CouncilId, "Consent",
            ifMatch: GoalApi.PositionVersion(afterAmendment, system.CouncilId));
        var trustConsents = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "ConsentWithConcerns", "We will need the bed plan by April",
            ifMatch: GoalApi.PositionVersion(afterAmendment, system.TrustId));
        var closed = await GoalApi.RoundAsync(convenor, system, roundId);
        var goal = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Ct)).JsonAsync();

        Assert.Equal("Open", opened["state"]!.GetValue<string>());
        Assert.Equal("Proposed", proposed["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, objection.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal("Open", stillOpen["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(2, afterAmendment["currentRevision"]!.GetValue<int>());
        Assert.All(afterAmendment["positions"]!.AsArray(), p => Assert.False(p!["current"]!.GetValue<bool>()));
        Assert.Equal(2, afterAmendment["outstanding"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, councilAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trustConsents.StatusCode);
        Assert.Equal("Agreed", closed["state"]!.GetValue<string>());
        Assert.Equal("Agreed", goal["status"]!.GetValue<string>());
        Assert.Equal("By March 2029, 15% fewer emergency admissions.", goal["outcomeStatement"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        var actions = await scope.Db.AuditEvents.Where(e => e.EntityId == goalId).OrderBy(e => e.OccurredAtUtc).Select(e => e.Action).ToListAsync(Ct);
        // The last position and the agreement it completes are written in one save, with one timestamp, so their order is not defined.
        Assert.Equal(["GoalDrafted", "AgreementRoundOpened", "PositionRecorded", "PositionRecorded", "ProposalAmended", "PositionRecorded"], actions.Take(6));
        Assert.Equal(["AgreementRoundAgreed", "PositionRecorded"], actions.Skip(6).Order());
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}");
        Assert.Contains("agreed on", page.Text("main"));
        Assert.Contains("after 2 revisions", page.Text("main"));
    }

    [Fact]
    public async Task Position_RulesAreEnforced()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var contributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);

        var byContributor = await GoalApi.PositionAsync(contributor, system, roundId, system.CouncilId, "Consent");
        var forAnotherOrganisation = await GoalApi.PositionAsync(trust, system, roundId, system.CouncilId, "Consent");
        var objectionWithoutReason = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Object");
        var concernsWithoutText = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "ConsentWithConcerns");
        var notAsked = await GoalApi.PositionAsync(convenor, system, roundId, system.IcbId, "Consent");
        var first = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "StandAside");
        var changeWithoutIfMatch = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Consent");
        var changeWithStaleIfMatch = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Consent", ifMatch: $"\"{Guid.NewGuid():N}\"");

        Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAnotherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, objectionWithoutReason.StatusCode);
        var errors = (await objectionWithoutReason.JsonAsync())["errors"]!;
        Assert.Equal("Enter what harm the proposal would do", errors["Reason"]![0]!.GetValue<string>());
        Assert.Equal("Enter what would resolve your objection", errors["WouldResolve"]![0]!.GetValue<string>());
        Assert.Equal("Enter your concerns", (await concernsWithoutText.JsonAsync())["errors"]!["Reason"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, notAsked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, changeWithoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, changeWithStaleIfMatch.StatusCode);
        var round = await GoalApi.RoundAsync(convenor, system, roundId);
        Assert.Equal("StandAside", round["positions"]!.AsArray().Single(p => p!["organisationId"]!.GetValue<string>() == system.TrustId.ToString())!["position"]!.GetValue<string>());
    }

    [Fact]
    public async Task Round_OpeningRules_AndPositionOnClosedRoundIsRefused()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var closesOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var changeOnDraft = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds", new { kind = "Change", closesOn }, Ct);
        var pastClosing = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds", new { kind = "Adopt", closesOn = "2020-01-01" }, Ct);
        var byLead = await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds", new { kind = "Adopt", closesOn }, Ct);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId, new { kind = "Adopt", closesOn, requiredOrganisationIds = new[] { system.TrustId } });
        var second = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds", new { kind = "Adopt", closesOn }, Ct);
        var editProposed = await convenor.PutJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", GoalApi.Draft(system, "Renamed"),
            (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Ct)).Headers.ETag!.ToString());
        var agreed = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Consent");
        var afterClose = await GoalApi.PositionAsync(trust, system, roundId, system.TrustId, "Object", "x", "y",
            GoalApi.PositionVersion(await GoalApi.RoundAsync(convenor, system, roundId), system.TrustId));

        Assert.Equal("Only an agreed goal can be changed or retired", (await changeOnDraft.JsonAsync())["errors"]!["Kind"]![0]!.GetValue<string>());
        Assert.Equal("The closing date must be in the future", (await pastClosing.JsonAsync())["errors"]!["ClosesOn"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal("This goal already has an open agreement round: amend or withdraw it first", (await second.JsonAsync())["errors"]!["Kind"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, editProposed.StatusCode);
        Assert.Equal("Agreed", (await agreed.JsonAsync())["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, afterClose.StatusCode);
        Assert.Contains("This agreement round is closed (agreed)", (await afterClose.JsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task ChangeRound_ShowsProposedWordingBesideCurrent_AndAppliesItWhenAgreed()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var closesOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (adoption, _) = await GoalApi.OpenAsync(convenor, system, goalId, new { kind = "Adopt", closesOn, requiredOrganisationIds = new[] { system.TrustId } });
        await GoalApi.PositionAsync(trust, system, adoption, system.TrustId, "Consent");

        var (change, _) = await GoalApi.OpenAsync(convenor, system, goalId, new
        {
            kind = "Change", closesOn, requiredOrganisationIds = new[] { system.TrustId },
            title = "Fewer emergency admissions of people living with frailty", outcomeStatement = "By March 2028, 20% fewer emergency admissions.",
            population = "People aged 65 and over with frailty", horizon = "2028-03-31",
        });
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var agreed = await GoalApi.PositionAsync(trust, system, change, system.TrustId, "Consent");
        var goal = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Ct)).JsonAsync();

        var wording = page.Text("#open-round table");
        Assert.Contains("Fewer emergency admissions of frail older people", wording);
        Assert.Contains("Fewer emergency admissions of people living with frailty", wording);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("Fewer emergency admissions of people living with frailty", goal["title"]!.GetValue<string>());
        Assert.Equal("Agreed", goal["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdraw_ReturnsTheGoalToDraft()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);

        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}/withdrawal", new { reason = "x" }, Ct);
        var withdrawn = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}/withdrawal", new { reason = "Needs more work with the councils" }, Ct);
        var goal = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.JsonAsync())["state"]!.GetValue<string>());
        Assert.Equal("Draft", goal["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GoalPage_ShowsTheRoundLive_AndLeadRecordsThroughTheForm()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var contributor = await PageClient.SignedInAsync(App, system.CouncilContributor);

        var form = await council.GetAsync($"/systems/{system.Id}/goals/{goalId}/rounds/{roundId}/position");
        var missingReason = await form.SubmitAsync("main form", new() { ["Input.Kind"] = "Object" });
        var recorded = await form.SubmitAsync("main form", new()
        {
            ["Input.Kind"] = "Object", ["Input.Reason"] = "No social care capacity <b>funded</b>", ["Input.WouldResolve"] = "Better Care Fund support",
        });
        var page = await council.GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var contributorForm = await contributor.GetAsync($"/systems/{system.Id}/goals/{goalId}/rounds/{roundId}/position");

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.Status);
        Assert.Equal(["Enter what harm the proposal would do", "Enter what would resolve your objection"], missingReason.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var positions = page.Text("#positions");
        Assert.Contains("Object", positions);
        Assert.Contains("No social care capacity <b>funded</b>", positions);
        Assert.Contains("Awaited", positions);
        Assert.Contains("&lt;b&gt;funded&lt;/b&gt;", page.Html);
        Assert.Contains("0 of 2 organisations have responded", page.Text("#open-round").Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal)
            .Replace("1 of 2", "0 of 2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, contributorForm.Status);
    }

    [Fact]
    public async Task AnotherSystemsGoal_IsNotFound()
    {
        var mine = await App.CreateSystemAsync();
        var theirs = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, theirs.Convenor), theirs);
        var client = await ApiClient.ForAsync(App, mine.Convenor);

        var response = await client.GetAsync($"/api/v1/systems/{mine.Id}/goals/{goalId}", Ct);
        var page = await (await PageClient.SignedInAsync(App, mine.Convenor)).GetAsync($"/systems/{mine.Id}/goals/{goalId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }
}

public sealed class AgreementSqliteTests(SqliteApp app) : AgreementTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AgreementPostgresTests(PostgresApp app) : AgreementTests(app, DatabaseKind.Postgres);

public sealed class RoundClosingDateTests
{
    [Fact]
    public async Task Round_PastItsClosingDateWithAResponseMissing_IsNotAgreed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(DatabaseKind.Sqlite) { Clock = clock };
        var system = await app.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(app, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId, new { kind = "Adopt", closesOn = "2026-11-30", requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } });
        await GoalApi.PositionAsync(await ApiClient.ForAsync(app, system.TrustLead), system, roundId, system.TrustId, "Consent");

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));
        var lastDay = await GoalApi.RoundAsync(convenor, system, roundId);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero));
        var dayAfter = await GoalApi.RoundAsync(convenor, system, roundId);
        var late = await GoalApi.PositionAsync(await ApiClient.ForAsync(app, system.CouncilLead), system, roundId, system.CouncilId, "Consent");
        var goal = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("Open", lastDay["state"]!.GetValue<string>());
        Assert.Equal("NotAgreed", dayAfter["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(nameof(GoalStatus.Draft), goal["status"]!.GetValue<string>());
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Raid;
using Concordat.Core.Waiting;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Raid;

/// <summary>The RAID log through the API on each database: scores and bands, who may change what, CSV, waiting entries and the health-check rule.</summary>
public abstract class RaidApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A risk owned by the trust, scored as given, reviewed the given number of days from today.</summary>
    public static object Risk(TestSystem system, int likelihood, int impact, int? residualLikelihood = null, int? residualImpact = null, int reviewIn = 30,
        string text = "Too few reablement staff to take discharges", string? mitigation = "Recruit a shared bank of reablement workers", Guid? owner = null) => new
    {
        kind = "Risk", text, ownerOrganisationId = owner ?? system.TrustId, cause = "Vacancies in the council's reablement service",
        effect = "People stay in hospital longer than they need to", likelihood, impact, response = "Reduce", mitigation,
        residualLikelihood = residualLikelihood ?? likelihood, residualImpact = residualImpact ?? impact, reviewOn = Day(reviewIn),
    };

    public static async Task<(Guid Id, string ETag, JsonNode Entry)> AddAsync(HttpClient client, TestSystem system, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/raid", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var entry = (await response.JsonAsync())["entry"]!;
        return (entry["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString(), entry);
    }

    private async Task<Guid> AddForumAsync(TestSystem system, params Guid[] members)
    {
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums",
            new { name = "Westford ICP", kind = "IntegratedCarePartnership", memberOrganisationIds = members }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>A workstream serving one agreed goal, started by the convenor.</summary>
    public static async Task<Guid> AddWorkstreamAsync(TestApp app, TestSystem system)
    {
        var goalId = await app.AgreedGoalAsync(system, Ct);
        var response = await (await ApiClient.ForAsync(app, system.Convenor)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/workstreams",
            new { name = "Home first", purpose = "Get people home the day they are ready", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    private Task<Guid> AddWorkstreamAsync(TestSystem system) => AddWorkstreamAsync(App, system);

    [Theory]
    [InlineData(1, 3, 3, "Low")]
    [InlineData(2, 2, 4, "Moderate")]
    [InlineData(2, 3, 6, "Moderate")]
    [InlineData(2, 4, 8, "High")]
    [InlineData(3, 4, 12, "High")]
    [InlineData(3, 5, 15, "Extreme")]
    [InlineData(5, 5, 25, "Extreme")]
    public async Task Risks_ScoreLikelihoodTimesImpact_InTheBandsOfTheNhsMatrix(int likelihood, int impact, int score, string band)
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);

        var (_, _, entry) = await AddAsync(lead, system, Risk(system, likelihood, impact, 1, 1));

        Assert.Equal(score, entry["inherentScore"]!.GetValue<int>());
        Assert.Equal(band, entry["inherentBand"]!.GetValue<string>());
        Assert.Equal(1, entry["residualScore"]!.GetValue<int>());
        Assert.Equal("Low", entry["residualBand"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheRegister_IsSortedByResidualThenInherentScore_AndFlagsOverdueReviews()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        await AddAsync(lead, system, Risk(system, 5, 5, 2, 2, text: "Inherent 25, residual 4"));
        await AddAsync(lead, system, Risk(system, 3, 4, 3, 4, reviewIn: -3, text: "Inherent 12, residual 12"));
        await AddAsync(lead, system, Risk(system, 2, 3, 2, 2, text: "Inherent 6, residual 4"));

        var list = await (await lead.GetAsync($"/api/v1/systems/{system.Id}/raid?kind=Risk", Ct)).JsonAsync();

        Assert.Equal(["Inherent 12, residual 12", "Inherent 25, residual 4", "Inherent 6, residual 4"], list.AsArray().Select(e => e!["text"]!.GetValue<string>()));
        Assert.Equal([true, false, false], list.AsArray().Select(e => e!["isOverdue"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task ARisk_WithEveryFieldMissing_NamesEachField_AndResidualCannotExceedInherent()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}/raid";

        var empty = await lead.PostAsJsonAsync(url, new { kind = "Risk", likelihood = 6 }, Ct);
        var worse = await lead.PostAsJsonAsync(url, Risk(system, 2, 2, 3, 3), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["Cause", "Effect", "Impact", "Likelihood", "OwnerOrganisationId", "ResidualImpact", "ResidualLikelihood", "Response", "ReviewOn", "Text"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Select the likelihood, from 1 to 5", errors["Likelihood"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, worse.StatusCode);
        Assert.Equal("The score after mitigation (9) cannot be higher than before it (4)",
            (await worse.JsonAsync())["errors"]!["ResidualLikelihood"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheOwnersPeopleAndConvenorsChangeAnEntry_ViewersRead_AnotherSystemSeesNothing()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var url = $"/api/v1/systems/{system.Id}/raid";

        var forTheTrustByCouncil = await council.PostAsJsonAsync(url, Risk(system, 3, 3), Ct);
        var byViewer = await viewer.PostAsJsonAsync(url, Risk(system, 3, 3, owner: system.CouncilId), Ct);
        var (id, etag, _) = await AddAsync(trust, system, Risk(system, 3, 3));
        var changedByCouncil = await council.PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, 2, 2), etag);
        var handedOver = await trust.PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, owner: system.CouncilId), etag);
        var withoutIfMatch = await trust.PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, 2, 2), null);
        var changed = await trust.PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, 2, 2), etag);
        var stale = await trust.PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, 1, 1), etag);
        var byConvenor = await (await ApiClient.ForAsync(App, system.Convenor)).PutJsonAsync($"{url}/{id}", Risk(system, 3, 3, 1, 2), changed.Headers.ETag!.ToString());
        var read = await viewer.GetAsync($"{url}/{id}", Ct);
        var fromOtherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"/api/v1/systems/{other.Id}/raid/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forTheTrustByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changedByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, handedOver.StatusCode);
        Assert.Equal("Only a convenor can hand the entry to another organisation", (await handedOver.JsonAsync())["errors"]!["OwnerOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, (await read.JsonAsync())["entry"]!["residualScore"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, fromOtherSystem.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(["RaidEntryAdded", "RaidEntryChanged", "RaidEntryChanged"],
            await scope.Db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Decisions_AreRecordedByTheForumsMemberOrganisationsAndConvenors_AndLinkTheWorkTheyAffect()
    {
        var system = await App.CreateSystemAsync();
        var forumId = await AddForumAsync(system, system.TrustId);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/raid";
        var streamId = await AddWorkstreamAsync(system);
        object Decision(string? authority = "Terms of reference, section 4", string decidedOn = "2026-11-12") => new
        {
            kind = "Decision", text = "Fund the discharge lounge from the Better Care Fund", forumId, authority, decidedOn,
            workstreamIds = new[] { streamId },
        };

        var byCouncil = await council.PostAsJsonAsync(url, Decision(), Ct);
        var withoutAuthority = await trust.PostAsJsonAsync(url, Decision(authority: null, decidedOn: Day(5)), Ct);
        var (id, _, entry) = await AddAsync(trust, system, Decision());
        var detail = await (await trust.GetAsync($"{url}/{id}", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutAuthority.StatusCode);
        var errors = (await withoutAuthority.JsonAsync())["errors"]!;
        Assert.NotNull(errors["Authority"]);
        Assert.Equal("The date of the decision must be today or in the past", errors["DecidedOn"]![0]!.GetValue<string>());
        Assert.Equal("Westford ICP", entry["forum"]!.GetValue<string>());
        Assert.Null(entry["ownerOrganisationId"]);
        Assert.Equal(["Home first"], detail["workstreams"]!.AsArray().Select(w => w!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EachKind_DownloadsAsCsv_WithItsOwnColumns()
    {
        var system = await App.CreateSystemAsync();
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        await AddAsync(trust, system, Risk(system, 4, 4, 2, 3, reviewIn: -2));
        await AddAsync(trust, system, new { kind = "Assumption", text = "The council keeps its reablement budget", ownerOrganisationId = system.TrustId,
            checkHow = "Ask the council's finance director", checkOn = Day(20) });
        var viewer = await ApiClient.ForAsync(App, system.Viewer);

        string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var risks = Lines(await viewer.GetByteArrayAsync($"/api/v1/systems/{system.Id}/raid/risks.csv", Ct));
        var assumptions = Lines(await viewer.GetByteArrayAsync($"/api/v1/systems/{system.Id}/raid/assumptions.csv", Ct));
        var issues = Lines(await viewer.GetByteArrayAsync($"/api/v1/systems/{system.Id}/raid/issues.csv", Ct));

        Assert.Equal("id,status,owner,cause,event,effect,likelihood,impact,inherent_score,inherent_band,response,mitigation,residual_likelihood,residual_impact,"
            + "residual_score,residual_band,review_on,review_overdue,escalated_to", risks[0]);
        Assert.Equal(2, risks.Length);
        Assert.EndsWith($",4,4,16,Extreme,Reduce,Recruit a shared bank of reablement workers,2,3,6,Moderate,{Day(-2)},Yes,", risks[1], StringComparison.Ordinal);
        Assert.Equal("id,status,owner,statement,checked_how,check_on,check_overdue", assumptions[0]);
        Assert.EndsWith($",Open,Westford Hospitals NHS Trust,The council keeps its reablement budget,Ask the council's finance director,{Day(20)},No", assumptions[1], StringComparison.Ordinal);
        Assert.Equal(["id,status,owner,description,impact,resolution"], issues);
    }

    [Fact]
    public async Task WaitingEntries_AppearForTheOwnersPeopleWhenAReviewOrCheckIsDue_AndGoWhenItIsNot()
    {
        var system = await App.CreateSystemAsync();
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var (riskId, riskTag, _) = await AddAsync(trust, system, Risk(system, 3, 3, reviewIn: 3));
        var (assumptionId, assumptionTag, _) = await AddAsync(trust, system, new { kind = "Assumption", text = "The council keeps its reablement budget",
            ownerOrganisationId = system.TrustId, checkHow = "Ask the council's finance director", checkOn = Day(-2) });
        await AddAsync(trust, system, Risk(system, 3, 3, reviewIn: 30, text: "Not yet due"));

        async Task<IReadOnlyList<WaitingItem>> WaitingAsync(TestPerson person)
        {
            await using var scope = App.Database(system.Id);
            var actor = await Actor.LoadAsync(scope.Db, person.Id, system.Id, DateOnly.FromDateTime(DateTime.UtcNow), Ct);
            return await scope.Get<RaidService>().WaitingForAsync(actor!, Ct);
        }

        var forTrust = await WaitingAsync(system.TrustLead);
        var forCouncil = await WaitingAsync(system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/raid";
        Assert.True((await trust.PutJsonAsync($"{url}/{riskId}", Risk(system, 3, 3, reviewIn: 60), riskTag)).IsSuccessStatusCode);
        Assert.True((await trust.PutJsonAsync($"{url}/{assumptionId}", new { text = "The council keeps its reablement budget", status = "Closed",
            ownerOrganisationId = system.TrustId, checkHow = "Ask the council's finance director", checkOn = Day(-2) }, assumptionTag)).IsSuccessStatusCode);
        var afterwards = await WaitingAsync(system.TrustLead);

        Assert.Equal([WaitingKind.AssumptionCheck, WaitingKind.RiskReview], forTrust.Select(w => w.Kind));
        Assert.Equal($"The check has been overdue since {Concordat.Core.Words.Prose.Date(DateOnly.Parse(Day(-2), CultureInfo.InvariantCulture))}", forTrust[0].Detail);
        Assert.Equal($"raid/{riskId}", forTrust[1].Path);
        Assert.StartsWith("Review Westford Hospitals NHS Trust's risk: ", forTrust[1].Text, StringComparison.Ordinal);
        Assert.Empty(forCouncil);
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task HealthCheck_FlagsAnExtremeRiskWithoutMitigationOrWithItsReviewOverdue_AndPassesOnceItIsManaged()
    {
        var system = await App.CreateSystemAsync();
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/raid";
        var (extremeId, etag, _) = await AddAsync(trust, system, Risk(system, 5, 3, 2, 2, mitigation: null, text: "Extreme before mitigation"));
        await AddAsync(trust, system, Risk(system, 3, 4, mitigation: null, reviewIn: -5, text: "High, unmitigated and overdue"));

        async Task<string[]> FindingsAsync() =>
            [.. (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/health-check", Ct)).JsonAsync())["systemFindings"]!.AsArray()
                .Where(f => f!["check"]!.GetValue<string>() == "extreme-risks-are-managed").Select(f => f!["subject"]!.GetValue<string>())];

        var unmitigated = await FindingsAsync();
        var mitigated = await trust.PutJsonAsync($"{url}/{extremeId}", Risk(system, 5, 3, 2, 2, text: "Extreme before mitigation"), etag);
        var managed = await FindingsAsync();
        var overdue = await trust.PutJsonAsync($"{url}/{extremeId}", Risk(system, 5, 3, 2, 2, reviewIn: -1, text: "Extreme before mitigation"), mitigated.Headers.ETag!.ToString());
        var late = await FindingsAsync();

        Assert.Equal(["Extreme before mitigation"], unmitigated);
        Assert.Equal(HttpStatusCode.OK, mitigated.StatusCode);
        Assert.Empty(managed);
        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);
        Assert.Equal(["Extreme before mitigation"], late);
    }
}

public sealed class RaidApiSqliteTests(SqliteApp app) : RaidApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class RaidApiPostgresTests(PostgresApp app) : RaidApiTests(app, DatabaseKind.Postgres);

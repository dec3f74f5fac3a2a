using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Resources;

internal static class ResourceApi
{
    public static readonly string[] Nursing = ["RegisteredNursing"];
    public static readonly string[] NursingOrTherapy = ["RegisteredNursing", "AlliedHealthProfessionals"];
    public static readonly string[] NursingOrClinicalSpace = ["RegisteredNursing", "ClinicalSpace"];

    public static object VoidSpace(TestSystem system, double area = 120, double available = 100) => new
    {
        organisationId = system.CouncilId, kind = "Estates", type = "ClinicalSpace", name = "Harbour Street clinic, first floor", quantity = area, unit = "m²",
        availableCapacity = available, placeId = system.PlaceId, contact = "Facilities, estates@council.example", address = "12 Harbour Street",
        postcode = "ne1 4lp", openingHours = "Monday to Friday 8am to 6pm",
    };

    public static async Task<(Guid Id, JsonNode Body)> RegisterAsync(HttpClient client, TestSystem system, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (Guid.Parse(json["id"]!.GetValue<string>()), json);
    }

    public static Task<HttpResponseMessage> CommitAsync(HttpClient client, TestSystem system, Guid contributionId, Guid resourceId, double quantity,
        string startsOn, string endsOn, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}/commitments",
            new { resourceId, quantity, startsOn, endsOn, overCommitmentReason = reason });
}

public abstract class ResourcesApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Register_OwnOrganisationOnly_EveryoneReads_AndEachRowHasItsKind()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var councilContributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);

        var (_, estate) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        await ResourceApi.RegisterAsync(councilContributor, system, new
        {
            organisationId = system.CouncilId, type = "Revenue", name = "Discharge fund", quantity = 250000, unit = "£", availableCapacity = 250000,
            contact = "Finance", fundingSource = "Discharge fund allocation", financialYear = "2026/27", isRecurrent = false,
        });
        var byTrust = await trustLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", ResourceApi.VoidSpace(system), Ct);
        var byViewer = await viewer.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", ResourceApi.VoidSpace(system), Ct);
        var invalid = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", new
        {
            organisationId = system.CouncilId, kind = "Funding", name = "", quantity = 10, unit = "£", availableCapacity = 20, contact = "x", financialYear = "2026/28",
        }, Ct);
        var register = await (await viewer.GetAsync($"/api/v1/systems/{system.Id}/resources", Ct)).JsonAsync();
        var funding = await (await viewer.GetAsync($"/api/v1/systems/{system.Id}/resources?kind=Funding", Ct)).JsonAsync();

        Assert.Equal("NE1 4LP", estate["postcode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["AvailableCapacity", "FinancialYear", "FundingSource", "IsRecurrent", "Name", "Type"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["Estates", "Funding"], register.AsArray().Select(r => r!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("Discharge fund", Assert.Single(funding.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commitments_CannotExceedCapacityForOverlappingPeriods_UnlessALeadRecordsWhy_AndThenAreFlagged()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (contributionId, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (resourceId, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));

        var first = await ResourceApi.CommitAsync(councilLead, system, contributionId, resourceId, 60, "2027-01-01", "2027-06-30");
        var overlapping = await ResourceApi.CommitAsync(councilLead, system, contributionId, resourceId, 50, "2027-03-01", "2027-08-31");
        var afterwards = await ResourceApi.CommitAsync(councilLead, system, contributionId, resourceId, 50, "2027-07-01", "2027-12-31");
        var byViewer = await ResourceApi.CommitAsync(await ApiClient.ForAsync(App, system.Viewer), system, contributionId, resourceId, 1, "2027-01-01", "2027-01-31");
        var overWithReason = await ResourceApi.CommitAsync(councilLead, system, contributionId, resourceId, 50, "2027-03-01", "2027-04-30",
            "The council agreed to clear the second room for the winter pilot");
        var resource = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/resources/{resourceId}", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("Accepted", (await first.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Equal("Only 40 m² of Harbour Street clinic, first floor is free from 1 March 2027 to 31 August 2027 (60 m² of 100 m² is already committed). " +
            "Commit less, or record why the partners accept an over-commitment", (await overlapping.JsonAsync())["errors"]!["Quantity"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, overWithReason.StatusCode);
        Assert.Equal("The council agreed to clear the second room for the winter pilot", (await overWithReason.JsonAsync())["overCommitmentReason"]!.GetValue<string>());
        Assert.Equal(3, resource["commitments"]!.AsArray().Count);
        Assert.True(resource["resource"]!["hasOverCommitment"]!.GetValue<bool>());
        Assert.True(resource["resource"]!["isOverCommitted"]!.GetValue<bool>());
        Assert.Equal(110, resource["resource"]!["committed"]!.GetValue<double>());
        Assert.Equal(0, resource["resource"]!["idle"]!.GetValue<double>());
    }

    [Fact]
    public async Task AnotherPartnersResource_IsOnlyRequested_CountsForNothing_UntilItsOwnersLeadAcceptsLessOrDeclinesWithAReason()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var councilContributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (contributionId, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var (resourceId, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        var resourceUrl = $"/api/v1/systems/{system.Id}/resources/{resourceId}";

        var request = await ResourceApi.CommitAsync(trustLead, system, contributionId, resourceId, 60, "2027-01-01", "2027-12-31");
        var requestId = (await request.JsonAsync())["id"]!.GetValue<string>();
        var whileRequested = await (await trustLead.GetAsync(resourceUrl, Ct)).JsonAsync();
        var byGoalWhileRequested = await (await trustLead.GetAsync($"/api/v1/systems/{system.Id}/resources/by-goal?goalId={goalId}", Ct)).JsonAsync();
        var overByRequester = await ResourceApi.CommitAsync(trustLead, system, contributionId, resourceId, 150, "2027-01-01", "2027-12-31", "We need it more");
        var waiting = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/commitment-requests?ownerOrganisationId={system.CouncilId}", Ct)).JsonAsync();
        var acceptUrl = $"/api/v1/systems/{system.Id}/commitments/{requestId}/accept";
        var acceptedByRequester = await trustLead.PostAsJsonAsync(acceptUrl, new { }, Ct);
        var acceptedByConvenor = await convenor.PostAsJsonAsync(acceptUrl, new { }, Ct);
        var acceptedByContributor = await councilContributor.PostAsJsonAsync(acceptUrl, new { }, Ct);
        var moreThanAsked = await councilLead.PostAsJsonAsync(acceptUrl, new { quantity = 80 }, Ct);
        var accepted = await councilLead.PostAsJsonAsync(acceptUrl, new { quantity = 40, endsOn = "2027-06-30" }, Ct);
        var acceptedTwice = await councilLead.PostAsJsonAsync(acceptUrl, new { }, Ct);
        var afterAccepting = await (await trustLead.GetAsync(resourceUrl, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.EndsWith($"/api/v1/systems/{system.Id}/commitments/{requestId}", request.Headers.Location!.ToString());
        Assert.Equal(("Requested", "Westford Council"), ((await request.JsonAsync())["status"]!.GetValue<string>(), (await request.JsonAsync())["owner"]!.GetValue<string>()));
        Assert.Equal((0.0, 100.0), (whileRequested["resource"]!["committed"]!.GetValue<double>(), whileRequested["resource"]!["idle"]!.GetValue<double>()));
        Assert.Empty(byGoalWhileRequested[0]!["commitments"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, overByRequester.StatusCode);
        Assert.StartsWith("Only Westford Council's leads can decide", (await overByRequester.JsonAsync())["errors"]!["OverCommitmentReason"]![0]!.GetValue<string>());
        Assert.Equal(requestId, Assert.Single(waiting.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByRequester.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByContributor.StatusCode);
        Assert.Equal("You can give at most the 60 m² asked for", (await moreThanAsked.JsonAsync())["errors"]!["Quantity"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var acceptedBody = await accepted.JsonAsync();
        Assert.Equal(("Accepted", 40.0, "2027-06-30", 60.0), (acceptedBody["status"]!.GetValue<string>(), acceptedBody["quantity"]!.GetValue<double>(),
            acceptedBody["endsOn"]!.GetValue<string>(), acceptedBody["requestedQuantity"]!.GetValue<double>()));
        Assert.Equal(HttpStatusCode.BadRequest, acceptedTwice.StatusCode);
        Assert.Equal((40.0, 60.0), (afterAccepting["resource"]!["committed"]!.GetValue<double>(), afterAccepting["resource"]!["idle"]!.GetValue<double>()));

        // The capacity rule applies to requests too, and a decline needs a reason the requester can read.
        var beyondFree = await ResourceApi.CommitAsync(trustLead, system, contributionId, resourceId, 70, "2027-03-01", "2027-03-31");
        var second = await ResourceApi.CommitAsync(trustLead, system, contributionId, resourceId, 50, "2027-03-01", "2027-03-31");
        var declineUrl = $"/api/v1/systems/{system.Id}/commitments/{(await second.JsonAsync())["id"]!.GetValue<string>()}/decline";
        var withoutReason = await councilLead.PostAsJsonAsync(declineUrl, new { reason = " " }, Ct);
        var declined = await councilLead.PostAsJsonAsync(declineUrl, new { reason = "The room is booked for flu clinics in March" }, Ct);
        var requesterSees = await (await trustLead.GetAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}/commitments", Ct)).JsonAsync();
        // The owner may end what it gave.
        var releasedByOwner = await councilLead.DeleteAsync($"/api/v1/systems/{system.Id}/commitments/{requestId}", Ct);
        var afterRelease = await (await trustLead.GetAsync(resourceUrl, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, beyondFree.StatusCode);
        Assert.EndsWith("Request less, or ask Westford Council whether it can offer more", (await beyondFree.JsonAsync())["errors"]!["Quantity"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("The room is booked for flu clinics in March",
            requesterSees.AsArray().Single(c => c!["status"]!.GetValue<string>() == "Declined")!["declineReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, releasedByOwner.StatusCode);
        Assert.Equal(0.0, afterRelease["resource"]!["committed"]!.GetValue<double>());
    }

    [Fact]
    public async Task AContributorCannotRecordAnOverCommitment_AndAWithdrawnContributionFreesItsCommitments()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var councilContributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (contributionId, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (resourceId, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        await ResourceApi.CommitAsync(councilContributor, system, contributionId, resourceId, 100, "2027-01-01", "2027-12-31");

        var overByContributor = await ResourceApi.CommitAsync(councilContributor, system, contributionId, resourceId, 10, "2027-02-01", "2027-02-28", "We need it");
        var withdrawn = await ContributionApi.PostWithVersionAsync(councilLead, system, contributionId, "withdrawal", new { decision = "Board, 1 March" });
        var list = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/resources", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, overByContributor.StatusCode);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync(Ct));
        Assert.Equal((0.0, 100.0), (list[0]!["committed"]!.GetValue<double>(), list[0]!["idle"]!.GetValue<double>()));
    }

    [Fact]
    public async Task PooledTotals_ReconcileToTheRows_AndGoalNeedsShowTheGap()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (contributionId, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var (estate, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system, 80, 30));
        var (nurses, _) = await ResourceApi.RegisterAsync(trustLead, system, new
        {
            organisationId = system.TrustId, type = "RegisteredNursing", name = "Community nurses", quantity = 40, unit = "WTE", availableCapacity = 6, contact = "Director of nursing",
        });
        var estateRequest = await (await ResourceApi.CommitAsync(trustLead, system, contributionId, estate, 45, "2027-01-01", "2027-12-31")).JsonAsync();
        await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/commitments/{estateRequest["id"]}/accept", new { }, Ct);
        await ResourceApi.CommitAsync(trustLead, system, contributionId, nurses, 4, "2027-01-01", "2027-12-31");
        var need = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/needs",
            new { types = ResourceApi.Nursing, description = "Nurses for the frailty hubs", quantity = 10, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" }, Ct);
        var byCouncil = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/needs",
            new { types = ResourceApi.Nursing, description = "More nurses", quantity = 1, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" }, Ct);
        var badNeed = await trustLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/needs", new { kind = "Workforce", endsOn = "2026-01-01", startsOn = "2027-01-01" }, Ct);

        var byKind = (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/resources/by-kind", Ct)).JsonAsync()).AsArray();
        var byGoal = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/resources/by-goal?goalId={goalId}", Ct)).JsonAsync();
        var idle = (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/resources/idle", Ct)).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.Created, need.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal(["Description", "EndsOn", "Quantity", "Types", "Unit"], (await badNeed.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var total in byKind)
        {
            var rows = total!["resources"]!.AsArray();
            Assert.Equal(rows.Sum(r => r!["availableCapacity"]!.GetValue<double>()), total["available"]!.GetValue<double>());
            Assert.Equal(rows.Sum(r => r!["committed"]!.GetValue<double>()), total["committed"]!.GetValue<double>());
            Assert.Equal(rows.Sum(r => r!["idle"]!.GetValue<double>()), total["idle"]!.GetValue<double>());
            Assert.Equal(total["available"]!.GetValue<double>(),
                total["committed"]!.GetValue<double>() - total["overCommitted"]!.GetValue<double>() + total["idle"]!.GetValue<double>());
        }
        var estates = byKind.Single(k => k!["kind"]!.GetValue<string>() == "Estates")!;
        Assert.Equal((130.0, 45.0, 85.0), (estates["available"]!.GetValue<double>(), estates["committed"]!.GetValue<double>(), estates["idle"]!.GetValue<double>()));
        var needRow = Assert.Single(byGoal[0]!["needs"]!.AsArray())!;
        Assert.Equal((10.0, 4.0, 6.0), (needRow["quantity"]!.GetValue<double>(), needRow["committed"]!.GetValue<double>(), needRow["gap"]!.GetValue<double>()));
        Assert.Equal("Westford Hospitals NHS Trust: Community nurses", Assert.Single(needRow["providers"]!.AsArray())!.GetValue<string>());
        Assert.Equal(3, idle.Count);
    }

    [Fact]
    public async Task ANeed_IsMetOnlyByItsTypesAndUnit_OnEveryDayOfItsPeriod()
    {
        var system = await App.CreateSystemAsync();
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var (contributionId, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        async Task<Guid> Staff(string type, string name) => (await ResourceApi.RegisterAsync(trustLead, system, new
        {
            organisationId = system.TrustId, type, name, quantity = 40, unit = "WTE", availableCapacity = 20, contact = "Director of workforce",
        })).Id;
        var nurses = await Staff("RegisteredNursing", "Community nurses");
        var therapists = await Staff("AlliedHealthProfessionals", "Therapists");
        await ResourceApi.CommitAsync(trustLead, system, contributionId, nurses, 12, "2027-01-01", "2027-12-31");
        await ResourceApi.CommitAsync(trustLead, system, contributionId, therapists, 6, "2027-01-01", "2027-12-31");
        // Sixteen more nurses, but for January only: not there on every day of the year.
        await ResourceApi.CommitAsync(trustLead, system, contributionId, nurses, 8, "2027-01-01", "2027-01-31");
        var needs = $"/api/v1/systems/{system.Id}/goals/{goalId}/needs";
        await trustLead.PostAsJsonAsync(needs, new { types = ResourceApi.Nursing, description = "Nurses", quantity = 16, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" }, Ct);
        await trustLead.PostAsJsonAsync(needs, new
        {
            types = ResourceApi.NursingOrTherapy, description = "Nurses or therapists", quantity = 16, unit = "WTE",
            startsOn = "2027-01-01", endsOn = "2027-12-31",
        }, Ct);
        var mixedKinds = await trustLead.PostAsJsonAsync(needs, new
        {
            types = ResourceApi.NursingOrClinicalSpace, description = "Either", quantity = 1, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31",
        }, Ct);

        var byGoal = await (await trustLead.GetAsync($"/api/v1/systems/{system.Id}/resources/by-goal?goalId={goalId}", Ct)).JsonAsync();
        var rows = byGoal[0]!["needs"]!.AsArray().ToDictionary(n => n!["description"]!.GetValue<string>());

        Assert.Equal((12.0, 4.0), (rows["Nurses"]!["committed"]!.GetValue<double>(), rows["Nurses"]!["gap"]!.GetValue<double>()));
        Assert.Equal((18.0, 0.0), (rows["Nurses or therapists"]!["committed"]!.GetValue<double>(), rows["Nurses or therapists"]!["gap"]!.GetValue<double>()));
        Assert.Equal(HttpStatusCode.BadRequest, mixedKinds.StatusCode);
        Assert.Equal("A need is of one kind: clinical space is not workforce", (await mixedKinds.JsonAsync())["errors"]!["Types"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_NeedsIfMatch_RefusesAStaleVersion_AndCapacityBelowWhatIsCommitted()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (contributionId, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (resourceId, created) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        await ResourceApi.CommitAsync(councilLead, system, contributionId, resourceId, 70, "2027-01-01", "2030-12-31");
        var url = $"/api/v1/systems/{system.Id}/resources/{resourceId}";
        var read = await councilLead.GetAsync(url, Ct);
        var etag = read.Headers.ETag!.ToString();

        var withoutIfMatch = await councilLead.PutJsonAsync(url, ResourceApi.VoidSpace(system, 120, 90), null);
        var belowCommitted = await councilLead.PutJsonAsync(url, ResourceApi.VoidSpace(system, 120, 50), etag);
        var changed = await councilLead.PutJsonAsync(url, ResourceApi.VoidSpace(system, 120, 90), etag);
        var stale = await councilLead.PutJsonAsync(url, ResourceApi.VoidSpace(system, 120, 80), etag);

        Assert.NotEqual(created["version"]!.GetValue<string>(), (await changed.JsonAsync())["version"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal("70 m² of this resource is committed to goals; available capacity cannot be less than that",
            (await belowCommitted.JsonAsync())["errors"]!["AvailableCapacity"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task RegisterImport_SavedAsLatin1_IsRefusedWithItsLine_AndNothingIsStored()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}/resources/import";
        // "Café" and "£" in Latin-1 are single bytes that are not UTF-8.
        var latin1 = System.Text.Encoding.Latin1.GetBytes("kind,type,name,quantity,unit,available,contact\n"
            + "Workforce,social care workers,Reablement workers,10,WTE,2,Head of reablement\n"
            + "CommunityAssets,community venues,Café on the Green,1,venue,1,Community development\n");

        var refused = await councilLead.PostAsync(url, new ByteArrayContent(latin1) { Headers = { ContentType = new("text/csv") } }, Ct);
        var register = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/resources", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("import_file_invalid", problem["errorCode"]!.GetValue<string>());
        Assert.StartsWith("Line 3 has characters that are not UTF-8 text", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(register.AsArray());
    }

    [Fact]
    public async Task RegisterImport_ReportsEveryBadRowAndColumn_ImportsNothing_ThenImportsAllOfAValidFile()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}/resources/import";
        const string header = "kind,type,name,quantity,unit,available,place,contact,postcode,data_owner,data_sharing_agreement,funding_source,financial_year,recurrent\n";
        var bad = header
            + "Estates,clinical space,Harbour Street clinic,120,m²,40,Westford,Facilities,NE1 4LP,,,,,\n"
            + "Spaceships,devices,Rocket,1,craft,1,,Someone,,,,,,\n"
            + "Workforce,other staff,Care navigators,six,WTE,2,,HR,,,,,,\n"
            + "Information,DataSets,Adult social care records,1,data set,1,Atlantis,Caldicott guardian,,,maybe,,,\n"
            + "Funding,revenue,Winter money,100000,£,200000,,Finance,,,,Discharge fund,2026/27,no\n";
        var good = header
            + "Estates,clinical space,Harbour Street clinic,120,m²,40,Westford,Facilities,NE1 4LP,,,,,\n"
            + "Information,DataSets,Adult social care records,1,data set,1,,Caldicott guardian,,Director of adult services,yes,,,\n"
            + "Funding,revenue,Winter money,100000,£,100000,,Finance,,,,Discharge fund,2026/27,no\n";

        var rejected = await councilLead.PostAsync(url, new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"), Ct);
        var afterRejected = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/resources", Ct)).JsonAsync();
        var byTrust = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsync(url, new StringContent(good, System.Text.Encoding.UTF8, "text/csv"), Ct);
        var imported = await councilLead.PostAsync(url, new StringContent(good, System.Text.Encoding.UTF8, "text/csv"), Ct);
        var register = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/resources", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problems = (await rejected.JsonAsync())["problems"]!.AsArray().Select(p => $"{p!["row"]}|{p["column"]}|{p["reason"]}").ToList();
        Assert.Equal(
        [
            "3|kind|\"Spaceships\" is not a kind; use Workforce, Estates, Technology, Information, CommunityAssets, Funding",
            "4|quantity|\"six\" is not a number",
            "5|place|\"Atlantis\" is not a place of this system; use Westford, or leave it empty",
            "5|data_sharing_agreement|\"maybe\" is not yes or no",
            "5|data_owner|Enter who owns the data set",
            "6|available|Available capacity cannot be more than the quantity there is",
        ], problems);
        Assert.Empty(afterRejected.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, byTrust.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(["Adult social care records", "Harbour Street clinic", "Winter money"], register.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("Westford", register.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "Estates")!["place"]!.GetValue<string>());

        // A body past the upload limit is refused before it is read in full, chunked so no length is declared up front.
        var oversized = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(header + new string('x', 11 * 1024 * 1024))));
        oversized.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = oversized };
        request.Headers.TransferEncodingChunked = true;
        var tooLarge = await councilLead.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("Files can be at most 10 MB.", (await tooLarge.JsonAsync())["detail"]!.GetValue<string>());
    }
}

public sealed class ResourcesApiSqliteTests(SqliteApp app) : ResourcesApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ResourcesApiPostgresTests(PostgresApp app) : ResourcesApiTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Core.HealthChecks;
using Concordat.Core.TheoryOfChange;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.TheoryOfChange;

public abstract class TheoryOfChangeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task DriverDiagram_LinksManyToMany_CarriesTheBehaviourDiagnosis_AndOnlyTheGoalsLeadsEditIt()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}";

        async Task<Guid> Driver(HttpClient client, string level, string title, params Guid[] primary)
        {
            var response = await client.PostAsJsonAsync($"{url}/drivers", new { level, title, primaryDriverIds = primary }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var driver = await response.JsonAsync();
            Assert.Equal((level, title), (driver["level"]!.GetValue<string>(), driver["title"]!.GetValue<string>()));
            return Guid.Parse(driver["id"]!.GetValue<string>());
        }
        var discharge = await Driver(trustLead, "Primary", "Timely discharge from hospital");
        var community = await Driver(trustLead, "Primary", "Care closer to home");
        var planning = await Driver(trustLead, "Secondary", "Discharge planned from the day of admission", discharge, community);
        var byCouncil = await councilLead.PostAsJsonAsync($"{url}/drivers", new { level = "Primary", title = "Theirs" }, Ct);
        var orphan = await trustLead.PostAsJsonAsync($"{url}/drivers", new { level = "Secondary", title = "Serves nothing" }, Ct);
        var idea = await councilLead.PostAsJsonAsync($"{url}/change-ideas", new
        {
            title = "Discharge to assess for people over 75", secondaryDriverIds = new[] { planning }, whoseBehaviour = "Ward discharge teams",
            whatDifferently = "Send people home to be assessed there, not on the ward",
            psychologicalCapability = "Teams do not know what community services can take on the same day",
            socialOpportunity = "Ward culture rewards keeping people 'until they are safe'",
            functions = "Education, EnvironmentalRestructuring", levers = "Guidelines, ServiceProvision", leverDetails = "Discharge policy; NHS standard contract",
            contributionIds = new[] { councilContribution },
        }, Ct);
        var noIdeaRights = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PostAsJsonAsync($"{url}/change-ideas",
            new { title = "x", secondaryDriverIds = new[] { planning } }, Ct);
        var blockedRemoval = await trustLead.DeleteAsync($"{url}/drivers/{discharge}", Ct);
        var diagram = await (await convenor.GetAsync($"{url}/driver-diagram", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal("Select the primary drivers this secondary driver serves", (await orphan.JsonAsync())["errors"]!["PrimaryDriverIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, idea.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noIdeaRights.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, blockedRemoval.StatusCode);
        Assert.Single(diagram["primaryDrivers"]!.AsArray());
        Assert.Equal([community.ToString()], diagram["secondaryDrivers"]![0]!["servesPrimaryDriverIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        var stored = diagram["changeIdeas"]![0]!;
        Assert.True(stored["hasDiagnosis"]!.GetValue<bool>());
        Assert.Equal("Education, EnvironmentalRestructuring", stored["functions"]!.GetValue<string>());
        Assert.Equal(councilContribution.ToString(), stored["contributionIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task APrimaryDriverThatIsTheOnlyOneASecondaryServes_CannotBeRemoved_AndThePageDrawsAndOutlinesTheDiagram()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}";
        var primary = await (await convenor.PostAsJsonAsync($"{url}/drivers", new { level = "Primary", title = "Timely discharge from hospital" }, Ct)).JsonAsync();
        var primaryId = primary["id"]!.GetValue<string>();
        var secondary = await (await convenor.PostAsJsonAsync($"{url}/drivers", new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primaryId } }, Ct)).JsonAsync();
        var secondaryId = secondary["id"]!.GetValue<string>();
        await convenor.PostAsJsonAsync($"{url}/change-ideas", new { title = "Trusted assessor <script>alert(1)</script>", secondaryDriverIds = new[] { secondaryId }, levers = "Regulation" }, Ct);

        var refused = await convenor.DeleteAsync($"{url}/drivers/{primaryId}", Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}/theory-of-change");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Some secondary drivers serve only \"Timely discharge from hospital\"", (await refused.JsonAsync())["errors"]!["Driver"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var svg = page.Document.QuerySelector("figure svg[role=img]");
        Assert.NotNull(svg);
        Assert.Equal(4, svg.QuerySelectorAll("rect").Length);
        Assert.Equal(3, svg.QuerySelectorAll("path").Length);
        Assert.Contains("Same-day reablement", page.Text("#outline"));
        Assert.Contains("No diagnosis of the behaviour", page.Text("main"));
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Primary']"));
    }

    private static readonly string[] Training = [nameof(InterventionFunctions.Training)];

    /// <summary>A goal led by the trust with two primary drivers and a secondary driver serving the first.</summary>
    private static async Task<(Guid GoalId, string Url, Guid Discharge, Guid Community, Guid Planning)> GoalWithDriversAsync(TestSystem system, HttpClient convenor)
    {
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}";
        async Task<Guid> Driver(string level, string title, params Guid[] primary)
        {
            var response = await convenor.PostAsJsonAsync($"{url}/drivers", new { level, title, primaryDriverIds = primary }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
        }
        var discharge = await Driver("Primary", "Timely discharge from hospital");
        var community = await Driver("Primary", "Care closer to home");
        var planning = await Driver("Secondary", "Discharge planned", discharge);
        return (goalId, url, discharge, community, planning);
    }

    private static JsonNode Item(JsonNode diagram, string list, object key, string field = "id") =>
        diagram[list]!.AsArray().Single(d => d![field]!.GetValue<string>() == key.ToString())!;

    /// <summary>The ETag the API gives for the item's version, so a version read from the diagram can be compared with one from a header.</summary>
    private static string ETag(JsonNode item) => $"\"{Guid.Parse(item["version"]!.GetValue<string>()):N}\"";

    private static async Task<JsonNode> DiagramAsync(HttpClient client, string url) => await (await client.GetAsync($"{url}/driver-diagram", Ct)).JsonAsync();

    private static string[] Ids(JsonNode item, string list) => [.. item[list]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task EditDriver_ChangesTitleAndLinksAgainstItsETag_AStaleOrMissingIfMatchChangesNothing_AndOnlyTheGoalsLeadsMayEdit()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var (goalId, url, discharge, community, planning) = await GoalWithDriversAsync(system, convenor);
        var read = ETag(Item(await DiagramAsync(trustLead, url), "secondaryDrivers", planning));

        var renamed = await trustLead.PutJsonAsync($"{url}/drivers/{planning}", new { title = "Discharge planned from the day of admission", primaryDriverIds = new[] { community } }, read);
        var stale = await convenor.PutJsonAsync($"{url}/drivers/{planning}", new { title = "Overwritten", primaryDriverIds = new[] { discharge } }, read);
        var missing = await convenor.PutJsonAsync($"{url}/drivers/{planning}", new { title = "Overwritten", primaryDriverIds = new[] { discharge } }, null);
        var current = renamed.Headers.ETag!.ToString();
        var byCouncilLead = await (await ApiClient.ForAsync(App, system.CouncilLead)).PutJsonAsync($"{url}/drivers/{planning}",
            new { title = "Theirs", primaryDriverIds = new[] { discharge } }, current);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PutJsonAsync($"{url}/drivers/{planning}",
            new { title = "Theirs", primaryDriverIds = new[] { discharge } }, current);
        var noPrimary = await trustLead.PutJsonAsync($"{url}/drivers/{planning}", new { title = "Discharge planned", primaryDriverIds = Array.Empty<Guid>() }, current);
        var primaryServing = await trustLead.PutJsonAsync($"{url}/drivers/{discharge}", new { title = "Timely discharge", primaryDriverIds = new[] { community } },
            ETag(Item(await DiagramAsync(trustLead, url), "primaryDrivers", discharge)));
        var linksOnly = await trustLead.PutJsonAsync($"{url}/drivers/{planning}",
            new { title = "Discharge planned from the day of admission", primaryDriverIds = new[] { community, discharge } }, current);
        var afterLinksOnly = await convenor.PutJsonAsync($"{url}/drivers/{planning}",
            new { title = "Discharge planned from the day of admission", primaryDriverIds = new[] { community } }, current);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var body = await renamed.JsonAsync();
        Assert.Equal("Discharge planned from the day of admission", body["title"]!.GetValue<string>());
        Assert.Equal([community.ToString()], Ids(body, "servesPrimaryDriverIds"));
        Assert.Equal(current, ETag(body));
        Assert.NotEqual(read, current);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var conflict = await stale.JsonAsync();
        Assert.Equal("edit_conflict", conflict["errorCode"]!.GetValue<string>());
        Assert.Equal("Discharge planned from the day of admission", conflict["current"]!["Driver"]!.GetValue<string>());
        Assert.Equal("Care closer to home", conflict["current"]!["Primary drivers it serves"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCouncilLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal("Select the primary drivers this secondary driver serves", (await noPrimary.JsonAsync())["errors"]!["PrimaryDriverIds"]![0]!.GetValue<string>());
        Assert.Equal("A primary driver serves the aim, not other drivers", (await primaryServing.JsonAsync())["errors"]!["PrimaryDriverIds"]![0]!.GetValue<string>());
        // A change to the links alone renews the version, so an edit made against the old links is refused.
        Assert.Equal(HttpStatusCode.OK, linksOnly.StatusCode);
        Assert.NotEqual(current, linksOnly.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, afterLinksOnly.StatusCode);
        var diagram = await DiagramAsync(convenor, url);
        var stored = Item(diagram, "secondaryDrivers", planning);
        Assert.Equal("Discharge planned from the day of admission", stored["title"]!.GetValue<string>());
        Assert.Equal(new[] { community.ToString(), discharge.ToString() }.Order(StringComparer.Ordinal), Ids(stored, "servesPrimaryDriverIds"));
        Assert.Equal("Timely discharge from hospital", Item(diagram, "primaryDrivers", discharge)["title"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.Equal(2, await scope.Db.AuditEvents.CountAsync(e => e.EntityId == goalId && e.Action == "DriverEdited", Ct));
    }

    [Fact]
    public async Task EditChangeIdea_ReportsEveryBadFieldAndSavesNothing_ThenChangesItsDiagnosisAndLinks_AndAContributingLeadCanNeitherTakeOverNorGiveAwayAnIdea()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var (goalId, url, discharge, _, planning) = await GoalWithDriversAsync(system, convenor);
        var reablement = Guid.Parse((await (await convenor.PostAsJsonAsync($"{url}/drivers",
            new { level = "Secondary", title = "Reablement within a day", primaryDriverIds = new[] { discharge } }, Ct)).JsonAsync())["id"]!.GetValue<string>());
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (trustContribution, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        object Idea(string title, Guid[] drivers, Guid[] contributions, string? psychological = null, string? social = null, string functions = "Education") => new
        {
            title, secondaryDriverIds = drivers, whoseBehaviour = "Ward discharge teams", whatDifferently = "Send people home to be assessed there",
            psychologicalCapability = psychological, socialOpportunity = social, functions, levers = "Guidelines", contributionIds = contributions,
        };
        await councilLead.PostAsJsonAsync($"{url}/change-ideas", Idea("Discharge to assess", [planning], [councilContribution],
            psychological: "Teams do not know what community services can take on the same day"), Ct);
        await trustLead.PostAsJsonAsync($"{url}/change-ideas", Idea("Trusted assessors", [planning], [trustContribution]), Ct);
        var before = await DiagramAsync(convenor, url);
        var ours = Item(before, "changeIdeas", "Discharge to assess", "title");
        var theirs = Item(before, "changeIdeas", "Trusted assessors", "title");
        var oursId = ours["id"]!.GetValue<string>();
        var oursUrl = $"{url}/change-ideas/{oursId}";

        var invalid = await councilLead.PutJsonAsync(oursUrl, new
        {
            title = " ", secondaryDriverIds = new[] { discharge }, physicalCapability = new string('x', ChangeIdea.TextMaxLength + 1), contributionIds = new[] { councilContribution },
        }, ETag(ours));
        var afterInvalid = Item(await DiagramAsync(convenor, url), "changeIdeas", oursId);
        var edited = await councilLead.PutJsonAsync(oursUrl, Idea("Discharge to assess", [reablement, planning], [councilContribution],
            social: "Ward culture rewards keeping people until they are 'safe'", functions: "Education, Persuasion"), ETag(ours));
        var current = edited.Headers.ETag!.ToString();
        var enlists = await councilLead.PutJsonAsync(oursUrl, Idea("Discharge to assess", [planning], [councilContribution, trustContribution]), current);
        var addsWithOthers = await councilLead.PostAsJsonAsync($"{url}/change-ideas", Idea("Joint discharge hub", [planning], [councilContribution, trustContribution]), Ct);
        var stale = await convenor.PutJsonAsync(oursUrl, Idea("Overwritten", [planning], []), ETag(ours));
        var takeOver = await councilLead.PutJsonAsync($"{url}/change-ideas/{theirs["id"]!.GetValue<string>()}",
            Idea("Trusted assessors", [planning], [trustContribution, councilContribution]), ETag(theirs));
        var giveAway = await councilLead.PutJsonAsync(oursUrl, Idea("Discharge to assess", [planning], [trustContribution]), current);
        var byContributor = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PutJsonAsync(oursUrl, Idea("Theirs", [planning], [councilContribution]), current);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PutJsonAsync(oursUrl, Idea("Theirs", [planning], [councilContribution]), current);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync())["errors"]!;
        Assert.Equal("Describe the change idea, like \"discharge to assess for people over 75\"", errors["Title"]![0]!.GetValue<string>());
        Assert.Equal("Select secondary drivers of this goal", errors["SecondaryDriverIds"]![0]!.GetValue<string>());
        Assert.Equal("Physical capability must be 1000 characters or fewer", errors["PhysicalCapability"]![0]!.GetValue<string>());
        Assert.Equal(ours.ToJsonString(), afterInvalid.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.JsonAsync();
        Assert.Null(body["psychologicalCapability"]);
        Assert.Equal("Ward culture rewards keeping people until they are 'safe'", body["socialOpportunity"]!.GetValue<string>());
        Assert.Equal("Education, Persuasion", body["functions"]!.GetValue<string>());
        Assert.Equal(new[] { planning.ToString(), reablement.ToString() }.Order(StringComparer.Ordinal), Ids(body, "secondaryDriverIds"));
        Assert.Equal([councilContribution.ToString()], Ids(body, "contributionIds"));
        Assert.Equal(current, ETag(body));
        foreach (var response in new[] { enlists, addsWithOthers })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith("Select or clear only your own organisation's contributions", (await response.JsonAsync())["errors"]!["ContributionIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain((await DiagramAsync(convenor, url))["changeIdeas"]!.AsArray(), i => i!["title"]!.GetValue<string>() == "Joint discharge hub");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, takeOver.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, giveAway.StatusCode);
        Assert.Contains("Keep a contribution of your organisation carrying it", (await giveAway.JsonAsync())["errors"]!["ContributionIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        var after = await DiagramAsync(convenor, url);
        Assert.Equal(body.ToJsonString(), Item(after, "changeIdeas", oursId).ToJsonString());
        Assert.Equal([trustContribution.ToString()], Ids(Item(after, "changeIdeas", theirs["id"]!.GetValue<string>()), "contributionIds"));
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.EntityId == goalId && e.Action == "ChangeIdeaEdited", Ct);
        var changed = Concordat.Core.History.AuditLog.ReadFields(audit.AfterJson);
        Assert.Equal(["Change idea", "Intervention functions", "Psychological capability", "Secondary drivers it moves", "Social opportunity"],
            changed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Discharge to assess", changed["Change idea"]);
        Assert.Equal("Discharge planned; Reablement within a day", changed["Secondary drivers it moves"]);
    }

    [Fact]
    public async Task AnotherPartnersContribution_IsAskedToCarryAnIdea_CountsOnlyOnceItsLeadAccepts_AndItsLeadAloneAnswersOrStopsIt()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var councilContributor = await ApiClient.ForAsync(App, system.CouncilContributor);
        var (goalId, url, _, _, planning) = await GoalWithDriversAsync(system, convenor);
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (trustContribution, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var contributions = new[] { trustContribution, councilContribution };
        var added = await trustLead.PostAsJsonAsync($"{url}/change-ideas", new { title = "Discharge to assess", secondaryDriverIds = new[] { planning }, contributionIds = contributions }, Ct);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        var idea = (await DiagramAsync(convenor, url))["changeIdeas"]![0]!;
        var ideaUrl = $"{url}/change-ideas/{idea["id"]!.GetValue<string>()}";
        string StatusOf(JsonNode node, Guid contribution) => node["carriers"]!.AsArray().Single(c => c!["contributionId"]!.GetValue<string>() == contribution.ToString())!["status"]!.GetValue<string>();
        async Task<JsonNode> Waiting(HttpClient client) => await (await client.GetAsync($"/api/v1/systems/{system.Id}/me/waiting", Ct)).JsonAsync();
        async Task<JsonNode> IdeaNow() => (await DiagramAsync(convenor, url))["changeIdeas"]![0]!;

        // The trust's own contribution carries it at once; the council's is only asked, and its lead finds the request.
        Assert.Equal("Accepted", StatusOf(idea, trustContribution));
        Assert.Equal("Requested", StatusOf(idea, councilContribution));
        Assert.Equal(contributions.Select(c => c.ToString()).Order(StringComparer.Ordinal), Ids(idea, "contributionIds"));
        var asked = await (await councilLead.GetAsync($"/api/v1/systems/{system.Id}/carrying-requests", Ct)).JsonAsync();
        Assert.Equal(councilContribution.ToString(), asked.AsArray().Single()!["contributionId"]!.GetValue<string>());
        Assert.Contains((await Waiting(councilLead)).AsArray(), i => i!["kind"]!.GetValue<string>() == "CarryingRequest");
        Assert.Empty((await (await trustLead.GetAsync($"/api/v1/systems/{system.Id}/carrying-requests", Ct)).JsonAsync()).AsArray());
        async Task<string[]> CarriedInStrategy()
        {
            var document = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/document", Ct)).JsonAsync();
            var goal = document["goals"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == goalId.ToString())!;
            return [.. goal["changeIdeas"]![0]!["carriedBy"]!.AsArray().Select(c => c!.GetValue<string>())];
        }
        Assert.Equal(["Westford Hospitals NHS Trust"], await CarriedInStrategy());

        // Only the council's leads answer for it; a decline needs a reason, and is kept with it.
        Assert.Equal(HttpStatusCode.Forbidden, (await trustLead.PostAsync($"{ideaUrl}/carriers/{councilContribution}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await convenor.PostAsync($"{ideaUrl}/carriers/{councilContribution}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await councilContributor.PostAsync($"{ideaUrl}/carriers/{councilContribution}/accept", null, Ct)).StatusCode);
        var noReason = await councilLead.PostAsJsonAsync($"{ideaUrl}/carriers/{councilContribution}/decline", new { reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.StartsWith("Say why your organisation declines", (await noReason.JsonAsync())["errors"]!["Reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Requested", StatusOf(await IdeaNow(), councilContribution));
        var declined = await councilLead.PostAsJsonAsync($"{ideaUrl}/carriers/{councilContribution}/decline", new { reason = "Our reablement team is full until April" }, Ct);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var afterDecline = await IdeaNow();
        Assert.Equal("Declined", StatusOf(afterDecline, councilContribution));
        Assert.Equal([trustContribution.ToString()], Ids(afterDecline, "contributionIds"));
        Assert.Equal(HttpStatusCode.BadRequest, (await councilLead.PostAsync($"{ideaUrl}/carriers/{councilContribution}/accept", null, Ct)).StatusCode);

        // Asked again by the goal's lead, the council's lead accepts: now it carries the idea, in the strategy too.
        var edit = new HttpRequestMessage(HttpMethod.Put, ideaUrl) { Content = JsonContent.Create(new { title = "Discharge to assess", secondaryDriverIds = new[] { planning }, contributionIds = contributions }) };
        edit.Headers.TryAddWithoutValidation("If-Match", ETag(afterDecline));
        Assert.Equal(HttpStatusCode.OK, (await trustLead.SendAsync(edit, Ct)).StatusCode);
        Assert.Equal("Requested", StatusOf(await IdeaNow(), councilContribution));
        Assert.Equal(HttpStatusCode.OK, (await councilLead.PostAsync($"{ideaUrl}/carriers/{councilContribution}/accept", null, Ct)).StatusCode);
        Assert.Equal("Accepted", StatusOf(await IdeaNow(), councilContribution));
        Assert.DoesNotContain((await Waiting(councilLead)).AsArray(), i => i!["kind"]!.GetValue<string>() == "CarryingRequest");
        Assert.Equal(["Westford Council", "Westford Hospitals NHS Trust"], await CarriedInStrategy());

        // The trust cannot take the council's contribution off the idea's carriers by answering for it; the council's lead can.
        Assert.Equal(HttpStatusCode.Forbidden, (await trustLead.DeleteAsync($"{ideaUrl}/carriers/{councilContribution}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await councilLead.DeleteAsync($"{ideaUrl}/carriers/{councilContribution}", Ct)).StatusCode);
        Assert.Equal([trustContribution.ToString()], Ids(await IdeaNow(), "contributionIds"));
        await using var scope = App.Database(system.Id);
        var actions = await scope.Db.AuditEvents.Where(e => e.EntityId == goalId && e.Action.StartsWith("ChangeIdeaCarrying")).OrderBy(e => e.OccurredAtUtc)
            .Select(e => e.Action + " by " + e.ActorName).ToListAsync(Ct);
        Assert.Equal(["ChangeIdeaCarryingDeclined by Cath Council", "ChangeIdeaCarryingAccepted by Cath Council", "ChangeIdeaCarryingStopped by Cath Council"], actions);
    }

    [Fact]
    public async Task EditPages_ArePrefilledAndOfferedOnlyToEditors_ReportErrorsBesideTheirFields_SaveTheChange_AndAStaleFormShowsWhatIsSavedNow()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var (goalId, url, discharge, community, planning) = await GoalWithDriversAsync(system, convenor);
        await convenor.PostAsJsonAsync($"{url}/change-ideas", new { title = "Discharge to assess", secondaryDriverIds = new[] { planning }, whoseBehaviour = "Ward teams" }, Ct);
        var ideaId = Item(await DiagramAsync(convenor, url), "changeIdeas", "Discharge to assess", "title")["id"]!.GetValue<string>();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var pageUrl = $"/systems/{system.Id}/goals/{goalId}/theory-of-change";

        var leadsView = await lead.GetAsync(pageUrl);
        var viewersView = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(pageUrl);
        var viewerEdit = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"{pageUrl}/drivers/{planning}");
        var form = await lead.GetAsync($"{pageUrl}/drivers/{planning}");
        var staleForm = await lead.GetAsync($"{pageUrl}/drivers/{planning}");
        var invalid = await form.SubmitAsync("main form", new() { ["Input.Title"] = " ", ["Input.PrimaryDriverIds"] = Array.Empty<string>() });
        var saved = await invalid.SubmitAsync("main form", new() { ["Input.Title"] = "Discharge planned from admission", ["Input.PrimaryDriverIds"] = new[] { community } });
        var afterSave = await lead.GetAsync(saved.Location!);
        var conflict = await staleForm.SubmitAsync("main form", new() { ["Input.Title"] = "Someone else's title" });
        var ideaForm = await lead.GetAsync($"{pageUrl}/change-ideas/{ideaId}");
        var staleIdeaForm = await lead.GetAsync($"{pageUrl}/change-ideas/{ideaId}");
        var ideaSaved = await ideaForm.SubmitAsync("main form", new() { ["Idea.WhoseBehaviour"] = "Ward discharge coordinators", ["Idea.Functions"] = Training });
        var shown = await lead.GetAsync(ideaSaved.Location!);
        var ideaConflict = await staleIdeaForm.SubmitAsync("main form", new() { ["Idea.Title"] = "Someone else's idea" });
        var goalPage = await lead.GetAsync($"/systems/{system.Id}/goals/{goalId}");

        Assert.NotNull(leadsView.Document.QuerySelector($"#outline a[href='{pageUrl}/drivers/{planning}']"));
        Assert.NotNull(leadsView.Document.QuerySelector($"#outline a[href='{pageUrl}/drivers/{discharge}']"));
        Assert.NotNull(leadsView.Document.QuerySelector($"#outline a[href='{pageUrl}/change-ideas/{ideaId}']"));
        Assert.Null(viewersView.Document.QuerySelector("a[href*='/theory-of-change/drivers/'], a[href*='/theory-of-change/change-ideas/']"));
        Assert.Equal(HttpStatusCode.Forbidden, viewerEdit.Status);
        Assert.Equal("Discharge planned", form.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal([discharge.ToString()], form.Document.QuerySelectorAll("input[name='Input.PrimaryDriverIds']:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["Describe the driver, like \"timely discharge from hospital\"", "Select the primary drivers this secondary driver serves"], invalid.ErrorSummary);
        Assert.NotNull(invalid.Document.QuerySelector(".nhsuk-form-group--error input[name='Input.Title']"));
        Assert.NotNull(invalid.Document.QuerySelector(".nhsuk-form-group--error input[name='Input.PrimaryDriverIds']"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(pageUrl, saved.Location);
        Assert.Contains("Driver changed", afterSave.Text(".nhsuk-notification-banner"));
        Assert.Contains("Discharge planned from admission", afterSave.Text("#outline"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("was changed by someone else while you were editing it", conflict.ErrorSummary.Single());
        Assert.Contains("Discharge planned from admission", conflict.Text("#edit-conflict"));
        Assert.Contains("Care closer to home", conflict.Text("#edit-conflict"));
        Assert.Equal("Someone else's title", conflict.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("Ward teams", ideaForm.Document.QuerySelector("input[name='Idea.WhoseBehaviour']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, ideaSaved.Status);
        Assert.Equal(HttpStatusCode.Conflict, ideaConflict.Status);
        Assert.Contains("Ward discharge coordinators", ideaConflict.Text("#edit-conflict"));
        Assert.Contains("Change idea changed", shown.Text(".nhsuk-notification-banner"));
        Assert.Contains("Ward discharge coordinators", shown.Text($"#idea-{ideaId}"));
        Assert.Contains("Training", shown.Text($"#idea-{ideaId}"));
        Assert.Contains("Driver changed in", goalPage.Text("main"));
        Assert.Contains("Change idea changed in", goalPage.Text("main"));
        await using var scope = App.Database(system.Id);
        Assert.Equal("Discharge planned from admission", (await scope.Db.Drivers.SingleAsync(d => d.Id == planning, Ct)).Title);
        Assert.Equal([community], await scope.Db.DriverLinks.Where(l => l.SecondaryDriverId == planning).Select(l => l.PrimaryDriverId).ToListAsync(Ct));
        Assert.Equal("Discharge to assess", (await scope.Db.ChangeIdeas.SingleAsync(c => c.GoalId == goalId, Ct)).Title);
    }

    [Fact]
    public async Task HealthCheck_ListsEachGoalsFindings_AndChangesAsTheTheoryOfChangeGrows()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}";
        static string[] Checks(System.Text.Json.Nodes.JsonNode health) =>
            [.. health["goals"]![0]!["findings"]!.AsArray().Select(f => f!["check"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal)];

        var before = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
        var primary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Timely discharge" }, Ct)).JsonAsync();
        var secondary = await (await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers",
            new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primary["id"]!.GetValue<string>() } }, Ct)).JsonAsync();
        await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/change-ideas", new
        {
            title = "Reablement contract", secondaryDriverIds = new[] { secondary["id"]!.GetValue<string>() }, levers = "FiscalMeasures",
        }, Ct);
        var after = await (await convenor.GetAsync($"{url}/strategy/health-check", Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/health");

        string[] noMeasure = [HealthCheck.NoMeasure, HealthCheck.StaleData, HealthCheck.NoTarget, HealthCheck.UnaddressedConcern];
        Assert.Equal(noMeasure.Concat([HealthCheck.NoAccountOfHow, HealthCheck.NoContributor, HealthCheck.NotShared, HealthCheck.NotAgreed]).Order(StringComparer.Ordinal), Checks(before));
        Assert.Equal(4, before["goals"]![0]!["checksPassed"]!.GetValue<int>());
        Assert.Equal(noMeasure.Concat([HealthCheck.LeverWithoutMechanism, HealthCheck.NoContributor, HealthCheck.NotShared, HealthCheck.NotAgreed]).Order(StringComparer.Ordinal), Checks(after));
        Assert.Contains("4 of 12 checks pass", page.Text($"#goal-{goalId}"));
        Assert.Contains("a lever without a mechanism", page.Text($"#goal-{goalId}"));
        Assert.NotNull(page.Document.QuerySelector($"#goal-{goalId} a[href^='/systems/{system.Id}/goals/{goalId}/theory-of-change#idea-']"));
    }

    [Fact]
    public async Task StrategyDocument_HasEveryGoalWithItsTheoryContributionsAndMeasures_AsPageJsonAndMarkdown()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls <b>at home</b>");
        await GoalApi.DraftAsync(convenor, system, "Earlier cancer diagnosis");
        await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var url = $"/api/v1/systems/{system.Id}";
        await convenor.PostAsJsonAsync($"{url}/goals/{goalId}/drivers", new { level = "Primary", title = "Strength and balance" }, Ct);
        var measure = await trustLead.PostAsJsonAsync($"{url}/measures", new
        {
            name = "Falls admissions", definition = "Emergency admissions for falls", unit = "admissions", format = "Count", frequency = "Monthly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId,
        }, Ct);
        var measureUrl = measure.Headers.Location!.ToString();
        await trustLead.PostAsync($"{measureUrl}/imports", new StringContent("period,value\n" + string.Concat(Enumerable.Range(0, 15).Select(i => FormattableString.Invariant($"{new DateOnly(2024, 1, 1).AddMonths(i):yyyy-MM-dd},{100 + (i % 3)}\n"))),
            System.Text.Encoding.UTF8, "text/csv"), Ct);
        var measureId = (await measure.JsonAsync())["id"]!.GetValue<string>();
        await convenor.PostAsync($"{url}/goals/{goalId}/measures/{measureId}", null, Ct);
        var pages = await PageClient.SignedInAsync(App, system.Viewer);

        var document = await (await convenor.GetAsync($"{url}/strategy/document", Ct)).JsonAsync();
        var page = await pages.GetAsync($"/systems/{system.Id}/strategy");
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);

        var goals = document["goals"]!.AsArray();
        Assert.Equal(["Earlier cancer diagnosis", "Fewer falls <b>at home</b>"], goals.Select(g => g!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var falls = goals.Single(g => g!["id"]!.GetValue<string>() == goalId.ToString())!;
        Assert.Equal("Strength and balance", falls["drivers"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Westford Hospitals NHS Trust", falls["contributions"]![0]!["organisation"]!.GetValue<string>());
        Assert.Equal("common_cause", falls["measures"]![0]!["variationIcon"]!.GetValue<string>());
        Assert.Equal(2, page.Document.QuerySelectorAll("section.concordat-strategy__goal").Length);
        Assert.Contains("Falls admissions", page.Text($"#goal-{goalId}"));
        Assert.DoesNotContain("<b>at home</b>", page.Html, StringComparison.Ordinal);
        Assert.Contains("## Fewer falls &lt;b&gt;at home&lt;/b&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Falls admissions**: 102 admissions (March 2025)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedVersions_AreNumbered_ConvenorsOnly_AndNeverChange_WhateverHappensToTheLiveData()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system, "Fewer falls");
        var url = $"/api/v1/systems/{system.Id}";

        var byLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"{url}/strategy/versions", new { note = "Mine" }, Ct);
        var noNote = await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = " " }, Ct);
        var first = await (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "Approved by the ICP on 12 March" }, Ct)).JsonAsync();
        var goal = await convenor.GetAsync($"{url}/goals/{goalId}", Ct);
        var renamed = await convenor.PutJsonAsync($"{url}/goals/{goalId}", GoalApi.Draft(system, "Fewer falls at home"), goal.Headers.ETag!.ToString());
        var second = await (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "After the March board" }, Ct)).JsonAsync();
        var versionOne = await (await convenor.GetAsync($"{url}/strategy/versions/1", Ct)).JsonAsync();
        var list = (await (await convenor.GetAsync($"{url}/strategy/versions", Ct)).JsonAsync()).AsArray();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/versions/1");

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal((1, 2), (first["number"]!.GetValue<int>(), second["number"]!.GetValue<int>()));
        Assert.Equal("Fewer falls", versionOne["document"]!["goals"]![0]!["title"]!.GetValue<string>());
        Assert.Equal([2, 1], list.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(12, list[0]!["checks"]!.GetValue<int>());
        Assert.Contains("Approved by the ICP on 12 March", page.Text("#version-note"));
        Assert.Contains("Fewer falls", page.Text("main"));
        Assert.DoesNotContain("Fewer falls at home", page.Text("main"));
        var trend = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/health");
        Assert.Equal(3, trend.Document.QuerySelectorAll("#trend tbody tr").Length);

        await using var scope = App.Database(system.Id);
        var stored = await scope.Db.StrategyVersions.SingleAsync(v => v.Number == 1, Ct);
        scope.Db.Entry(stored).Property(v => v.Note).CurrentValue = "Rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
        scope.Db.ChangeTracker.Clear();
        scope.Db.StrategyVersions.Remove(await scope.Db.StrategyVersions.SingleAsync(v => v.Number == 1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
    }
}

public sealed class TheoryOfChangeSqliteTests(SqliteApp app) : TheoryOfChangeTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class TheoryOfChangePostgresTests(PostgresApp app) : TheoryOfChangeTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Core.HealthChecks;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Goals;

/// <summary>Goals owned by a governance forum or jointly by several organisations, and goals without a named SRO.</summary>
public abstract class GoalOwnershipTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<Guid> AddOutsiderAsync(TestSystem system)
    {
        await using var scope = App.Database(system.Id);
        var outsider = new Organisation { SystemId = system.Id, Name = "University of Westford", Type = OrganisationType.Education, IsPartner = false };
        scope.Db.Organisations.Add(outsider);
        await scope.Db.SaveChangesAsync(Ct);
        return outsider.Id;
    }

    private static async Task<Guid> AddForumAsync(HttpClient convenor, TestSystem system, string name = "Westford Integrated Care Partnership")
    {
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", new { name, kind = "IntegratedCarePartnership" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    private static object Owned(TestSystem system, Guid? forum, Guid[] jointOwners, string? sro = null, string title = "Fewer falls in older people", bool led = true) => new
    {
        title,
        outcomeStatement = "By March 2028, 20% fewer falls needing hospital care among people aged 65 and over.",
        population = "People aged 65 and over",
        wholeSystem = true,
        horizon = "2028-03-31",
        leadOrganisationId = led ? system.TrustId : (Guid?)null,
        seniorResponsibleOwner = sro,
        owningForumId = forum,
        jointOwnerIds = jointOwners,
    };

    [Fact]
    public async Task AGoalOwnedByAForumAndJointly_WithoutAnSro_IsShownAudited_AndTheHealthCheckNamesTheMissingSro()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var forum = await AddForumAsync(convenor, system);
        var university = await AddOutsiderAsync(system);

        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, forum, [system.CouncilId, university]), Ct);
        var goal = await created.JsonAsync();
        var goalId = goal["id"]!.GetValue<string>();
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await viewer.GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var list = await viewer.GetAsync($"/systems/{system.Id}/goals");
        var health = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/health-check", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Westford Integrated Care Partnership", goal["owningForum"]!["name"]!.GetValue<string>());
        Assert.Equal(["University of Westford", "Westford Council"], goal["jointOwners"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Null(goal["seniorResponsibleOwner"]);
        Assert.Contains("Westford Integrated Care Partnership", page.Text(".nhsuk-summary-list"));
        Assert.Equal(["University of Westford", "Westford Council"], page.Document.QuerySelectorAll("#joint-owners li").Select(li => li.TextContent.Trim()));
        Assert.Contains("None named", page.Text(".nhsuk-summary-list"));
        Assert.Contains("Owned by Westford Integrated Care Partnership, jointly with University of Westford and Westford Council", list.Text("tbody"));
        var findings = health["goals"]!.AsArray().Single(g => g!["goalId"]!.GetValue<string>() == goalId)!["findings"]!.AsArray();
        Assert.Contains(findings, f => f!["check"]!.GetValue<string>() == HealthCheck.NoSeniorResponsibleOwner && f["state"]!.GetValue<string>() == "Failed");
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "GoalDrafted", Ct);
        Assert.Contains("Westford Integrated Care Partnership", audit.AfterJson);
        Assert.Contains("University of Westford, Westford Council", audit.AfterJson);
    }

    [Fact]
    public async Task AGoalOwnedJointlyWithNoLead_IsSavedAndShownAsSuch_ButAGoalNoOneOwnsIsRefused()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var university = await AddOutsiderAsync(system);
        var url = $"/api/v1/systems/{system.Id}/goals";

        var unowned = await convenor.PostAsJsonAsync(url, Owned(system, null, [], "Dr Anna Patel", led: false), Ct);
        var created = await convenor.PostAsJsonAsync(url, Owned(system, null, [system.CouncilId, university], "Dr Anna Patel", led: false), Ct);
        var goal = await created.JsonAsync();
        var goalId = goal["id"]!.GetValue<string>();
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await viewer.GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var list = await viewer.GetAsync($"/systems/{system.Id}/goals");
        var document = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/document", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, unowned.StatusCode);
        Assert.Equal("Select the lead organisation, or the forum or organisations that own the goal",
            (await unowned.JsonAsync())["errors"]!["LeadOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null(goal["leadOrganisationId"]);
        Assert.Null(goal["leadOrganisation"]);
        Assert.Contains("None named", page.Text(".nhsuk-summary-list"));
        Assert.Contains("No lead organisation", list.Text("tbody"));
        Assert.Contains("Owned by University of Westford and Westford Council", list.Text("tbody"));
        var documentGoal = document["goals"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == goalId)!;
        Assert.Equal("Owned jointly by University of Westford and Westford Council; no organisation leads it, senior responsible owner Dr Anna Patel.",
            documentGoal["ownership"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        var saved = await scope.Db.Goals.SingleAsync(Ct);
        Assert.Null(saved.LeadOrganisationId);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "GoalDrafted", Ct);
        Assert.DoesNotContain("\"?\"", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALead_MayDraftAGoalWithNoLead_OnlyWithTheirOwnOrganisationAmongItsOwners()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/goals";

        var othersOnly = await councilLead.PostAsJsonAsync(url, Owned(system, null, [system.TrustId], led: false), Ct);
        var created = await councilLead.PostAsJsonAsync(url, Owned(system, null, [system.CouncilId, system.TrustId], led: false), Ct);
        var goalId = (await created.JsonAsync())["id"]!.GetValue<string>();
        var reworded = await councilLead.PutJsonAsync($"{url}/{goalId}",
            Owned(system, null, [system.CouncilId, system.TrustId], title: "Fewer falls at home", led: false), created.Headers.ETag!.ToString());
        var namesALead = await councilLead.PutJsonAsync($"{url}/{goalId}", Owned(system, null, [system.CouncilId], led: true), "*");

        Assert.Equal(HttpStatusCode.BadRequest, othersOnly.StatusCode);
        Assert.Equal("Choose your own organisation as lead or joint owner, or ask a convenor to draft the goal",
            (await othersOnly.JsonAsync())["errors"]!["LeadOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, namesALead.StatusCode);
        Assert.Equal("Only a convenor or a lead of the lead organisation can change who owns or leads the goal",
            (await namesALead.JsonAsync())["errors"]!["JointOwnerIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task OnAGoalWithNoLead_JointOwnersLeadsAcceptContributions_AndCheckInsWaitOnThemToBeAcknowledged()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, null, [system.TrustId], "Dr Anna Patel", led: false), Ct);
        var goalId = Guid.Parse((await created.JsonAsync())["id"]!.GetValue<string>());
        var (contributionId, _) = await ContributionApi.CommitAsync(council, system, goalId, system.CouncilId);
        var acceptedByContributorsLead = await ContributionApi.PostWithVersionAsync(council, system, contributionId, "acceptance", new { });
        var acceptedByJointOwnersLead = await ContributionApi.PostWithVersionAsync(trust, system, contributionId, "acceptance", new { });
        var posted = await (await ApiClient.ForAsync(App, system.CouncilContributor))
            .PostAsJsonAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}/check-ins", new { status = "OnTrack", confidence = 8 }, Ct);
        var acknowledgement = $"/api/v1/systems/{system.Id}/check-ins/{(await posted.JsonAsync())["id"]!.GetValue<string>()}/acknowledgement";
        async Task<IReadOnlyList<(string Kind, string Text)>> Waiting(HttpClient client) =>
            [.. (await (await client.GetAsync($"/api/v1/systems/{system.Id}/me/waiting", Ct)).JsonAsync()).AsArray()
                .Select(i => (i!["kind"]!.GetValue<string>(), i["text"]!.GetValue<string>()))];

        var councilWaits = await Waiting(council);
        var trustWaits = await Waiting(trust);
        var page = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/contributions/{contributionId}");
        var byContributorsLead = await council.PostAsync(acknowledgement, null, Ct);
        var byJointOwnersLead = await trust.PostAsync(acknowledgement, null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, acceptedByContributorsLead.StatusCode);
        Assert.True(acceptedByJointOwnersLead.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains(("CheckInAwaitingAcknowledgement", "No owner of Fewer falls in older people has yet acknowledged Westford Council's check-in"), councilWaits);
        Assert.Contains(("Acknowledgement", "Acknowledge Westford Council's check-in on Fewer falls in older people"), trustWaits);
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=Acknowledge']"));
        Assert.Equal(HttpStatusCode.Forbidden, byContributorsLead.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byJointOwnersLead.StatusCode);
        Assert.DoesNotContain(await Waiting(council), w => w.Kind == "CheckInAwaitingAcknowledgement");
    }

    [Fact]
    public async Task OnAGoalOwnedOnlyByAForum_LeadsOfItsMembersAcknowledgeCheckIns()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var forum = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums",
            new { name = "Westford Health and Wellbeing Board", kind = "HealthAndWellbeingBoard", memberOrganisationIds = new[] { system.TrustId } }, Ct);
        var forumId = Guid.Parse((await forum.JsonAsync())["id"]!.GetValue<string>());
        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, forumId, [], "Dr Anna Patel", led: false), Ct);
        var goalId = Guid.Parse((await created.JsonAsync())["id"]!.GetValue<string>());
        var (contributionId, _) = await ContributionApi.CommitAsync(council, system, goalId, system.CouncilId);
        await ContributionApi.PostWithVersionAsync(convenor, system, contributionId, "acceptance", new { });
        var posted = await (await ApiClient.ForAsync(App, system.CouncilContributor))
            .PostAsJsonAsync($"/api/v1/systems/{system.Id}/contributions/{contributionId}/check-ins", new { status = "OnTrack", confidence = 8 }, Ct);
        var acknowledgement = $"/api/v1/systems/{system.Id}/check-ins/{(await posted.JsonAsync())["id"]!.GetValue<string>()}/acknowledgement";

        var byNonMembersLead = await council.PostAsync(acknowledgement, null, Ct);
        var byMembersLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsync(acknowledgement, null, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byNonMembersLead.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byMembersLead.StatusCode);
    }

    [Fact]
    public async Task OnAGoalWithNoLead_ItsOwnersLeadsShapeIt_MeasuresNeedsAndTheoryOfChange_AndOthersLeadsMayNot()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var forum = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums",
            new { name = "Westford Health and Wellbeing Board", kind = "HealthAndWellbeingBoard", memberOrganisationIds = new[] { system.CouncilId } }, Ct);
        var forumId = Guid.Parse((await forum.JsonAsync())["id"]!.GetValue<string>());
        var joint = Guid.Parse((await (await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, null, [system.TrustId], "Dr Anna Patel", led: false), Ct))
            .JsonAsync())["id"]!.GetValue<string>());
        var byForum = Guid.Parse((await (await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals",
            Owned(system, forumId, [], "Dr Anna Patel", title: "Healthier weight in children", led: false), Ct)).JsonAsync())["id"]!.GetValue<string>());
        var measure = (await (await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Falls admissions", definition = "Emergency admissions for falls, aged 65+", unit = "admissions", frequency = "Monthly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId,
        }, Ct)).JsonAsync())["id"]!.GetValue<string>();
        object Need(string what) => new { types = ResourceApi.Nursing, description = what, quantity = 2, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" };
        object Driver(string title) => new { level = "Primary", title };

        var measureByOwner = await trust.PostAsync($"/api/v1/systems/{system.Id}/goals/{joint}/measures/{measure}", null, Ct);
        var needByOwner = await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{joint}/needs", Need("Falls nurses"), Ct);
        var driverByOwner = await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{joint}/drivers", Driver("Strength and balance"), Ct);
        var needByOther = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{joint}/needs", Need("More nurses"), Ct);
        var driverByOther = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{joint}/drivers", Driver("Home hazards"), Ct);
        var driverByForumMember = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{byForum}/drivers", Driver("School meals"), Ct);
        var driverByNonMember = await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{byForum}/drivers", Driver("Active travel"), Ct);
        var trustPage = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/goals/{joint}/theory-of-change");
        var councilPage = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"/systems/{system.Id}/goals/{joint}/theory-of-change");

        Assert.True(measureByOwner.IsSuccessStatusCode, measureByOwner.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Created, needByOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Created, driverByOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, needByOther.StatusCode);
        Assert.Equal("Only a convenor or a lead of an organisation that leads or owns the goal can say what it needs.", (await needByOther.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, driverByOther.StatusCode);
        Assert.Equal(HttpStatusCode.Created, driverByForumMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, driverByNonMember.StatusCode);
        Assert.NotNull(trustPage.Document.QuerySelector("form[action*='handler=RemoveDriver']"));
        Assert.Null(councilPage.Document.QuerySelector("form[action*='handler=RemoveDriver']"));
    }

    [Fact]
    public async Task TheGoalsList_FiltersByAnOrganisationThatLeadsOrOwns_CountingAForumsMembersOnlyWhereNoOneLeads()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var forum = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums",
            new { name = "Westford Health and Wellbeing Board", kind = "HealthAndWellbeingBoard", memberOrganisationIds = new[] { system.CouncilId } }, Ct);
        var forumId = Guid.Parse((await forum.JsonAsync())["id"]!.GetValue<string>());
        await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, null, [system.TrustId], title: "Jointly owned", led: false), Ct);
        await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, forumId, [], title: "Owned by the board", led: false), Ct);
        await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, forumId, [], title: "Led by the trust for the board"), Ct);
        async Task<string[]> Titles(Guid organisation) =>
            [.. (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/goals?organisationId={organisation}", Ct)).JsonAsync()).AsArray()
                .Select(g => g!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals?OrganisationId={system.CouncilId}");

        Assert.Equal(["Jointly owned", "Led by the trust for the board"], await Titles(system.TrustId));
        Assert.Equal(["Owned by the board"], await Titles(system.CouncilId));
        Assert.Equal("Led or owned by", page.Document.QuerySelector("label[for='OrganisationId']")!.TextContent.Trim());
        Assert.Equal(["Owned by the board"], page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(e => e.TextContent.Trim()).ToArray());
    }

    [Fact]
    public async Task UnknownForumsAndOrganisations_AnotherSystemsForum_AndTheLeadAsItsOwnJointOwner_AreRefused()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var otherForum = await AddForumAsync(await ApiClient.ForAsync(App, other.Convenor), other);
        var url = $"/api/v1/systems/{system.Id}/goals";

        var unknownForum = await convenor.PostAsJsonAsync(url, Owned(system, Guid.NewGuid(), []), Ct);
        var foreignForum = await convenor.PostAsJsonAsync(url, Owned(system, otherForum, []), Ct);
        var unknownOwner = await convenor.PostAsJsonAsync(url, Owned(system, null, [Guid.NewGuid()]), Ct);
        var foreignOwner = await convenor.PostAsJsonAsync(url, Owned(system, null, [other.CouncilId]), Ct);
        var leadTwice = await convenor.PostAsJsonAsync(url, Owned(system, null, [system.TrustId]), Ct);

        static async Task<string> Error(HttpResponseMessage response, string field)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync())["errors"]![field]![0]!.GetValue<string>();
        }
        Assert.Equal("Select a forum of this system", await Error(unknownForum, "OwningForumId"));
        Assert.Equal("Select a forum of this system", await Error(foreignForum, "OwningForumId"));
        Assert.Equal("Select joint owners from this system's organisations", await Error(unknownOwner, "JointOwnerIds"));
        Assert.Equal("Select joint owners from this system's organisations", await Error(foreignOwner, "JointOwnerIds"));
        Assert.Equal("The lead organisation already owns the goal: select other organisations as joint owners", await Error(leadTwice, "JointOwnerIds"));
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Goals.AnyAsync(Ct));
    }

    [Fact]
    public async Task AForumThatOwnsAGoal_CannotBeRemoved_UntilTheGoalNamesAnotherOwner()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var forum = await AddForumAsync(convenor, system);
        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, forum, [], "Dr Anna Patel"), Ct);
        var goalId = (await created.JsonAsync())["id"]!.GetValue<string>();

        var refused = await convenor.DeleteAsync($"/api/v1/systems/{system.Id}/forums/{forum}", Ct);
        var moved = await convenor.PutJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}", Owned(system, null, [], "Dr Anna Patel"), created.Headers.ETag!.ToString());
        var removed = await convenor.DeleteAsync($"/api/v1/systems/{system.Id}/forums/{forum}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Westford Integrated Care Partnership owns a shared goal: name another owner for the goal first",
            (await refused.JsonAsync())["errors"]!["Name"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task AJointOwnersLead_MayRewordTheDraft_ButNotChangeWhoOwnsIt()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/goals";
        var unowned = await (await convenor.PostAsJsonAsync(url, Owned(system, null, [], "Dr Anna Patel", "Not the council's"), Ct)).JsonAsync();
        var created = await convenor.PostAsJsonAsync(url, Owned(system, null, [system.CouncilId], "Dr Anna Patel"), Ct);
        var goalId = (await created.JsonAsync())["id"]!.GetValue<string>();
        var etag = created.Headers.ETag!.ToString();

        var notAnOwner = await councilLead.PutJsonAsync($"{url}/{unowned["id"]!.GetValue<string>()}", Owned(system, null, [], "Dr Anna Patel", "Reworded"), "*");
        var dropsItself = await councilLead.PutJsonAsync($"{url}/{goalId}", Owned(system, null, [], "Dr Anna Patel", "Reworded"), etag);
        var reworded = await councilLead.PutJsonAsync($"{url}/{goalId}", Owned(system, null, [system.CouncilId], "Dr Anna Patel", "Fewer falls at home"), etag);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PutJsonAsync($"{url}/{goalId}", Owned(system, null, [system.CouncilId]), "*");
        var editPage = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"/systems/{system.Id}/goals/{goalId}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, notAnOwner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, dropsItself.StatusCode);
        Assert.Equal("Only a convenor or a lead of the lead organisation can change who owns or leads the goal",
            (await dropsItself.JsonAsync())["errors"]!["JointOwnerIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        Assert.Equal("Fewer falls at home", (await reworded.JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editPage.Status);
    }

    [Fact]
    public async Task GoalForm_SetsTheForumAndJointOwners_AndLeavesTheSroOptional()
    {
        var system = await App.CreateSystemAsync();
        var forum = await AddForumAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var university = await AddOutsiderAsync(system);
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/goals/new");

        var saved = await form.SubmitAsync("main form", new(PageResponse.DateBoxes("Input.Horizon", "31", "3", "2028"))
        {
            ["Input.Title"] = "Fewer falls in care homes", ["Input.OutcomeStatement"] = "By 2028, 20% fewer falls in care homes.",
            ["Input.Population"] = "Care home residents", ["Input.WholeSystem"] = "true", ["Input.LeadOrganisationId"] = system.TrustId.ToString(),
            ["Input.OwningForumId"] = forum.ToString(), ["Input.JointOwnerIds"] = new[] { university.ToString() }, ["Input.SeniorResponsibleOwner"] = "",
        });

        Assert.Contains("University of Westford (outside the system)", form.Text("main form"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await saved.FollowAsync();
        Assert.Equal("University of Westford", page.Text("#joint-owners li"));
        await using var scope = App.Database(system.Id);
        var goal = await scope.Db.Goals.Include(g => g.JointOwners).SingleAsync(Ct);
        Assert.Equal(forum, goal.OwningForumId);
        Assert.Null(goal.SeniorResponsibleOwner);
        Assert.Equal([university], goal.JointOwners.Select(o => o.OrganisationId));
    }

    [Fact]
    public async Task GoalForm_ALeadDraftsAGoalWithNoLead_OwnedJointlyWithTheirOwnOrganisation()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.CouncilLead);
        var form = await client.GetAsync($"/systems/{system.Id}/goals/new");
        Dictionary<string, object?> Fields(params string[] jointOwners) => new(PageResponse.DateBoxes("Input.Horizon", "31", "3", "2028"))
        {
            ["Input.Title"] = "Healthier weight in children", ["Input.OutcomeStatement"] = "By 2028, fewer children leave primary school obese.",
            ["Input.Population"] = "Children aged 4 to 11", ["Input.WholeSystem"] = "true", ["Input.LeadOrganisationId"] = "",
            ["Input.JointOwnerIds"] = jointOwners, ["Input.SeniorResponsibleOwner"] = "Dr Fiona Grant",
        };

        var unowned = await form.SubmitAsync("main form", Fields());
        var othersOnly = await form.SubmitAsync("main form", Fields(system.TrustId.ToString()));
        var saved = await form.SubmitAsync("main form", Fields(system.CouncilId.ToString(), system.TrustId.ToString()));

        Assert.Contains("Select the lead organisation, or the forum or organisations that own the goal", unowned.Text(".nhsuk-error-summary"));
        Assert.Contains("Choose your own organisation as lead or joint owner, or ask a convenor to draft the goal", othersOnly.Text(".nhsuk-error-summary"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await saved.FollowAsync();
        Assert.Contains("None named", page.Text("main"));
        await using var scope = App.Database(system.Id);
        var goal = await scope.Db.Goals.Include(g => g.JointOwners).SingleAsync(Ct);
        Assert.Null(goal.LeadOrganisationId);
        Assert.Equal(new[] { system.CouncilId, system.TrustId }.Order(), goal.JointOwners.Select(o => o.OrganisationId).Order());
    }

    [Fact]
    public async Task AContributionToAGoalWithoutAnSro_NamesItsReviewer()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var created = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", Owned(system, null, []), Ct);
        var goalId = (await created.JsonAsync())["id"]!.GetValue<string>();
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}/contributions";
        object Commitment(string? reviewer) => new
        {
            organisationId = system.TrustId, commitment = "Falls clinics in every neighbourhood", dueOn = "2027-12-31", accountablePerson = "Tom Richards", reviewer,
        };

        var noReviewer = await trust.PostAsJsonAsync(url, Commitment(null), Ct);
        var withReviewer = await trust.PostAsJsonAsync(url, Commitment("Dr Anna Patel"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReviewer.StatusCode);
        Assert.Equal("Enter who reviews the contribution: the goal has no senior responsible owner to review it",
            (await noReviewer.JsonAsync())["errors"]!["Reviewer"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, withReviewer.StatusCode);
        Assert.Equal("Dr Anna Patel", (await withReviewer.JsonAsync())["reviewer"]!.GetValue<string>());
    }
}

public sealed class GoalOwnershipSqliteTests(SqliteApp app) : GoalOwnershipTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class GoalOwnershipPostgresTests(PostgresApp app) : GoalOwnershipTests(app, DatabaseKind.Postgres);

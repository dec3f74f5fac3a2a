using System.Net;
using System.Net.Http.Json;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Asks;

/// <summary>A system drafts its asks of national bodies: its owner's leads (or a convenor) write them, everyone in the system reads them, no other system does.</summary>
public abstract class AskDraftingTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly Guid Region = NationalBody.Standard.Single(b => b.Name == "NHS England North East and Yorkshire").Id;

    private static object Ask(TestSystem system, Guid owner, Guid[] goals, string title = "Pool the discharge funding") => new
    {
        title, category = "FinancialFlexibility", nationalBodyId = Region,
        barrier = "Two grants with two sets of conditions.", request = "Let them be pooled for three years.", offer = "One quarterly outcome report.",
        ownerOrganisationId = owner, goalIds = goals,
    };

    [Fact]
    public async Task ALead_DraftsAnAskForTheirOrganisation_EveryoneInTheSystemReadsIt_AndItIsAudited()
    {
        var system = await App.CreateSystemAsync();
        var goal = await App.AgreedGoalAsync(system, Ct);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/asks";

        var created = await council.PostAsJsonAsync(url, Ask(system, system.CouncilId, [goal]), Ct);
        var body = await created.JsonAsync();
        var read = await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync(created.Headers.Location, Ct);
        var list = (await (await council.GetAsync(url, Ct)).JsonAsync()).AsArray();
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/asks/{body["id"]}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Draft", body["status"]!.GetValue<string>());
        Assert.Equal("NHS England North East and Yorkshire", body["nationalBody"]!.GetValue<string>());
        Assert.Equal("Westford Council", body["owner"]!.GetValue<string>());
        Assert.Equal(["Fewer falls"], body["goals"]!.AsArray().Select(g => g!["title"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Single(list);
        Assert.Equal("Pool the discharge funding", page.Text("h1"));
        Assert.Equal("Draft", page.Text("#ask-status"));
        Assert.Contains("Fewer falls", page.Text("#ask-goals"));
        Assert.Null(page.Document.QuerySelector("a[href$='/edit']"));
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "AskDrafted", Ct);
        Assert.Equal(system.CouncilLead.Name, audit.ActorName);
        Assert.Contains("Two grants with two sets of conditions.", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedFieldByField_ALeadCannotDraftForAnotherOrganisation_AndNothingIsWritten()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var otherGoal = await App.AgreedGoalAsync(other, Ct);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/asks";

        var empty = await council.PostAsJsonAsync(url, new { }, Ct);
        var forTheTrust = await council.PostAsJsonAsync(url, Ask(system, system.TrustId, []), Ct);
        var otherSystemsGoal = await council.PostAsJsonAsync(url, Ask(system, system.CouncilId, [otherGoal]), Ct);
        var unknownRisk = await council.PostAsJsonAsync(url, new
        {
            title = "T", category = "Capital", nationalBodyId = Region, barrier = "B", request = "R", ownerOrganisationId = system.CouncilId, riskIds = new[] { Guid.NewGuid() },
        }, Ct);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostAsJsonAsync(url, Ask(system, system.CouncilId, []), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["Title", "Category", "NationalBodyId", "Barrier", "Request", "OwnerOrganisationId"], errors.Select(e => e.Key));
        Assert.Equal("Say what stops the partners today", errors["Barrier"]![0]!.GetValue<string>());
        Assert.Equal("Choose your own organisation as the ask's owner, or ask a convenor to name another",
            (await forTheTrust.JsonAsync())["errors"]!["OwnerOrganisationId"]![0]!.GetValue<string>());
        Assert.Equal("Select goals of this system that are not retired", (await otherSystemsGoal.JsonAsync())["errors"]!["GoalIds"]![0]!.GetValue<string>());
        Assert.Equal("Select risks from this system's RAID log", (await unknownRisk.JsonAsync())["errors"]!["RiskIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.Asks.CountAsync(Ct));
    }

    [Fact]
    public async Task ADraft_ChangesAgainstTheVersionRead_OnlyByItsOwnersLeadsOrAConvenor_AndNoOtherSystemOrNationalPartnerSeesIt()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var created = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/asks", Ask(system, system.CouncilId, []), Ct);
        var url = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.ToString();
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var appointed = await administrator.PostAsJsonAsync($"/api/v1/national-bodies/{Region}/partners",
            new { email = $"region-{Guid.NewGuid():N}@test.concordat.example", displayName = "Rhea Region" }, Ct);
        Assert.Equal(HttpStatusCode.OK, appointed.StatusCode);
        var regionPartner = await ApiClient.ForAsync(App, new TestPerson(Guid.Parse((await appointed.JsonAsync())["personId"]!.GetValue<string>()), "", "", "Rhea Region"));

        var changed = await council.PutJsonAsync(url, Ask(system, system.CouncilId, [], "Pool the discharge and reablement funding"), etag);
        var stale = await council.PutJsonAsync(url, Ask(system, system.CouncilId, [], "Overwritten"), etag);
        var byTrustLead = await (await ApiClient.ForAsync(App, system.TrustLead)).PutJsonAsync(url, Ask(system, system.CouncilId, [], "Taken over"), "*");
        var byConvenor = await (await ApiClient.ForAsync(App, system.Convenor)).PutJsonAsync(url, Ask(system, system.CouncilId, [], "Pool the funding"),
            changed.Headers.ETag!.ToString());
        var fromOtherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync(url, Ct);
        var listedElsewhere = (await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"/api/v1/systems/{other.Id}/asks", Ct)).JsonAsync();
        var otherSystemsUrl = url.Replace(system.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal);
        var throughOtherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync(otherSystemsUrl, Ct);
        var byTheBodyAddressed = await regionPartner.GetAsync(url, Ct);
        var editPage = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"/systems/{system.Id}/asks/{url.Split('/')[^1]}/edit");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Pool the discharge and reablement funding", (await changed.JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrustLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromOtherSystem.StatusCode);
        Assert.Empty((await listedElsewhere).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, throughOtherSystem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byTheBodyAddressed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editPage.Status);
        Assert.Equal("Pool the funding", (editPage.Document.QuerySelector("#Input_Title") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task TheDraftForm_SavesAnAsk_AndShowsEachProblemBesideItsField()
    {
        var system = await App.CreateSystemAsync();
        var goal = await App.AgreedGoalAsync(system, Ct);
        var client = await PageClient.SignedInAsync(App, system.CouncilLead);
        var form = await client.GetAsync($"/systems/{system.Id}/asks/new");

        var missing = await form.SubmitAsync("main form", new() { ["Input.Title"] = "Pool the funding", ["Input.Category"] = "", ["Input.Barrier"] = "" });
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.Title"] = "Pool the funding", ["Input.Category"] = "FinancialFlexibility", ["Input.NationalBodyId"] = Region.ToString(),
            ["Input.Barrier"] = "Two grants.", ["Input.Request"] = "One pool.", ["Input.OwnerOrganisationId"] = system.CouncilId.ToString(),
            ["Input.GoalIds"] = new[] { goal.ToString() },
        });
        var page = await saved.FollowAsync();
        var list = await client.GetAsync($"/systems/{system.Id}/asks");

        Assert.Equal(system.CouncilId.ToString(), (form.Document.QuerySelector("#Input_OwnerOrganisationId option[selected]") as AngleSharp.Html.Dom.IHtmlOptionElement)?.Value);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(["Select the kind of change asked", "Select the national body the ask is addressed to", "Say what stops the partners today",
            "Say the specific change you ask for"], missing.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Pool the funding", page.Text("h1"));
        Assert.NotNull(page.Document.QuerySelector("a[href$='/edit']"));
        Assert.Contains("Pool the funding", list.Text("#ask-list"));
    }
}

public sealed class AskDraftingSqliteTests(SqliteApp app) : AskDraftingTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AskDraftingPostgresTests(PostgresApp app) : AskDraftingTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.National;

/// <summary>
/// National bodies live outside every system; administrators add them and appoint their national partners, who see no
/// system's workspace, only systems' public strategies.
/// </summary>
public abstract class NationalBodiesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid().ToString("N")[..8]}@test.concordat.example";

    /// <summary>Appoints a new national partner of the body through the API and lets them set a password, returning them ready to sign in.</summary>
    private async Task<TestPerson> AppointAsync(HttpClient administrator, Guid bodyId, string name = "Dana National")
    {
        var email = UniqueEmail("national");
        var appointed = await administrator.PostAsJsonAsync($"/api/v1/national-bodies/{bodyId}/partners", new { email, displayName = name, team = "Finance" }, Ct);
        Assert.Equal(HttpStatusCode.OK, appointed.StatusCode);
        var personId = Guid.Parse((await appointed.JsonAsync())["personId"]!.GetValue<string>());
        return await App.WithPasswordAsync(new TestPerson(personId, email, Seed.Password, name), Ct);
    }

    [Fact]
    public async Task EveryDeploymentStartsWithTheStandardBodies_AndAnAdministratorAddsRenamesAndNoOneElseMay()
    {
        var system = await App.CreateSystemAsync();
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var name = Unique("Office for Local Government");

        var list = (await (await convenor.GetAsync("/api/v1/national-bodies?pageSize=200", Ct)).JsonAsync()).AsArray().Select(b => b!["name"]!.GetValue<string>()).ToList();
        var byConvenor = await convenor.PostAsJsonAsync("/api/v1/national-bodies", new { name, kind = "Other" }, Ct);
        var created = await administrator.PostAsJsonAsync("/api/v1/national-bodies", new { name, kind = "Other" }, Ct);
        var sameNameOtherCase = await administrator.PostAsJsonAsync("/api/v1/national-bodies", new { name = name.ToUpperInvariant(), kind = "Other" }, Ct);
        var invalid = await administrator.PostAsJsonAsync("/api/v1/national-bodies", new { name = "" }, Ct);
        var url = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag?.ToString() ?? (await administrator.GetAsync(url, Ct)).Headers.ETag!.ToString();
        var renamed = await administrator.PutJsonAsync(url, new { name = name + " (Oflog)", kind = "HousingCommunitiesAndLocalGovernment" }, etag);
        var stale = await administrator.PutJsonAsync(url, new { name = name + " again", kind = "Other" }, etag);
        var renamedByConvenor = await convenor.PutJsonAsync(url, new { name = "Taken over", kind = "Other" }, "*");

        Assert.All(NationalBody.Standard, b => Assert.Contains(b.Name, list));
        Assert.Contains("NHS England North East and Yorkshire", list);
        Assert.Equal(HttpStatusCode.Forbidden, byConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sameNameOtherCase.StatusCode);
        Assert.Equal($"A national body called {name} already exists: choose another name",
            (await sameNameOtherCase.JsonAsync())["errors"]!["Name"]![0]!.GetValue<string>());
        var errors = (await invalid.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["Enter the national body's name"], errors["Name"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["Select the kind of national body"], errors["Kind"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("HousingCommunitiesAndLocalGovernment", (await renamed.JsonAsync())["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, renamedByConvenor.StatusCode);
        await using var scope = App.Database();
        var id = Guid.Parse(url.Split('/')[^1]);
        var saved = await scope.Db.NationalBodies.SingleAsync(b => b.Id == id, Ct);
        Assert.Equal(name + " (Oflog)", saved.Name);
    }

    [Fact]
    public async Task TheBodiesPages_AddABody_AppointAPartner_ShowWhatIsWrong_AndAreForAdministratorsOnly()
    {
        var system = await App.CreateSystemAsync();
        var administrator = await PageClient.SignedInAsync(App, await App.CreateAdministratorAsync());
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var name = Unique("NHS England Midlands commissioning hub");

        var list = await administrator.GetAsync("/national-bodies");
        var missingKind = await list.SubmitAsync("main form", new() { ["Input.Name"] = name, ["Input.Kind"] = "" });
        var added = await list.SubmitAsync("main form", new() { ["Input.Name"] = name, ["Input.Kind"] = "NhsEnglandRegion" });
        var body = await added.FollowAsync();
        var systemPerson = await body.SubmitAsync("form[action*='handler=Appoint']",
            new() { ["Partner.Email"] = system.TrustLead.Email, ["Partner.DisplayName"] = "", ["Partner.Team"] = "" });
        var email = UniqueEmail("hub");
        var appointed = await body.SubmitAsync("form[action*='handler=Appoint']",
            new() { ["Partner.Email"] = email, ["Partner.DisplayName"] = "Hana Hub", ["Partner.Team"] = "Primary care" });
        var withPartner = await appointed.FollowAsync();
        var byConvenor = await convenor.GetAsync("/national-bodies");
        var home = await administrator.GetAsync("/systems");

        Assert.Equal(HttpStatusCode.BadRequest, missingKind.Status);
        Assert.Equal(["Select the kind of national body"], missingKind.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(name, body.Text("h1"));
        Assert.Equal(HttpStatusCode.BadRequest, systemPerson.Status);
        Assert.Equal([$"{system.TrustLead.Email} holds a role in a system; a national partner sees no system's workspace, so remove those roles first or use another account"],
            systemPerson.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, appointed.Status);
        Assert.Contains("Hana Hub", withPartner.Text("#national-partner-list"));
        Assert.Contains("Primary care", withPartner.Text("#national-partner-list"));
        Assert.Equal(HttpStatusCode.Forbidden, byConvenor.Status);
        Assert.NotNull(home.Document.QuerySelector("a[href='/national-bodies']"));
    }

    [Fact]
    public async Task ANationalPartner_SeesNoSystemsWorkspace_OnlyTheirBodyAndPublicStrategies_AndIsNeverAddedToASystem()
    {
        var system = await App.CreateSystemAsync();
        var hidden = await App.CreateSystemAsync();
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/strategy/versions", new { note = "Approved by the ICP" }, Ct);
        Assert.True((await convenor.PutAsJsonAsync($"/api/v1/systems/{system.Id}/strategy/public", new { isPublic = true }, Ct)).IsSuccessStatusCode);
        await (await ApiClient.ForAsync(App, hidden.Convenor)).PostAsJsonAsync($"/api/v1/systems/{hidden.Id}/strategy/versions", new { note = "Not public" }, Ct);
        var cqc = NationalBody.Standard.Single(b => b.Kind == NationalBodyKind.CareQualityCommission).Id;
        var partner = await AppointAsync(administrator, cqc);
        var api = await ApiClient.ForAsync(App, partner);
        var pages = await PageClient.SignedInAsync(App, partner);

        var systems = (await (await api.GetAsync("/api/v1/systems", Ct)).JsonAsync()).AsArray();
        var goals = await api.GetAsync($"/api/v1/systems/{system.Id}/goals", Ct);
        var people = await api.GetAsync($"/api/v1/systems/{system.Id}/roles", Ct);
        var measures = await api.GetAsync($"/api/v1/systems/{system.Id}/measures", Ct);
        var home = await pages.GetAsync($"/systems/{system.Id}");
        var landing = await pages.GetAsync("/systems");
        var national = await pages.GetAsync("/national");
        var me = await (await api.GetAsync("/api/v1/national/me", Ct)).JsonAsync();
        var publicStrategy = await pages.GetAsync($"/public/strategy/{system.Id}");
        var addedToSystem = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/roles",
            new { email = partner.Email, displayName = partner.Name, organisationId = system.TrustId, role = "Viewer" }, Ct);
        var meByMember = await convenor.GetAsync("/api/v1/national/me", Ct);

        Assert.Empty(systems);
        Assert.Equal(HttpStatusCode.NotFound, goals.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, people.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, measures.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, home.Status);
        Assert.Equal(HttpStatusCode.Redirect, landing.Status);
        Assert.Equal("/national", landing.Location);
        Assert.Equal("Care Quality Commission", national.Text("h1"));
        Assert.Contains("Finance", national.Text(".nhsuk-caption-l"));
        var listed = national.Document.QuerySelectorAll("#public-strategy-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/public/strategy/{system.Id}", listed);
        Assert.DoesNotContain($"/public/strategy/{hidden.Id}", listed);
        Assert.Equal("Care Quality Commission", me["nationalBody"]!.GetValue<string>());
        Assert.Contains(me["publicStrategies"]!.AsArray(), s => s!["systemId"]!.GetValue<string>() == system.Id.ToString());
        Assert.DoesNotContain(me["publicStrategies"]!.AsArray(), s => s!["systemId"]!.GetValue<string>() == hidden.Id.ToString());
        Assert.Equal(HttpStatusCode.OK, publicStrategy.Status);
        Assert.Equal(HttpStatusCode.BadRequest, addedToSystem.StatusCode);
        Assert.Equal($"{partner.Email} is a national partner: national partners see no system's workspace, so use another account",
            (await addedToSystem.JsonAsync())["errors"]!["Email"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, meByMember.StatusCode);
    }

    [Fact]
    public async Task RemovingANationalPartner_EndsTheirNationalView()
    {
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var body = NationalBody.Standard.Single(b => b.Name == "HM Treasury").Id;
        var partner = await AppointAsync(administrator, body, "Terry Treasury");
        var before = (await (await administrator.GetAsync($"/api/v1/national-bodies/{body}/partners", Ct)).JsonAsync()).AsArray();

        var removed = await administrator.DeleteAsync($"/api/v1/national-bodies/{body}/partners/{partner.Id}", Ct);
        var again = await administrator.DeleteAsync($"/api/v1/national-bodies/{body}/partners/{partner.Id}", Ct);
        var me = await (await ApiClient.ForAsync(App, partner)).GetAsync("/api/v1/national/me", Ct);

        Assert.Contains(before, p => p!["personId"]!.GetValue<string>() == partner.Id.ToString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
    }
}

public sealed class NationalBodiesSqliteTests(SqliteApp app) : NationalBodiesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class NationalBodiesPostgresTests(PostgresApp app) : NationalBodiesTests(app, DatabaseKind.Postgres);

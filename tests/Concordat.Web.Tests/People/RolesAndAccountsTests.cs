using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.People;

public abstract class RolesAndAccountsTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<Guid> MembershipIdAsync(TestSystem system, TestPerson person)
    {
        await using var scope = App.Database(system.Id);
        return await scope.Db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.Id).SingleAsync(Ct);
    }

    private async Task<List<string>> ActionsAsync(TestSystem system, TestPerson person)
    {
        await using var scope = App.Database(system.Id);
        return await scope.Db.AuditEvents.Where(e => e.EntityId == person.Id).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
    }

    private async Task<TestPerson> MakeAdministratorAsync(TestPerson person)
    {
        await using var scope = App.Database();
        (await scope.Db.Users.SingleAsync(p => p.Id == person.Id, Ct)).IsAdministrator = true;
        await scope.Db.SaveChangesAsync(Ct);
        return person;
    }

    private static async Task<HttpStatusCode> StatusOfAsync(PageClient client, string url) => (await client.GetAsync(url)).Status;

    [Fact]
    public async Task ChangeRole_ByTheConvenor_ChangesItEndsTheirSessionsAndIsAudited()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await convenor.GetAsync($"/systems/{system.Id}/people/{system.Viewer.Id}");
        var membershipId = await MembershipIdAsync(system, system.Viewer);

        var result = await page.SubmitAsync($"form[action*='membershipId={membershipId}']", new() { ["Role"] = "Contributor" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        await using (var scope = App.Database(system.Id))
        {
            Assert.Equal(Role.Contributor, (await scope.Db.Memberships.SingleAsync(m => m.Id == membershipId, Ct)).Role);
        }
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(viewer, $"/systems/{system.Id}"));
        Assert.Contains("RoleChanged", await ActionsAsync(system, system.Viewer));
    }

    [Fact]
    public async Task ChangeRole_OfTheLastConvenor_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var page = await convenor.GetAsync($"/systems/{system.Id}/people/{system.Convenor.Id}");
        var membershipId = await MembershipIdAsync(system, system.Convenor);

        var demote = await page.SubmitAsync($"form[action*='membershipId={membershipId}']", new() { ["Role"] = "Viewer" });
        var remove = await (await convenor.GetAsync($"/systems/{system.Id}/people/{system.Convenor.Id}")).SubmitAsync("form[action*='handler=Remove']", []);

        Assert.Equal(HttpStatusCode.BadRequest, demote.Status);
        Assert.Equal(["A system needs a convenor: make someone else a convenor first"], demote.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, remove.Status);
    }

    [Fact]
    public async Task ChangeRole_ByAnOrganisationLead_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(lead, $"/systems/{system.Id}/people/{system.Viewer.Id}"));
    }

    [Fact]
    public async Task ChangeRole_OfAPartnersPerson_IsTheirLeadsDecision_NotTheConvenors()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var councilLead = await PageClient.SignedInAsync(App, system.CouncilLead);
        var membershipId = await MembershipIdAsync(system, system.CouncilContributor);

        var byConvenor = await StatusOfAsync(convenor, $"/systems/{system.Id}/people/{system.CouncilContributor.Id}");
        var page = await councilLead.GetAsync($"/systems/{system.Id}/people/{system.CouncilContributor.Id}");
        var result = await page.SubmitAsync($"form[action*='membershipId={membershipId}']", new() { ["Role"] = "OrganisationLead" });

        Assert.Equal(HttpStatusCode.Forbidden, byConvenor);
        Assert.DoesNotContain(">Convenor<", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        await using var scope = App.Database(system.Id);
        Assert.Equal(Role.OrganisationLead, (await scope.Db.Memberships.SingleAsync(m => m.Id == membershipId, Ct)).Role);
    }

    [Fact]
    public async Task MakingSomeoneAConvenor_IsTheConvenorsDecision_NotALeads()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/roles/{await MembershipIdAsync(system, system.CouncilContributor)}";

        var byLead = await councilLead.PutAsJsonAsync(url, new { role = "Convenor" }, Ct);
        var byConvenor = await convenor.PutAsJsonAsync(url, new { role = "Convenor" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Contains("Only a convenor can make someone a convenor", await byLead.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, byConvenor.StatusCode);
    }

    [Fact]
    public async Task AConvenor_AppointsTheFirstLeadOfAPartnerWithNone_AndNoMore()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var organisation = await (await convenor.PostAsJsonAsync($"{url}/organisations", new { name = "Westford Mind", type = "Vcse" }, Ct)).JsonAsync();
        var organisationId = organisation["id"]!.GetValue<string>();

        var first = await convenor.PostAsJsonAsync($"{url}/roles", new { email = "first.lead@test.concordat.example", displayName = "Fran First", organisationId, role = "OrganisationLead" }, Ct);
        var second = await convenor.PostAsJsonAsync($"{url}/roles", new { email = "second.lead@test.concordat.example", displayName = "Sam Second", organisationId, role = "Contributor" }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.StartsWith("http", (await first.JsonAsync())["invitationLink"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("a convenor appoints only the first lead of a partner that has none", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_TakesEveryRoleInTheSystemAndEndsTheirSessions()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await PageClient.SignedInAsync(App, system.CouncilLead);
        var contributor = await PageClient.SignedInAsync(App, system.CouncilContributor);
        var page = await councilLead.GetAsync($"/systems/{system.Id}/people/{system.CouncilContributor.Id}");

        var result = await page.SubmitAsync("form[action*='handler=Remove']", []);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        await using (var scope = App.Database(system.Id))
        {
            Assert.False(await scope.Db.Memberships.AnyAsync(m => m.PersonId == system.CouncilContributor.Id, Ct));
        }
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(contributor, $"/systems/{system.Id}"));
        Assert.Contains("PersonRemoved", await ActionsAsync(system, system.CouncilContributor));
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessionsKeepsThisOneAndTheNewPasswordWorks()
    {
        var system = await App.CreateSystemAsync();
        var here = await PageClient.SignedInAsync(App, system.Viewer);
        var elsewhere = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await here.GetAsync("/account/password");

        var result = await page.SubmitAsync("form[method=post]:not([action='/sign-out'])", new()
        {
            ["Input.CurrentPassword"] = system.Viewer.Password, ["Input.NewPassword"] = "a brand new passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(here, $"/systems/{system.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(elsewhere, $"/systems/{system.Id}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await new PageClient(App.CreateClient()).SignInAsync(system.Viewer.Email, system.Viewer.Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await new PageClient(App.CreateClient()).SignInAsync(system.Viewer.Email, "a brand new passphrase")).Status);
        Assert.Contains("PasswordChanged", await ActionsAsync(system, system.Viewer));
    }

    [Fact]
    public async Task ChangePassword_WithTheWrongCurrentPassword_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await client.GetAsync("/account/password");

        var result = await page.SubmitAsync("form[method=post]:not([action='/sign-out'])", new() { ["Input.CurrentPassword"] = "not it", ["Input.NewPassword"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Your current password is not correct"], result.ErrorSummary);
    }

    [Fact]
    public async Task Deactivate_EndsSessionsRefusesSignInAndApiTokens()
    {
        var system = await App.CreateSystemAsync();
        var admin = await PageClient.SignedInAsync(App, await MakeAdministratorAsync(system.Convenor));
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var token = await App.TokenForAsync(system.TrustLead);
        var page = await admin.GetAsync($"/people/{system.TrustLead.Id}/account");

        var result = await page.SubmitAsync("form[action*='handler=Deactivate']", []);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(lead, $"/systems/{system.Id}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await new PageClient(App.CreateClient()).SignInAsync(system.TrustLead.Email, system.TrustLead.Password)).Status);
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/api/v1/systems/{system.Id}/goals", Ct)).StatusCode);
        Assert.Contains("PersonDeactivated", await ActionsAsync(system, system.TrustLead));
    }

    [Fact]
    public async Task EndSessions_ByAnAdministrator_SignsThePersonOutEverywhere()
    {
        var system = await App.CreateSystemAsync();
        var admin = await PageClient.SignedInAsync(App, await MakeAdministratorAsync(system.Convenor));
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await admin.GetAsync($"/people/{system.Viewer.Id}/account");

        await page.SubmitAsync("form[action*='handler=EndSessions']", []);

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(viewer, $"/systems/{system.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await new PageClient(App.CreateClient()).SignInAsync(system.Viewer.Email, system.Viewer.Password)).Status);
        Assert.Contains("SessionsEnded", await ActionsAsync(system, system.Viewer));
    }

    [Fact]
    public async Task ResetLink_StopsTheOldPasswordAndSetsANewOneOnce()
    {
        var system = await App.CreateSystemAsync();
        var admin = await PageClient.SignedInAsync(App, await MakeAdministratorAsync(system.Convenor));
        var page = await admin.GetAsync($"/people/{system.Viewer.Id}/account");

        var made = await page.SubmitAsync("form[action*='handler=Reset']", []);
        var link = new Uri(made.Text("#reset-link")).PathAndQuery;
        var visitor = new PageClient(App.CreateClient());
        var oldPassword = await visitor.SignInAsync(system.Viewer.Email, system.Viewer.Password);
        var set = await (await visitor.GetAsync(link)).SubmitAsync("form[method=post]", new() { ["Input.Password"] = "a reset passphrase here", ["Input.ConfirmPassword"] = "a reset passphrase here" });
        var again = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.Status);
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.NotEqual(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await new PageClient(App.CreateClient()).SignInAsync(system.Viewer.Email, "a reset passphrase here")).Status);
        Assert.Contains("PasswordReset", await ActionsAsync(system, system.Viewer));
    }

    [Fact]
    public async Task AccountPage_ForSomeoneNotAnAdministrator_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(convenor, $"/people/{system.Viewer.Id}/account"));
    }
}

public sealed class RolesAndAccountsSqliteTests(SqliteApp app) : RolesAndAccountsTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class RolesAndAccountsPostgresTests(PostgresApp app) : RolesAndAccountsTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>Administrators create systems, each with its first convenor, and rename them; no one else can.</summary>
public abstract class SystemAdministrationTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string UniqueName() => $"Westvale ICS {Guid.NewGuid().ToString("N")[..8]}";

    private static string UniqueEmail() => $"first-convenor-{Guid.NewGuid().ToString("N")[..8]}@test.concordat.example";

    private async Task<List<string>> ActionsAsync(Guid systemId)
    {
        await using var scope = App.Database(systemId);
        return await scope.Db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
    }

    private async Task<int> SystemsCalledAsync(string name)
    {
        await using var scope = App.Database();
        return await scope.Db.Systems.CountAsync(s => s.Name == name, Ct);
    }

    private async Task<int> PeopleWithEmailAsync(string email)
    {
        await using var scope = App.Database();
        return await scope.Db.Users.CountAsync(p => p.Email == email, Ct);
    }

    /// <summary>Sets the password through the invitation link, then signs in with it as someone new would.</summary>
    private async Task<PageClient> AcceptAndSignInAsync(string link, string email)
    {
        var invitee = new PageClient(App.CreateClient());
        var accepted = await (await invitee.GetAsync(new Uri(link).PathAndQuery))
            .SubmitAsync("main form", new() { ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var client = new PageClient(App.CreateClient());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, "a long enough password")).Status);
        return client;
    }

    [Fact]
    public async Task AnAdministrator_CreatesASystemThroughThePage_AndItsFirstConvenorAcceptsTheInvitationAndFindsIt()
    {
        var admin = await PageClient.SignedInAsync(App, await App.CreateAdministratorAsync());
        var name = UniqueName();
        var email = UniqueEmail();

        var chooser = await admin.GetAsync("/systems");
        var form = await admin.GetAsync("/systems/new");
        var posted = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = $"  {name} ", ["Input.OrganisationName"] = "NHS Westvale Integrated Care Board", ["Input.OrganisationType"] = "IntegratedCareBoard",
            ["Input.OdsCode"] = "qw1", ["Input.ConvenorName"] = "Fern First", ["Input.ConvenorEmail"] = email,
        });
        var created = await posted.FollowAsync();
        var shownAgain = await admin.GetAsync(posted.Location!);
        var link = created.Text("#invitation-link");
        var convenor = await AcceptAndSignInAsync(link, email);
        var systems = await convenor.GetAsync("/systems");
        var home = await systems.FollowAsync();

        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        Assert.NotNull(chooser.Document.QuerySelector("main a[href='/systems/new']"));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Matches("^/systems/[0-9a-f-]{36}/created$", posted.Location);
        var systemId = Guid.Parse(posted.Location!.Split('/')[2]);
        Assert.Equal($"{name} created", created.Text("h1"));
        Assert.StartsWith("https://localhost/invitation/inv_", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, shownAgain.Status);
        Assert.Equal($"/systems/{systemId}", systems.Location);
        Assert.Equal(name, home.Text("h1"));
        Assert.Contains("Convenor for NHS Westvale Integrated Care Board", home.Text(".nhsuk-lede-text"), StringComparison.Ordinal);
        await using (var scope = App.Database(systemId))
        {
            var organisation = await scope.Db.Organisations.SingleAsync(Ct);
            Assert.Equal((OrganisationType.IntegratedCareBoard, "QW1"), (organisation.Type, organisation.OdsCode));
            Assert.Equal(Role.Convenor, (await scope.Db.Memberships.SingleAsync(m => m.Person!.Email == email, Ct)).Role);
        }
        Assert.Equal(["SystemCreated", "OrganisationAdded", "PersonAdded", "InvitationAccepted"], (await ActionsAsync(systemId)).Take(4));
    }

    [Fact]
    public async Task AnAdministrator_CreatesASystemThroughTheApi_WhichAnswers201WithALocationThatReadsItBack()
    {
        var admin = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var name = UniqueName();
        var email = UniqueEmail();

        var response = await admin.PostAsJsonAsync("/api/v1/systems", new
        {
            name, convenorEmail = email, convenorName = "Fern First", organisationName = "Westvale Council", organisationType = "LocalAuthority",
        }, Ct);
        var body = await response.JsonAsync();
        var read = await admin.GetAsync(response.Headers.Location, Ct);
        await AcceptAndSignInAsync(body["invitationLink"]!.GetValue<string>(), email);
        var convenor = await ApiClient.ForAsync(App, new TestPerson(Guid.Parse(body["convenorId"]!.GetValue<string>()), email, "", "Fern First"));
        var mine = await (await convenor.GetAsync("/api/v1/systems", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var systemId = body["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/systems/{systemId}", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(name, (await read.JsonAsync())["name"]!.GetValue<string>());
        Assert.NotNull(read.Headers.ETag);
        Assert.Equal(systemId, Assert.Single(mine.AsArray())!["id"]!.GetValue<string>());
        await using var scope = App.Database(Guid.Parse(systemId));
        Assert.Equal(OrganisationType.LocalAuthority, (await scope.Db.Organisations.SingleAsync(Ct)).Type);
    }

    [Fact]
    public async Task AConvenor_CannotCreateOrRenameASystem_OnThePagesOrTheApi()
    {
        var system = await App.CreateSystemAsync();
        var pages = await PageClient.SignedInAsync(App, system.Convenor);
        var api = await ApiClient.ForAsync(App, system.Convenor);
        var name = UniqueName();

        var chooser = await pages.GetAsync("/systems");
        var form = await pages.GetAsync("/systems/new");
        var renameForm = await pages.GetAsync($"/systems/{system.Id}/rename");
        var home = await pages.GetAsync($"/systems/{system.Id}");
        var create = await api.PostAsJsonAsync("/api/v1/systems", new { name, convenorEmail = UniqueEmail(), convenorName = "Fern First", organisationName = "Westvale ICB" }, Ct);
        var rename = await api.PutJsonAsync($"/api/v1/systems/{system.Id}", new { name }, "*");
        var read = await api.GetAsync($"/api/v1/systems/{system.Id}", Ct);

        Assert.Null(chooser.Document.QuerySelector("a[href='/systems/new']"));
        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, renameForm.Status);
        Assert.Null(home.Document.QuerySelector($"a[href='/systems/{system.Id}/rename']"));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(system.Name, (await read.JsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(0, await SystemsCalledAsync(name));
    }

    [Fact]
    public async Task AnEmptyOrTakenName_Is400NamingTheField_AndWritesNothing()
    {
        var existing = await App.CreateSystemAsync();
        var administrator = await App.CreateAdministratorAsync();
        var api = await ApiClient.ForAsync(App, administrator);
        var pages = await PageClient.SignedInAsync(App, administrator);
        var email = UniqueEmail();

        var empty = await api.PostAsJsonAsync("/api/v1/systems", new { name = "  ", convenorEmail = email, convenorName = "Fern First", organisationName = "Westvale ICB" }, Ct);
        var taken = await api.PostAsJsonAsync("/api/v1/systems",
            new { name = existing.Name.ToUpperInvariant(), convenorEmail = email, convenorName = "Fern First", organisationName = "Westvale ICB" }, Ct);
        var page = await (await pages.GetAsync("/systems/new")).SubmitAsync("main form", new()
        {
            ["Input.Name"] = "", ["Input.OrganisationName"] = "", ["Input.ConvenorName"] = "Fern First", ["Input.ConvenorEmail"] = "not an email",
        });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter the system's name", (await empty.JsonAsync())["errors"]!["Name"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal($"A system called {existing.Name} already exists: choose another name", (await taken.JsonAsync())["errors"]!["Name"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Enter the system's name", "Enter the name of the organisation the convenor acts for",
            "Enter an email address in the correct format, like name@example.nhs.uk"], page.ErrorSummary);
        Assert.Equal(1, await SystemsCalledAsync(existing.Name));
        Assert.Equal(0, await PeopleWithEmailAsync(email));
    }

    [Fact]
    public async Task Rename_AgainstAStaleVersion_Is412_AgainstTheCurrentOneRenamesTheSystem_AndIsAudited()
    {
        var system = await App.CreateSystemAsync();
        var administrator = await App.CreateAdministratorAsync();
        var api = await ApiClient.ForAsync(App, administrator);
        var url = $"/api/v1/systems/{system.Id}";
        var first = UniqueName();
        var second = UniqueName();

        var etag = (await api.GetAsync(url, Ct)).Headers.ETag!.ToString();
        var renamed = await api.PutJsonAsync(url, new { name = first }, etag);
        var stale = await api.PutJsonAsync(url, new { name = second }, etag);
        var without = await api.PutJsonAsync(url, new { name = second }, null);
        var pages = await PageClient.SignedInAsync(App, administrator);
        var form = await pages.GetAsync($"/systems/{system.Id}/rename");
        var saved = await form.SubmitAsync("main form", new() { ["Input.Name"] = second });
        var staleForm = await form.SubmitAsync("main form", new() { ["Input.Name"] = UniqueName() });
        var home = await pages.GetAsync($"/systems/{system.Id}");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(first, (await renamed.JsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        Assert.Equal(first, (form.Document.QuerySelector("#Input_Name") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, staleForm.Status);
        Assert.NotNull(staleForm.Document.QuerySelector("#edit-conflict"));
        Assert.Equal(second, home.Text("h1"));
        Assert.NotNull(home.Document.QuerySelector($"a[href='/systems/{system.Id}/rename']"));
        await using var scope = App.Database(system.Id);
        var events = await scope.Db.AuditEvents.Where(e => e.Action == "SystemRenamed").OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal([first, second], events.Select(e => e.EntityName));
        Assert.All(events, e => Assert.Equal(administrator.Name, e.ActorName));
    }
}

public sealed class SystemAdministrationSqliteTests(SqliteApp app) : SystemAdministrationTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SystemAdministrationPostgresTests(PostgresApp app) : SystemAdministrationTests(app, DatabaseKind.Postgres);

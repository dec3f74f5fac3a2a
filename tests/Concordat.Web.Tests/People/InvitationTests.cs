using System.Net;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Concordat.Web.Tests.People;

public abstract class InvitationTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>Adds a person through the form and follows the redirect to the page shown after it.</summary>
    private static async Task<(PageResponse Result, string? Link)> AddPersonAsync(PageClient councilLead, TestSystem system, string email, Role role)
    {
        var form = await councilLead.GetAsync($"/systems/{system.Id}/people/add");
        var posted = await form.SubmitAsync("main form", new()
        {
            ["Input.DisplayName"] = "Nia New",
            ["Input.Email"] = email,
            ["Input.OrganisationId"] = system.CouncilId.ToString(),
            ["Input.Role"] = role.ToString(),
        });
        var result = await posted.FollowAsync();
        return (result, result.Document.QuerySelector("#invitation-link")?.TextContent.Trim());
    }

    [Fact]
    public async Task AddPerson_ShowsSingleUseLinkThatSetsThePassword()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await PageClient.SignedInAsync(App, system.CouncilLead);
        var email = $"nia-{Guid.NewGuid():N}@test.concordat.example";

        var form = await councilLead.GetAsync($"/systems/{system.Id}/people/add");
        var posted = await form.SubmitAsync("main form", new()
        {
            ["Input.DisplayName"] = "Nia New", ["Input.Email"] = email, ["Input.OrganisationId"] = system.CouncilId.ToString(), ["Input.Role"] = nameof(Role.OrganisationLead),
        });
        var added = await posted.FollowAsync();
        var link = added.Text("#invitation-link");
        var shownAgain = await councilLead.GetAsync(posted.Location!);
        var invitee = new PageClient(App.CreateClient());
        var invitation = await invitee.GetAsync(new Uri(link!).PathAndQuery);
        var accepted = await invitation.SubmitAsync("main form", new() { ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password" });
        var reused = await new PageClient(App.CreateClient()).GetAsync(new Uri(link!).PathAndQuery);
        var signIn = await new PageClient(App.CreateClient()).SignInAsync(email, "a long enough password");

        // Post/redirect/get: the address after adding a person is the page that shows the link, once.
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal($"/systems/{system.Id}/people/invited", posted.Location);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("Nia New added", added.Text("h1"));
        Assert.Equal(HttpStatusCode.Redirect, shownAgain.Status);
        Assert.StartsWith("https://localhost/invitation/inv_", link);
        Assert.Contains(email, invitation.Html);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(HttpStatusCode.NotFound, reused.Status);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        await using var scope = App.Database(system.Id);
        var membership = await scope.Db.Memberships.Include(m => m.Person).SingleAsync(m => m.Person!.Email == email, Ct);
        Assert.Equal(Role.OrganisationLead, membership.Role);
        Assert.Equal(system.CouncilId, membership.OrganisationId);
        Assert.DoesNotContain(link!.Split('/')[^1], await scope.Db.Invitations.Select(i => i.SecretHash).SingleAsync(Ct));
    }

    [Fact]
    public async Task OlderInvitation_StopsWorkingOnceAPasswordIsSet()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await PageClient.SignedInAsync(App, system.CouncilLead);
        var trustLead = await PageClient.SignedInAsync(App, system.TrustLead);
        var email = $"twice-{Guid.NewGuid():N}@test.concordat.example";
        var (_, firstLink) = await AddPersonAsync(councilLead, system, email, Role.Contributor);
        var form = await trustLead.GetAsync($"/systems/{system.Id}/people/add");
        var second = await (await form.SubmitAsync("main form", new()
        {
            ["Input.Email"] = email, ["Input.OrganisationId"] = system.TrustId.ToString(), ["Input.Role"] = nameof(Role.Viewer),
        })).FollowAsync();
        var secondLink = second.Text("#invitation-link");

        var accept = await (await new PageClient(App.CreateClient()).GetAsync(new Uri(secondLink).PathAndQuery))
            .SubmitAsync("main form", new() { ["Input.Password"] = "the first real password", ["Input.ConfirmPassword"] = "the first real password" });
        var older = await new PageClient(App.CreateClient()).GetAsync(new Uri(firstLink!).PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, accept.Status);
        Assert.Equal(HttpStatusCode.NotFound, older.Status);
    }

    [Fact]
    public async Task AddPerson_WhoBelongsToAnotherSystem_GetsNoLinkFromThisOne()
    {
        var first = await App.CreateSystemAsync();
        var second = await App.CreateSystemAsync();
        var email = $"shared-{Guid.NewGuid():N}@test.concordat.example";
        var (_, firstLink) = await AddPersonAsync(await PageClient.SignedInAsync(App, first.CouncilLead), first, email, Role.Contributor);

        var (added, secondLink) = await AddPersonAsync(await PageClient.SignedInAsync(App, second.CouncilLead), second, email, Role.Contributor);

        Assert.NotNull(firstLink);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Null(secondLink);
        Assert.Contains("already have a Concordat account", added.Html);
    }

    [Fact]
    public async Task AddPerson_InvalidInput_ReportsEveryField()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await convenor.GetAsync($"/systems/{system.Id}/people/add");

        var result = await form.SubmitAsync("main form", new() { ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the person's full name", "Enter an email address in the correct format, like name@example.nhs.uk",
            "Select the organisation the person acts for", "Select a role"], result.ErrorSummary);
    }

    [Fact]
    public async Task Invitation_PasswordTooShortOrMismatched_IsExplained()
    {
        var system = await App.CreateSystemAsync();
        var councilLead = await PageClient.SignedInAsync(App, system.CouncilLead);
        var (_, link) = await AddPersonAsync(councilLead, system, $"short-{Guid.NewGuid():N}@test.concordat.example", Role.Viewer);
        var page = await new PageClient(App.CreateClient()).GetAsync(new Uri(link!).PathAndQuery);

        var tooShort = await page.SubmitAsync("main form", new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });
        var mismatch = await page.SubmitAsync("main form", new() { ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "something else entirely" });
        var stillValid = await new PageClient(App.CreateClient()).GetAsync(new Uri(link!).PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Equal(["Passwords must be at least 12 characters."], tooShort.ErrorSummary);
        Assert.Equal(["Passwords do not match"], mismatch.ErrorSummary);
        Assert.Equal(HttpStatusCode.OK, stillValid.Status);
    }

    [Fact]
    public async Task Invitation_AddPersonAsViewer_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await viewer.GetAsync($"/systems/{system.Id}/people/add");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }
}

public sealed class InvitationSqliteTests(SqliteApp app) : InvitationTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class InvitationPostgresTests(PostgresApp app) : InvitationTests(app, DatabaseKind.Postgres);

public sealed class InvitationExpiryTests
{
    [Fact]
    public async Task Invitation_AfterSevenDays_NoLongerWorks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(DatabaseKind.Sqlite) { Clock = clock };
        var system = await app.CreateSystemAsync();
        var trustLead = await PageClient.SignedInAsync(app, system.TrustLead);
        var form = await trustLead.GetAsync($"/systems/{system.Id}/people/add");
        var added = await (await form.SubmitAsync("main form", new()
        {
            ["Input.DisplayName"] = "Late Larry",
            ["Input.Email"] = "larry@test.concordat.example",
            ["Input.OrganisationId"] = system.TrustId.ToString(),
            ["Input.Role"] = nameof(Role.Contributor),
        })).FollowAsync();
        var path = new Uri(added.Text("#invitation-link")).PathAndQuery;

        clock.Advance(TimeSpan.FromDays(6.9));
        var nearlyExpired = await new PageClient(app.CreateClient()).GetAsync(path);
        clock.Advance(TimeSpan.FromDays(0.2));
        var expired = await new PageClient(app.CreateClient()).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, nearlyExpired.Status);
        Assert.Equal(HttpStatusCode.NotFound, expired.Status);
        Assert.Contains("may have been used already or have expired", expired.Html);
    }
}

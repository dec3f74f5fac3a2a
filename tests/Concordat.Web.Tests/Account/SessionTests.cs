using System.Net;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Account;

public abstract class SessionTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>A client that sends only the cookie given, as someone who copied it would.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var http = App.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static string SessionCookie(PageResponse signIn) =>
        signIn.Response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("concordat-session=", StringComparison.Ordinal));

    [Fact]
    public async Task SignOut_ACookieSavedBefore_NoLongerWorks()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());
        var saved = SessionCookie(await client.SignInAsync(system.Viewer.Email, system.Viewer.Password));
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(saved).GetAsync($"/systems/{system.Id}", Ct)).StatusCode);

        var home = await client.GetAsync($"/systems/{system.Id}");
        await home.SubmitAsync("form[action='/sign-out']", []);
        var replayed = await WithCookie(saved).GetAsync($"/systems/{system.Id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/sign-in", replayed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionsOfOtherBrowsersToo()
    {
        var system = await App.CreateSystemAsync();
        var laptop = await PageClient.SignedInAsync(App, system.Viewer);
        var phone = await PageClient.SignedInAsync(App, system.Viewer);

        var home = await laptop.GetAsync($"/systems/{system.Id}");
        await home.SubmitAsync("form[action='/sign-out']", []);
        var onPhone = await phone.GetAsync($"/systems/{system.Id}");

        Assert.Equal(HttpStatusCode.Redirect, onPhone.Status);
        Assert.Contains("/sign-in", onPhone.Location);
    }

    [Fact]
    public async Task SignInAndOut_AreRecordedInThePersonsSystem()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());
        await client.SignInAsync(system.CouncilLead.Email, "wrong password");
        await client.SignInAsync(system.CouncilLead.Email, system.CouncilLead.Password);
        var home = await client.GetAsync($"/systems/{system.Id}");
        await home.SubmitAsync("form[action='/sign-out']", []);

        await using var scope = App.Database(system.Id);
        var actions = scope.Db.AuditEvents.Where(e => e.EntityId == system.CouncilLead.Id).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
            .Select(e => e.Action).ToList();
        Assert.Equal(["SignInFailed", "SignedIn", "SignedOut"], actions);
    }
}

public sealed class SessionSqliteTests(SqliteApp app) : SessionTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SessionPostgresTests(PostgresApp app) : SessionTests(app, DatabaseKind.Postgres);

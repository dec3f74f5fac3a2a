using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Account;

public abstract class SignInTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Post_CorrectPassword_SignsInAndGoesToTheOnlySystem()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());

        var signIn = await client.SignInAsync(system.Viewer.Email, system.Viewer.Password);
        var systems = await client.GetAsync(signIn.Location!);

        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.Equal("/systems", signIn.Location);
        Assert.Equal($"/systems/{system.Id}", systems.Location);
        var cookie = string.Join(";", signIn.Response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("concordat-session", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_WrongPassword_Renders400WithErrorSummary()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());

        var result = await client.SignInAsync(system.Viewer.Email, "not the password");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal([Concordat.Web.Pages.Account.SignInModel.FailureMessage], result.ErrorSummary);
    }

    [Fact]
    public async Task Post_Empty_AsksForBothFields()
    {
        var client = new PageClient(App.CreateClient());

        var result = await client.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter your email address", "Enter your password"], result.ErrorSummary);
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(system.TrustLead.Email, "wrong password " + i);
        }

        var result = await client.SignInAsync(system.TrustLead.Email, system.TrustLead.Password);

        // The page says the same as for a wrong password (so it does not reveal that the account exists); the
        // account is locked all the same.
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal([Concordat.Web.Pages.Account.SignInModel.FailureMessage], result.ErrorSummary);
        await using var scope = App.Database();
        Assert.True(scope.Db.Users.Single(p => p.Id == system.TrustLead.Id).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Post_ExternalReturnUrl_IsIgnored()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());
        var page = await client.GetAsync("/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        var result = await page.SubmitAsync("form[method=post]", new() { ["Input.Email"] = system.Viewer.Email, ["Input.Password"] = system.Viewer.Password });

        Assert.Equal("/systems", result.Location);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Viewer);
        var home = await client.GetAsync($"/systems/{system.Id}");

        var signOut = await home.SubmitAsync("form[action='/sign-out']", []);
        var after = await client.GetAsync($"/systems/{system.Id}");

        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Contains("/sign-in", after.Location);
    }
}

public sealed class SignInSqliteTests(SqliteApp app) : SignInTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SignInPostgresTests(PostgresApp app) : SignInTests(app, DatabaseKind.Postgres);

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Post_MoreAttemptsThanTheLimit_Answers429()
    {
        await using var app = new TestApp(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = new PageClient(app.CreateClient());

        // Seven attempts against a limit of three a minute: even if the fixed window happens to renew once while
        // they are sent, at most six get through, so a 429 must appear.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.SignInAsync($"nobody{i}@example.org", "wrong password")).Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], statuses.Take(3));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, s.ToString()));
    }

    [Fact]
    public async Task Post_MoreAttemptsOnOneAccountThanItsLimit_Answers429WhicheverAddressTheyComeFrom()
    {
        await using var app = new PeerApp(new() { ["RateLimits:SignInPerAccountPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var client = new PageClient(app.CreateClient());
            client.Http.DefaultRequestHeaders.Add(PeerApp.PeerHeader, $"192.0.2.{i + 1}");
            statuses.Add((await client.SignInAsync("Someone@Example.org ", "wrong password")).Status);
        }
        var other = await new PageClient(app.CreateClient()).SignInAsync("someone.else@example.org", "wrong password");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], statuses.Take(3));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredAddress_IsIgnored()
    {
        await using var app = new PeerApp(new() { ["RateLimits:SignInPerMinute"] = "3", ["ReverseProxy:KnownProxies:0"] = "10.0.0.1" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            // Each attempt claims a new address, but comes from a peer that is not a configured proxy.
            var client = new PageClient(app.CreateClient());
            client.Http.DefaultRequestHeaders.Add(PeerApp.PeerHeader, "198.51.100.7");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SignInAsync($"nobody{i}@example.org", "wrong password")).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_CountsEachClientOnItsOwn()
    {
        await using var app = new PeerApp(new() { ["RateLimits:SignInPerMinute"] = "3", ["ReverseProxy:KnownProxies:0"] = "10.0.0.1" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var client = new PageClient(app.CreateClient());
            client.Http.DefaultRequestHeaders.Add(PeerApp.PeerHeader, "10.0.0.1");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SignInAsync($"nobody{i}@example.org", "wrong password")).Status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
    }
}

/// <summary>
/// The in-memory test server has no client address; this app takes the connection's address from a test header,
/// before any of the app's own middleware runs, as a real connection would have one.
/// </summary>
public sealed class PeerApp(Dictionary<string, string?> settings)
    : TestApp(DatabaseKind.Sqlite, settings)
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

using System.Net;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Account;

public abstract class TokenPageTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task CreateToken_ShowsSecretOnceAndItWorksUntilRevoked()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.TrustLead);
        var account = await client.GetAsync("/account");

        var posted = await account.SubmitAsync("form[action*='handler=Create']", new() { ["Input.Name"] = "Data upload", ["Input.ExpiresInDays"] = "30" });
        var created = await client.GetAsync(posted.Location!);
        var secret = created.Text("#new-token");
        var api = ApiClient.WithToken(App, secret);
        var works = await api.GetAsync("/api/v1/systems", Ct);
        var later = await client.GetAsync("/account");
        var revoked = await later.SubmitAsync("form[action*='handler=Revoke']", []);
        var refused = await api.GetAsync("/api/v1/systems", Ct);

        // Post/redirect/get: the address after creating a token is the account page, which shows the secret once.
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/account", posted.Location);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.StartsWith("cc_", secret);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.DoesNotContain(secret, later.Html);
        Assert.Contains("Data upload", later.Html);
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task CreateToken_NoNameOrBadExpiry_Is400()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.TrustLead);
        var account = await client.GetAsync("/account");

        var noName = await account.SubmitAsync("form[action*='handler=Create']", new() { ["Input.Name"] = "", ["Input.ExpiresInDays"] = "400" });
        var notNumber = await account.SubmitAsync("form[action*='handler=Create']", new() { ["Input.Name"] = "x", ["Input.ExpiresInDays"] = "soon" });

        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Equal(["Enter a name for the token, like \"Monthly data upload\"", "Expiry must be between 1 and 366 days"], noName.ErrorSummary);
        Assert.Equal(["Expiry must be a whole number of days"], notNumber.ErrorSummary);
    }
}

public sealed class TokenPageSqliteTests(SqliteApp app) : TokenPageTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class TokenPagePostgresTests(PostgresApp app) : TokenPageTests(app, DatabaseKind.Postgres);

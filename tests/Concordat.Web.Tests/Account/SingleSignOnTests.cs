using System.Net;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Account;

/// <summary>
/// Single sign-on against <see cref="TestOidcProvider"/>, followed step by step as a browser would: the button, the
/// provider's authorize page, its form posted back to the app, and the app's answer.
/// </summary>
public sealed class SingleSignOnTests(SqliteApp unconfigured)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string DisplayName = "NHS Care Identity";

    /// <summary>The app configured for the provider, whose back channel reaches it in memory.</summary>
    private sealed class SingleSignOnApp(DatabaseKind kind, TestOidcProvider provider, bool requireTwoStep)
        : TestApp(kind, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = TestOidcProvider.Issuer,
            ["Authentication:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = provider.ClientSecret,
            ["Authentication:Oidc:DisplayName"] = DisplayName,
            ["Security:RequireTwoFactorForConvenors"] = requireTwoStep ? "true" : "false",
        })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Configure, not PostConfigure: the handler's own post-configuration builds the back channel from this.
            builder.ConfigureServices(s => s.Configure<OpenIdConnectOptions>(SingleSignOn.Scheme, o => o.BackchannelHttpHandler = provider.BackchannelHandler()));
        }
    }

    private static async Task<(TestOidcProvider Provider, SingleSignOnApp App)> StartAsync(DatabaseKind kind, bool requireTwoStep = false)
    {
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Environment.GetEnvironmentVariable(TestApp.PostgresVariable) is null,
            $"{TestApp.PostgresVariable} is not set.");
        var provider = await TestOidcProvider.StartAsync();
        return (provider, new SingleSignOnApp(kind, provider, requireTwoStep));
    }

    /// <summary>From the sign-in page to the app's answer after the provider's callback.</summary>
    private static async Task<PageResponse> SignInWithProviderAsync(PageClient client, TestOidcProvider provider, string? returnUrl = null)
    {
        var signIn = await client.GetAsync(returnUrl is null ? "/sign-in" : $"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal($"Sign in with {DisplayName}", signIn.Text("#single-sign-on button"));
        // A browser follows the form's redirect to the provider only if the policy allows the provider as a form target.
        Assert.Contains($"form-action 'self' {TestOidcProvider.Issuer};", signIn.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var toProvider = await signIn.SubmitAsync("#single-sign-on", []);
        Assert.Equal(HttpStatusCode.Redirect, toProvider.Status);
        Assert.StartsWith($"{TestOidcProvider.Issuer}/authorize?", toProvider.Location, StringComparison.Ordinal);
        var authorize = await PageResponse.ReadAsync(client, await provider.Browser.GetAsync(toProvider.Location));
        Assert.Equal(HttpStatusCode.OK, authorize.Status);
        var callback = await authorize.SubmitAsync("form", []);
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.StartsWith(SingleSignOn.CallbackPage, callback.Location, StringComparison.Ordinal);
        return await callback.FollowAsync();
    }

    private static async Task<List<(string Action, string? After)>> AuditAsync(TestApp app, TestSystem system, Guid personId)
    {
        await using var scope = app.Database(system.Id);
        return (await scope.Db.AuditEvents.Where(e => e.EntityId == personId).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.AfterJson }).ToListAsync(Ct))
            .Select(e => (e.Action, (string?)e.AfterJson)).ToList();
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AKnownVerifiedEmail_SignsIn_AndOpensItsSystem(DatabaseKind kind)
    {
        var (provider, app) = await StartAsync(kind);
        await using var _ = provider;
        await using var __ = app;
        var system = await app.CreateSystemAsync();
        // As the provider may write it: case is not the account's.
        provider.SignedIn = new ProviderIdentity(system.TrustLead.Email.ToUpperInvariant(), true);
        var client = new PageClient(app.CreateClient());

        var before = await client.GetAsync($"/systems/{system.Id}");
        var answer = await SignInWithProviderAsync(client, provider, $"/systems/{system.Id}");
        var systemPage = await client.GetAsync($"/systems/{system.Id}");
        var callbackAgain = await client.GetAsync(SingleSignOn.CallbackPage);

        Assert.Equal(HttpStatusCode.Redirect, before.Status);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal($"/systems/{system.Id}", answer.Location);
        Assert.Equal(HttpStatusCode.OK, systemPage.Status);
        Assert.Contains(system.Name, systemPage.Html, StringComparison.Ordinal);
        // The provider's identity was used once and is gone: coming back to the callback only goes to the sign-in page.
        Assert.Equal("/sign-in", callbackAgain.Location);
        var audit = await AuditAsync(app, system, system.TrustLead.Id);
        var signedIn = Assert.Single(audit);
        Assert.Equal("SignedIn", signedIn.Action);
        Assert.Contains($"{DisplayName} (single sign-on)", signedIn.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AnUnknownEmail_IsToldSo_AndGetsNoSession(DatabaseKind kind)
    {
        var (provider, app) = await StartAsync(kind);
        await using var _ = provider;
        await using var __ = app;
        var system = await app.CreateSystemAsync();
        var stranger = $"stranger-{Guid.NewGuid():N}@test.concordat.example";
        provider.SignedIn = new ProviderIdentity(stranger, true, "pwd", "mfa");
        var client = new PageClient(app.CreateClient());

        var answer = await SignInWithProviderAsync(client, provider);
        var systems = await client.GetAsync($"/systems/{system.Id}");

        Assert.Equal(1, provider.TokensIssued);
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal($"No Concordat account you can use has the email address {stranger}: ask your convenor to add you.", answer.Text("#single-sign-on-answer"));
        Assert.Equal(HttpStatusCode.Redirect, systems.Status);
        Assert.Contains("/sign-in?", systems.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AnEmailTheProviderDidNotVerify_IsRefused_AndAudited(DatabaseKind kind)
    {
        var (provider, app) = await StartAsync(kind);
        await using var _ = provider;
        await using var __ = app;
        var system = await app.CreateSystemAsync();
        provider.SignedIn = new ProviderIdentity(system.Viewer.Email, false, "mfa");
        var client = new PageClient(app.CreateClient());

        var answer = await SignInWithProviderAsync(client, provider);
        var systems = await client.GetAsync($"/systems/{system.Id}");

        Assert.Equal(1, provider.TokensIssued);
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal($"{DisplayName} did not confirm that it has checked your email address, so Concordat cannot tell which account is yours.",
            answer.Text("#single-sign-on-answer"));
        Assert.Equal(HttpStatusCode.Redirect, systems.Status);
        var failed = Assert.Single(await AuditAsync(app, system, system.Viewer.Id));
        Assert.Equal("SignInFailed", failed.Action);
        Assert.Contains("The provider did not verify the email address", failed.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ADeactivatedPerson_IsRefused_AndAudited(DatabaseKind kind)
    {
        var (provider, app) = await StartAsync(kind);
        await using var _ = provider;
        await using var __ = app;
        var system = await app.CreateSystemAsync();
        await using (var scope = app.Database())
        {
            var person = await scope.Db.Users.SingleAsync(p => p.Id == system.CouncilContributor.Id, Ct);
            person.DeactivatedAtUtc = DateTime.UtcNow;
            await scope.Db.SaveChangesAsync(Ct);
        }
        provider.SignedIn = new ProviderIdentity(system.CouncilContributor.Email, true, "mfa");
        var client = new PageClient(app.CreateClient());

        var answer = await SignInWithProviderAsync(client, provider);
        var systems = await client.GetAsync($"/systems/{system.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains(system.CouncilContributor.Email, answer.Text("#single-sign-on-answer"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, systems.Status);
        var refused = Assert.Single(await AuditAsync(app, system, system.CouncilContributor.Id));
        Assert.Equal("SignInRefused", refused.Action);
        Assert.Contains("The account is deactivated", refused.After, StringComparison.Ordinal);
    }

    /// <summary>
    /// The provider's own second factor (amr "mfa") stands in for Concordat's two-step verification; without it, someone
    /// with two-step on still gives a code, and a convenor who must use it is still sent to set it up.
    /// </summary>
    [Fact]
    public async Task TheProvidersSecondFactor_StandsInForTwoStepVerification_AndNothingElseDoes()
    {
        var (provider, app) = await StartAsync(DatabaseKind.Sqlite, requireTwoStep: true);
        await using var _ = provider;
        await using var __ = app;
        var system = await app.CreateSystemAsync();
        await using (var scope = app.Database())
        {
            var users = scope.Get<UserManager<Person>>();
            var viewer = await users.FindByIdAsync(system.Viewer.Id.ToString());
            await users.SetTwoFactorEnabledAsync(viewer!, true);
        }

        provider.SignedIn = new ProviderIdentity(system.Viewer.Email, true, "pwd");
        var viewerWithPasswordOnly = await SignInWithProviderAsync(new PageClient(app.CreateClient()), provider);
        provider.SignedIn = new ProviderIdentity(system.Viewer.Email, true, "pwd", "mfa");
        var viewerWithMfa = new PageClient(app.CreateClient());
        var viewerWithMfaAnswer = await SignInWithProviderAsync(viewerWithMfa, provider);
        var viewerPage = await viewerWithMfa.GetAsync($"/systems/{system.Id}");
        provider.SignedIn = new ProviderIdentity(system.Convenor.Email, true, "pwd");
        var convenorWithPasswordOnly = new PageClient(app.CreateClient());
        await SignInWithProviderAsync(convenorWithPasswordOnly, provider);
        var convenorSentToSetUp = await convenorWithPasswordOnly.GetAsync($"/systems/{system.Id}");
        provider.SignedIn = new ProviderIdentity(system.Convenor.Email, true, "pwd", "mfa");
        var convenorWithMfa = new PageClient(app.CreateClient());
        await SignInWithProviderAsync(convenorWithMfa, provider);
        var convenorPage = await convenorWithMfa.GetAsync($"/systems/{system.Id}");

        Assert.Equal("/sign-in/code", viewerWithPasswordOnly.Location);
        Assert.Equal(HttpStatusCode.OK, (await viewerWithPasswordOnly.FollowAsync()).Status);
        Assert.Equal("/systems", viewerWithMfaAnswer.Location);
        Assert.Equal(HttpStatusCode.OK, viewerPage.Status);
        Assert.Equal("/account/two-step", convenorSentToSetUp.Location);
        Assert.Equal(HttpStatusCode.OK, convenorPage.Status);
    }

    [Fact]
    public async Task WithoutConfiguration_ThereIsNoButton_AndNoProvider()
    {
        var client = new PageClient(unconfigured.CreateClient());

        var signIn = await client.GetAsync("/sign-in");
        var callback = await client.GetAsync(SingleSignOn.CallbackPage);
        var providerCallback = await client.PostAsync("/signin-oidc", [new("code", "x"), new("state", "y")]);

        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Null(signIn.Document.QuerySelector("#single-sign-on"));
        Assert.DoesNotContain("Sign in with", signIn.Html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", signIn.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, callback.Status);
        Assert.NotEqual(HttpStatusCode.Redirect, providerCallback.Status);
    }
}

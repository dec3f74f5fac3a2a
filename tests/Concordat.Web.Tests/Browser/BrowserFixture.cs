using Concordat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>The app on a real Kestrel on loopback with the demo workspace, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public TestApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does this).");
        }
        _app = new KestrelApp();
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new browser context signed in as one of a test system's people, on the system's home page.</summary>
    public Task<PageChecks> SignInAsync(TestPerson person) => SignInAsync(person.Email, person.Password);

    /// <summary>A new browser context signed in (as one of the demo people unless a password is given), on the system's home page.</summary>
    /// <summary>Signs in and waits for the page the person lands on: their system's home unless <paramref name="landsOn"/> says otherwise.</summary>
    public async Task<PageChecks> SignInAsync(string email, string password = Concordat.Core.Demo.DemoWorkspace.Password, string landsOn = "/systems/[0-9a-f-]{36}$")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(landsOn));
        return checks;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed class KestrelApp() : TestApp(DatabaseKind.Sqlite, new Dictionary<string, string?>
    {
        ["Database:SeedDemo"] = "true",
        // Plain HTTP on loopback in this test, so cookies cannot be Secure-only here.
        ["Security:RequireHttpsCookies"] = "false",
        ["urls"] = "http://127.0.0.1:0",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Outside Development the static web assets manifest is not used by default; the browser needs the real files.
            builder.UseStaticWebAssets();
        }
    }
}

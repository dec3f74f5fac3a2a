using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>The API reference is pages of Concordat: the design system's layout, in English, with a way back.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheApiReference_IsInEnglish_HasAWayBack_OffersNoOtherSitesButtons_AndPassesAxe()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);

        await page.GotoAsync("/api/reference");
        Assert.Equal("en-GB", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Concordat API reference", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre code")).ToContainTextAsync("Authorization: Bearer cc_your_token");
        await NothingFromElsewhereAsync(page);
        await checks.CheckAsync("api-reference");

        await page.GetByRole(AriaRole.Link, new() { Name = "Goals and agreement" }).ClickAsync();
        Assert.Equal("en-GB", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Goals and agreement", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#op-post-api-v1-systems-systemid-goals")).ToContainTextAsync("POST");
        await NothingFromElsewhereAsync(page);
        await checks.CheckAsync("api-reference-goals");

        var breadcrumb = page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" });
        await breadcrumb.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/api/reference$"));
        await breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/sign-in"));
        await context.CloseAsync();
    }

    /// <summary>
    /// Signed out, a Concordat page has no buttons at all (nothing to deploy, generate, ask or share), and loads its
    /// scripts and styles from Concordat only.
    /// </summary>
    private async Task NothingFromElsewhereAsync(IPage page)
    {
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).CountAsync());
        var loaded = await page.Locator("script[src], link[href]").EvaluateAllAsync<string[]>("elements => elements.map(e => e.src || e.href)");
        Assert.DoesNotContain(loaded, address => !address.StartsWith(browser.BaseUrl, StringComparison.Ordinal));
    }
}

using System.Text.RegularExpressions;
using Concordat.Core.Demo;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed class ConvenorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Convenor_AddsAnOrganisation_FixingABadOdsCode_AndSeesItInTheList()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);

        await page.GotoAsync("/");
        Assert.EndsWith("/sign-in?ReturnUrl=%2F", page.Url);
        await checks.CheckAsync("01-sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoWorkspace.ConvenorEmail);
        await page.GetByLabel("Password").FillAsync(DemoWorkspace.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/systems/[0-9a-f-]{36}$"));
        Assert.Equal(DemoWorkspace.SystemName, await page.Locator("h1").InnerTextAsync());
        await checks.CheckAsync("02-system-home");

        await page.GoToAsync("Partners");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Partner organisations");
        await checks.CheckAsync("03-partners");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a partner organisation" }).ClickAsync();
        await checks.CheckAsync("04-add-partner");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Eastvale Carers Centre");
        await page.GetByLabel("Type of organisation").SelectOptionAsync(new SelectOptionValue { Label = "Voluntary, community and social enterprise (VCSE)" });
        await page.GetByLabel("ODS code (optional)").FillAsync("BAD CODE!");
        await page.GetByLabel("Eastvale").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToContainTextAsync("ODS code must be 3 to 9 letters and numbers");
        await Assertions.Expect(page.GetByLabel("Eastvale")).ToBeCheckedAsync();
        await checks.CheckAsync("05-add-partner-error");

        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("ODS code (optional)")).ToBeFocusedAsync();
        await page.GetByLabel("ODS code (optional)").FillAsync("8Z992");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Eastvale Carers Centre");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Eastvale Carers Centre added");
        await checks.CheckAsync("06-partner-added");

        await page.GoToAsync("Partners");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Eastvale Carers Centre" })).ToContainTextAsync("8Z992");

        await page.GoToAsync("What changed");
        await Assertions.Expect(page.Locator("main ol").First).ToContainTextAsync("Eastvale Carers Centre added as a partner");
        await Assertions.Expect(page.Locator("main ol").First).ToContainTextAsync("Priya Shah for NHS Northshire and Eastvale Integrated Care Board");
        await checks.CheckAsync("07-what-changed");
    }

    [Fact]
    public async Task EveryOtherPage_PassesTheAccessibilityScan()
    {
        var checks = await browser.SignInAsync(DemoWorkspace.ConvenorEmail);
        var page = checks.Page;
        var home = page.Url;

        await page.GotoAsync(home + "/people");
        await checks.CheckAsync("10-people");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await checks.CheckAsync("11-add-person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await checks.CheckAsync("12-add-person-errors");
        await page.GetByLabel("Full name").FillAsync("Jo Bloggs");
        await page.GetByLabel("Email address").FillAsync($"jo-{Guid.NewGuid():N}@eastvale.example");
        // A convenor adds a fellow convenor; a partner's other people are added by its own leads.
        await page.GetByLabel("Organisation they act for").SelectOptionAsync(new SelectOptionValue { Label = "NHS Northshire and Eastvale Integrated Care Board" });
        await page.GetByLabel("Convenor", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        var link = await page.Locator("#invitation-link").InnerTextAsync();
        await checks.CheckAsync("13-person-added");

        await page.GotoAsync(home + "/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Eastvale Borough Council" }).ClickAsync();
        await checks.CheckAsync("14-organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change details" }).ClickAsync();
        await checks.CheckAsync("15-edit-organisation");

        await page.GotoAsync("/account");
        await checks.CheckAsync("16-account");
        await page.GetByLabel("Token name").FillAsync("Browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToContainTextAsync("cc_");
        await checks.CheckAsync("17-token-created");

        await page.GotoAsync(home + "/strategy/narrative");
        await Assertions.Expect(page.Locator("#related-documents")).ToContainTextAsync("Joint forward plan");
        await checks.CheckAsync("17a-strategy-narrative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the strategy's own words" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Our vision (optional)")).ToContainTextAsync("Northshire and Eastvale");
        await checks.CheckAsync("17b-edit-strategy-narrative");

        await page.GotoAsync(home + "/goals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fewer emergency admissions of frail older people" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contribution-matrix")).ToContainTextAsync("At risk");
        await checks.CheckAsync("20-goal-with-contributions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Run a 40-bed frailty virtual ward across both places, seven days a week." }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-ins")).ToContainTextAsync("32 beds open");
        await checks.CheckAsync("21-contribution");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Check-in acknowledged");

        await page.GotoAsync(home + "/measures");
        await checks.CheckAsync("22-measures");
        await page.GetByRole(AriaRole.Link, new() { Name = "A&E four-hour performance (type 1)" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure .concordat-chart__wide svg")).ToBeVisibleAsync();
        await checks.CheckAsync("23-measure");

        await page.GotoAsync("/no-such-page");
        await checks.CheckAsync("18-not-found");

        var invitee = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        var inviteeChecks = new PageChecks(invitee);
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.Locator("h1")).ToHaveTextAsync("Set your password");
        await inviteeChecks.CheckAsync("19-invitation");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed class StrategyVersionsJourneyTests(BrowserFixture browser)
{
    private const string Goal = "Faster access to mental health support for children and young people";

    [Fact]
    public async Task TheConvenorBuildsADiagram_PublishesAVersion_ChangesTheGoal_ComparesVersions_AndThePublicSeesOnlyWhatWasPublished()
    {
        var convenor = await browser.SignInAsync("convenor@demo.concordat.example");
        var page = convenor.Page;
        var home = new Uri(page.Url).AbsolutePath;

        // The goal has no driver diagram, so the health check finds an aim without an account of how.
        await page.GotoAsync($"{home}/strategy/health");
        var goalHealth = page.Locator("section.nhsuk-card", new() { HasText = Goal }).Locator(".concordat-health-summary");
        var passedBefore = int.Parse((await goalHealth.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        await page.GoToAsync("Shared goals");
        await page.GetByRole(AriaRole.Link, new() { Name = Goal }).ClickAsync();
        var goalUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "See the driver diagram" }).ClickAsync();
        await page.GetByLabel("Primary driver", new() { Exact = true }).FillAsync("Children and families know where to get help early");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add primary driver" }).ClickAsync();
        await page.GetByLabel("Secondary driver", new() { Exact = true }).FillAsync("Schools spot and refer children who are struggling");
        await page.GetByLabel("Children and families know where to get help early").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add secondary driver" }).ClickAsync();
        await page.GetByLabel("Change idea", new() { Exact = true }).FillAsync("A mental health support team in every secondary school");
        await page.GetByLabel("Schools spot and refer children who are struggling").CheckAsync();
        await page.GetByLabel("Whose behaviour must change").FillAsync("Secondary school pastoral staff");
        await page.GetByLabel("Psychological capability (knowledge, understanding)").FillAsync("Staff are unsure which signs call for a referral.");
        await page.GetByLabel("Training").CheckAsync();
        await page.GetByLabel("Service provision").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change idea" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Change idea added");
        await Assertions.Expect(page.Locator("figure svg rect")).ToHaveCountAsync(4);

        await page.GotoAsync($"{home}/strategy/health");
        var passedAfter = int.Parse((await goalHealth.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passedAfter > passedBefore, $"{passedBefore} checks passed before the diagram, {passedAfter} after");

        await page.GotoAsync($"{home}/strategy/versions");
        await page.GetByLabel("Why this version").FillAsync("Approved at the December board");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 3 published");
        await Assertions.Expect(page.Locator("#version-note")).ToContainTextAsync("Approved at the December board");

        await page.GotoAsync(goalUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change draft" }).ClickAsync();
        var outcome = page.GetByLabel("Outcome", new() { Exact = true });
        await outcome.FillAsync((await outcome.InputValueAsync()).Replace("within 4 weeks", "within 2 weeks", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Changes saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("within 2 weeks");

        await page.GotoAsync($"{home}/strategy/versions");
        await page.GetByRole(AriaRole.Link, new() { Name = "What changed since version 3" }).ClickAsync();
        var changed = page.Locator(".concordat-diff__goal", new() { HasText = Goal });
        await Assertions.Expect(changed.Locator("del")).ToHaveTextAsync(new Regex(@"^\[removed:\s*4\s*\]$"));
        await Assertions.Expect(changed.Locator("ins")).ToHaveTextAsync(new Regex(@"^\[added:\s*2\s*\]$"));
        await convenor.CheckAsync("64-compare-with-today");

        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "2" });
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "3" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#comparison-heading")).ToContainTextAsync("Version 2");
        var drivers = page.Locator(".concordat-diff__goal", new() { HasText = Goal });
        await Assertions.Expect(drivers).ToContainTextAsync("Children and families know where to get help early");
        await Assertions.Expect(drivers).ToContainTextAsync("A mental health support team in every secondary school");
        await convenor.CheckAsync("65-compare-versions");

        // Signed out, the public page shows version 3 as published, not the reworded goal.
        var systemId = home.Split('/')[^1];
        var visitorContext = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var visitor = await visitorContext.NewPageAsync();
        var publicChecks = new PageChecks(visitor);
        await visitor.GotoAsync($"/public/strategy/{systemId}");
        await Assertions.Expect(visitor.Locator("#version-note")).ToContainTextAsync("Approved at the December board");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("within 4 weeks");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("within 2 weeks");
        await publicChecks.CheckAsync("66-public-strategy");

        // Printed to PDF, every goal is there with its outcome.
        await PrintedStrategy.AssertEveryGoalIsPrintedAsync(visitor);

        // Turned off, the public page is gone at once.
        await page.GotoAsync($"{home}/strategy/versions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop showing it publicly" }).ClickAsync();
        await Assertions.Expect(page.Locator("#public-status")).ToContainTextAsync("not public");
        var gone = await visitor.GotoAsync($"/public/strategy/{systemId}");
        Assert.Equal(404, gone!.Status);
        await page.Context.CloseAsync();
        await visitorContext.CloseAsync();
    }
}

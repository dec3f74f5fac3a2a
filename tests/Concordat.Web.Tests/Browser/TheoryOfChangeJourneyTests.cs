using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed class TheoryOfChangeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheGoalsLeadAddsADriverAndAChangeIdea_TheDiagramAndOutlineShowThem_AndTheHealthCheckReadsTheSystem()
    {
        var lead = await browser.SignInAsync("lead@demo.concordat.example");
        var page = lead.Page;

        await page.GoToAsync("Shared goals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting the A&E four-hour standard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the driver diagram" }).ClickAsync();
        // The aim, its two primary drivers, and the priority it shares with frailty (meeting crises at home) with its two
        // secondary drivers and two change ideas, entered once under frailty.
        await Assertions.Expect(page.Locator("figure svg rect")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#outline")).ToContainTextAsync("entered in Fewer emergency admissions of frail older people");
        await lead.CheckAsync("60-theory-of-change");

        await page.GetByLabel("Secondary driver", new() { Exact = true }).FillAsync("Same day emergency care takes suitable patients directly");
        await page.GetByLabel("Flow through the hospital keeps the department clear").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add secondary driver" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outline")).ToContainTextAsync("Same day emergency care takes suitable patients directly");

        await page.GetByLabel("Change idea", new() { Exact = true }).FillAsync("Direct referral from NHS 111 to same day emergency care");
        await page.GetByLabel("Same day emergency care takes suitable patients directly").CheckAsync();
        await page.GetByLabel("Whose behaviour must change").FillAsync("NHS 111 clinicians");
        await page.GetByLabel("Psychological capability (knowledge, understanding)").FillAsync("Clinicians do not know which conditions the unit accepts.");
        await page.GetByLabel("Education").CheckAsync();
        await page.GetByLabel("Service provision").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change idea" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Change idea added");
        await Assertions.Expect(page.Locator("figure svg rect")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".nhsuk-card", new() { HasText = "Direct referral from NHS 111" })).ToContainTextAsync("NHS 111 clinicians");
        await lead.CheckAsync("61-theory-of-change-edited");

        await page.GotoAsync(page.Url.Split("/goals/")[0] + "/strategy/health");
        await Assertions.Expect(page.Locator("#system-summary")).ToContainTextAsync("checks pass across");
        await Assertions.Expect(page.Locator("#system-findings")).ToContainTextAsync("committed beyond the capacity");
        await lead.CheckAsync("62-health-check");

        await page.GotoAsync(page.Url.Split("/strategy/")[0] + "/strategy");
        var goals = await page.Locator("section.concordat-strategy__goal").CountAsync();
        Assert.True(goals >= 4, $"{goals} goals in the strategy");
        await lead.CheckAsync("63-strategy");
        await PrintedStrategy.AssertEveryGoalIsPrintedAsync(page);
    }
}

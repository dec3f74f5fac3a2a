using Concordat.Core.Demo;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed class AgreementRoundJourneyTests(BrowserFixture browser)
{
    private static async Task RecordAsync(PageChecks lead, string goalUrl, string position, string? reason = null, string? resolve = null, string? screenshot = null)
    {
        var page = lead.Page;
        await page.GotoAsync(goalUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record your organisation's position" }).ClickAsync();
        await page.GetByLabel(position, new() { Exact = true }).CheckAsync();
        if (reason is not null)
        {
            await page.GetByLabel("Reason").FillAsync(reason);
        }
        if (resolve is not null)
        {
            await page.GetByLabel("What would resolve your objection").FillAsync(resolve);
        }
        if (screenshot is not null)
        {
            await lead.CheckAsync(screenshot);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record position" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("position is recorded");
    }

    [Fact]
    public async Task ConvenorProposes_ThreeLeadsRespond_OneObjects_Amended_AllConsent_GoalIsAgreed()
    {
        var convenor = await browser.SignInAsync(DemoWorkspace.ConvenorEmail);
        var page = convenor.Page;
        var home = page.Url;

        await page.GoToAsync("Shared goals");
        await convenor.CheckAsync("30-goals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a shared goal" }).ClickAsync();
        await page.GetByLabel("Short title").FillAsync("More people dying in their preferred place");
        await page.GetByLabel("Outcome").FillAsync("By March 2028, 75% of people on a palliative care register die in their preferred place.");
        await page.GetByLabel("Population or cohort").FillAsync("Adults on a GP palliative care register");
        await page.GetByLabel("The whole system").CheckAsync();
        await page.FillDateAsync("Horizon", new DateOnly(2028, 3, 31));
        await page.GetByLabel("Lead organisation").SelectOptionAsync(new SelectOptionValue { Label = "St Aidan's Hospice" });
        await page.GetByLabel("Senior responsible owner").FillAsync("Dr Ruth Hale, Medical Director");
        await convenor.CheckAsync("31-draft-goal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("More people dying in their preferred place");
        var goalUrl = page.Url;
        await convenor.CheckAsync("32-goal-draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open an agreement round" }).ClickAsync();
        await page.FillDateAsync("Closing date", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)));
        foreach (var box in await page.GetByRole(AriaRole.Group, new() { Name = "Which organisations must respond?" }).GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.UncheckAsync();
        }
        await page.GetByLabel("Northshire Teaching Hospitals NHS Foundation Trust").CheckAsync();
        await page.GetByLabel("Eastvale General Hospital NHS Trust").CheckAsync();
        await page.GetByLabel("Northshire County Council").CheckAsync();
        await convenor.CheckAsync("33-open-round");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-round")).ToContainTextAsync("0 of 3 organisations have responded");

        var northshire = await browser.SignInAsync("lead@demo.concordat.example");
        var eastvale = await browser.SignInAsync("eastvale.lead@demo.concordat.example");
        var county = await browser.SignInAsync("publichealth.lead@demo.concordat.example");
        await RecordAsync(northshire, goalUrl, "Consent", screenshot: "34-record-position");
        await RecordAsync(eastvale, goalUrl, "Object", "Our palliative care team is not funded for seven-day working.",
            "A horizon of 2029, so that seven-day cover can be funded first.");
        await RecordAsync(county, goalUrl, "Consent with concerns", "Care home staff will need end-of-life training.");

        await page.GotoAsync(goalUrl);
        await Assertions.Expect(page.Locator("#positions")).ToContainTextAsync("not funded for seven-day working");
        await convenor.CheckAsync("35-round-with-objection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Amend the proposal" }).ClickAsync();
        await page.GetByLabel("Outcome").FillAsync("By March 2029, 75% of people on a palliative care register die in their preferred place.");
        await page.FillDateAsync("Horizon", new DateOnly(2029, 3, 31));
        await page.GetByLabel("What the amendment changes").FillAsync("Horizon moved to March 2029 to answer Eastvale General's objection.");
        await convenor.CheckAsync("36-amend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Amend the proposal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#positions")).ToContainTextAsync("To confirm");

        await RecordAsync(northshire, goalUrl, "Consent");
        await RecordAsync(eastvale, goalUrl, "Consent");
        await RecordAsync(county, goalUrl, "Consent");

        await page.GotoAsync(goalUrl);
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Agreed");
        await Assertions.Expect(page.Locator(".nhsuk-lede-text")).ToContainTextAsync("By March 2029");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("agreed by all partners asked");
        await convenor.CheckAsync("37-goal-agreed");
        Assert.StartsWith(home, goalUrl);
    }
}

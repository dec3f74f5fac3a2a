using Concordat.Core.National;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.National;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// A national partner works through an ask in the browser: from their home to the inbox, to the ask, and a partial
/// agreement that first lacks its conditions. The demo's national partner speaks for the region; this journey appoints
/// one of the Care Quality Commission, so the demo's pages read the same whichever journey runs first.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class NationalAsksJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";

    [Fact]
    public async Task APartnerFindsTheAskWaitingOnTheirBody_AndPartlyAgreesWithConditions_AndEveryPagePassesAxe()
    {
        var cqc = NationalBody.Standard.Single(b => b.Kind == NationalBodyKind.CareQualityCommission).Id;
        var system = await browser.App.CreateSystemAsync();
        var title = $"One joint inspection for Westford {Guid.NewGuid().ToString("N")[..6]}";
        await browser.App.AskAsync(system, cqc, title, AskStage.Submitted, Ct);
        var partner = await browser.App.NationalPartnerAsync(cqc, "Quinn Quality", Ct);

        var national = await browser.SignInAsync(partner.Email, partner.Password, landsOn: "/national$");
        var page = national.Page;
        await Assertions.Expect(page.Locator("#asks-waiting")).ToContainTextAsync("waiting on your body");
        await national.CheckAsync("national-01-home");
        await page.Locator("#asks-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Asks of your body");
        await page.GetByLabel("System").SelectOptionAsync(new SelectOptionValue { Label = system.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter asks" }).ClickAsync();
        await Assertions.Expect(page.Locator("#inbox-list tr")).ToHaveCountAsync(1);
        await national.CheckAsync("national-02-inbox");
        await page.SetViewportSizeAsync(320, 800);
        Assert.True(await page.EvaluateAsync<bool>(NoSidewaysScroll), "The inbox scrolls sideways at 320 px");
        await page.SetViewportSizeAsync(1024, 800);

        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await national.CheckAsync("national-03-ask");
        await page.SetViewportSizeAsync(320, 800);
        Assert.True(await page.EvaluateAsync<bool>(NoSidewaysScroll), "The ask scrolls sideways at 320 px");
        await page.SetViewportSizeAsync(1024, 800);
        await page.GetByLabel("Partly agree, with conditions").CheckAsync();
        await page.GetByLabel("What your body says").FillAsync("One joint inspection of adult social care.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the conditions attached to the partial agreement");
        await national.CheckAsync("national-04-no-conditions");
        await page.GetByLabel("Conditions", new() { Exact = true }).FillAsync("Publish the outcome measures quarterly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your body's decision is recorded");
        await Assertions.Expect(page.Locator("#ask-deal")).ToContainTextAsync("Publish the outcome measures quarterly.");
        await national.CheckAsync("national-05-decided");
    }
}

using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>Each demo person's first page says what is waiting on them; a lead acts on a request straight from it.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class HomePageJourneyTests(BrowserFixture browser)
{
    private const string Idea = "Reablement contract with retained hours";

    [Fact]
    public async Task EachRolesHome_SaysWhatIsWaitingOnThem_AndACouncilLeadAgreesToCarryAChangeIdeaFromIt()
    {
        // Who sees what: a viewer has nothing to do; the frailty goal's lead acknowledges check-ins and owes a position
        // on hypertension; the county council's lead is asked to carry a change idea with its reablement contribution.
        var viewer = await browser.SignInAsync("viewer@demo.concordat.example");
        await Assertions.Expect(viewer.Page.Locator("#waiting-none")).ToHaveTextAsync("Nothing is waiting on you.");
        await viewer.CheckAsync("70-home-viewer");

        var convenor = await browser.SignInAsync("convenor@demo.concordat.example");
        await Assertions.Expect(convenor.Page.Locator(".nhsuk-lede-text")).ToContainTextAsync("Convenor for NHS Northshire and Eastvale Integrated Care Board");
        await convenor.CheckAsync("71-home-convenor");

        var community = await browser.SignInAsync("community.lead@demo.concordat.example");
        var communityWaiting = community.Page.Locator("#waiting-list");
        await Assertions.Expect(communityWaiting).ToContainTextAsync("Acknowledge Northshire County Council's check-in on Fewer emergency admissions of frail older people");
        await Assertions.Expect(communityWaiting).ToContainTextAsync("Record Northshire and Eastvale Community and Mental Health NHS Trust's position");
        await community.CheckAsync("72-home-goal-lead");

        var county = await browser.SignInAsync("publichealth.lead@demo.concordat.example");
        var page = county.Page;
        var home = page.Url;
        var request = page.Locator("#waiting-list a", new() { HasText = $"Northshire County Council is asked to carry the change idea {Idea}" });
        await Assertions.Expect(request).ToBeVisibleAsync();
        await county.CheckAsync("73-home-carrying-request");
        await request.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Northshire County Council is asked to carry {Idea}");
        await county.CheckAsync("74-carrying-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Northshire County Council's contribution now carries {Idea}");
        var card = page.Locator(".nhsuk-card", new() { Has = page.Locator("h3", new() { HasText = Idea }) });
        var carried = card.Locator(".nhsuk-summary-list__row", new() { Has = page.Locator("dt", new() { HasTextString = "Carried by" }) }).Locator("dd");
        await Assertions.Expect(carried).ToContainTextAsync("Northshire County Council: Start reablement within 24 hours of discharge");
        await Assertions.Expect(card.Locator("dt", new() { HasTextString = "Asked to carry it" })).ToHaveCountAsync(0);
        await county.CheckAsync("75-carrying-accepted");

        await page.GotoAsync(home);
        await Assertions.Expect(page.Locator("#waiting-list a", new() { HasText = Idea })).ToHaveCountAsync(0);
    }
}

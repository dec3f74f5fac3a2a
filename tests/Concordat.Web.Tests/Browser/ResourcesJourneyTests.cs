using System.Text.RegularExpressions;
using Concordat.Core.Demo;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed class ResourcesJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ALeadRegistersVoidSpace_AnotherPartnerRequestsIt_TheOwnerAcceptsLessFromTheHomePage_AndTheIdleViewUpdates()
    {
        const string space = "Eastvale Health Centre, second floor";
        var council = await browser.SignInAsync("eastvale.council.lead@demo.concordat.example");
        var page = council.Page;
        await page.GoToAsync("Resources");
        await council.CheckAsync("50-resources");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a resource" }).ClickAsync();
        await page.GetByLabel("Type of resource").SelectOptionAsync(new SelectOptionValue { Label = "Clinical space" });
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(space);
        await page.GetByLabel("How much there is").FillAsync("200");
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("m²");
        await page.GetByLabel("How much is available to the partnership").FillAsync("250");
        await page.GetByLabel("Place (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Eastvale" });
        await page.GetByLabel("Who to contact").FillAsync("Facilities, civic@eastvale.demo.concordat.example");
        await page.GetByLabel("Postcode (optional)").FillAsync("EV1 3CD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save resource" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Available capacity cannot be more than the quantity there is");
        await council.CheckAsync("51-register-error");
        await page.GetByLabel("How much is available to the partnership").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save resource" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(space);
        await council.CheckAsync("52-resource");

        await page.GotoAsync(page.Url.Split("/resources/")[0] + "/resources/idle");
        var idleRow = page.Locator("#idle tbody tr", new() { HasText = space });
        await Assertions.Expect(idleRow).ToContainTextAsync("150 m²");

        var community = await browser.SignInAsync("community.lead@demo.concordat.example");
        var cpage = community.Page;
        await cpage.GoToAsync("Shared goals");
        await cpage.GetByRole(AriaRole.Link, new() { Name = "Fewer emergency admissions of frail older people" }).ClickAsync();
        await cpage.GetByRole(AriaRole.Link, new() { Name = "Run a 40-bed frailty virtual ward across both places, seven days a week." }).ClickAsync();
        await cpage.GetByRole(AriaRole.Link, new() { Name = "Commit or release resources" }).ClickAsync();
        await community.CheckAsync("53-commit");
        await cpage.GetByLabel("Resource", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue
        {
            Label = $"{space}, Eastvale Borough Council (Estates; 150 m² idle; a request to its owner)",
        });
        await cpage.GetByLabel("How much").FillAsync("200");
        await cpage.FillDateAsync("Start date", DateOnly.FromDateTime(DateTime.UtcNow));
        await cpage.FillDateAsync("End date", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)));
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Commit or request resource" }).ClickAsync();
        await Assertions.Expect(cpage.Locator(".nhsuk-error-summary")).ToContainTextAsync($"Only 150 m² of {space} is free");
        await Assertions.Expect(cpage.Locator(".nhsuk-error-summary")).ToContainTextAsync("Request less, or ask Eastvale Borough Council");
        await community.CheckAsync("54-commit-over-capacity");
        await cpage.GetByLabel("How much").FillAsync("90");
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Commit or request resource" }).ClickAsync();
        await Assertions.Expect(cpage.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Resource requested: it counts once its owner accepts");
        var requested = cpage.Locator("#commitments li", new() { HasText = space });
        await Assertions.Expect(requested).ToContainTextAsync("Requested");

        // Until the owner answers, the request counts for nothing.
        await page.ReloadAsync();
        await Assertions.Expect(idleRow).ToContainTextAsync("150 m²");

        // The owner finds it on the home page and gives less than was asked.
        await page.GotoAsync(page.Url.Split("/resources/")[0]);
        var waiting = page.Locator("#waiting-list");
        await Assertions.Expect(waiting).ToContainTextAsync($"Northshire and Eastvale Community and Mental Health NHS Trust asks for 90 m² of {space}");
        await council.CheckAsync("55-home-waiting");
        await waiting.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(space)) }).ClickAsync();
        await council.CheckAsync("55-answer-request");
        await page.GetByLabel("How much to give").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Request accepted in part: 60 m² of {space} now counts");
        await Assertions.Expect(page.Locator("#commitments")).ToContainTextAsync("Committed");

        await page.GotoAsync(page.Url.Split("/resources/")[0] + "/resources/idle");
        await Assertions.Expect(idleRow).ToContainTextAsync("90 m²");
        await cpage.ReloadAsync();
        await Assertions.Expect(requested).ToContainTextAsync("90 m² from");
        await Assertions.Expect(requested).ToContainTextAsync("was asked for");
        await council.CheckAsync("55-idle");
        await page.GetByRole(AriaRole.Link, new() { Name = "By kind" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure svg[role=img]")).ToHaveCountAsync(1);
        await council.CheckAsync("56-by-kind");
        await page.GetByRole(AriaRole.Link, new() { Name = "By goal" }).ClickAsync();
        await council.CheckAsync("57-by-goal");
        await page.GetByRole(AriaRole.Link, new() { Name = "Commitments and requests" }).ClickAsync();
        await Assertions.Expect(page.Locator("#commitments tbody tr", new() { HasText = space })).ToContainTextAsync("was asked for");
        await council.CheckAsync("57-commitments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pooled funds" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Northshire Better Care Fund") }).ClickAsync();
        await Assertions.Expect(page.Locator("#unallocated")).ToHaveTextAsync("£500,000");
        await council.CheckAsync("58-pooled-fund");
    }
}

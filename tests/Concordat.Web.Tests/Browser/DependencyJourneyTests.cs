using System.Globalization;
using System.Net.Http.Json;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// A dependency negotiated in the browser: the trust asks for the council's item from its own item's page, and the
/// council's lead accepts with a date. The demo has no work programme yet, so the journey runs in a system of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class DependencyJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task TheTrustAsksForTheCouncilsItem_TheCouncilAcceptsWithADate_AndEveryPagePassesAxe()
    {
        var system = await browser.App.CreateSystemAsync();
        var (consumer, producer) = await SeedAsync(system);

        var trust = await browser.SignInAsync(system.TrustLead);
        var page = trust.Page;
        await page.GotoAsync($"/systems/{system.Id}/work/items/{consumer}");
        await trust.CheckAsync("95-item-depends-on-nothing");
        await page.GetByLabel("This item needs another item first").SelectOptionAsync(new SelectOptionValue { Label = "Reablement staff rota (Westford Council)" });
        await page.GetByLabel("What you need from it (optional)").FillAsync("Two reablement workers on Saturdays");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Dependency requested");
        await Assertions.Expect(page.Locator("#depends-on + table")).ToContainTextAsync("Requested");
        // Needed a month after the trust's item is due, so the trust's item is at risk.
        await Assertions.Expect(page.Locator(".nhsuk-card--warning")).ToContainTextAsync("At risk because of Westford Council's Reablement staff rota");
        await trust.CheckAsync("96-item-requested");

        var council = await browser.SignInAsync(system.CouncilLead);
        var cpage = council.Page;
        await cpage.GotoAsync($"/systems/{system.Id}/work/items/{producer}");
        await cpage.Locator("#needed-by + table").GetByRole(AriaRole.Link, new() { Name = "Answer" }).ClickAsync();
        await Assertions.Expect(cpage.Locator("#answer")).ToHaveTextAsync("Westford Hospitals NHS Trust needs Reablement staff rota for Falls clinic pathway");
        await council.CheckAsync("97-answer");
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Accept with this date" }).ClickAsync();
        await Assertions.Expect(cpage.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the date you commit to");
        await council.CheckAsync("98-answer-without-date");
        await cpage.FillDateAsync("The date you commit to", Today.AddDays(20));
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Accept with this date" }).ClickAsync();
        await Assertions.Expect(cpage.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Accepted, with the date you committed to");
        await Assertions.Expect(cpage.Locator("#needed-by + table")).ToContainTextAsync($"Westford Council committed to {Core.Words.Prose.Date(Today.AddDays(20))}");

        await page.GotoAsync($"/systems/{system.Id}/work/dependencies");
        await Assertions.Expect(page.Locator(".concordat-wait-matrix")).ToContainTextAsync("1 open");
        await trust.CheckAsync("99-who-waits-on-whom");
        await page.GotoAsync($"/systems/{system.Id}/work");
        await Assertions.Expect(page.Locator("#column-Backlog + ul")).Not.ToContainTextAsync("At risk");
        await trust.CheckAsync("99-board");
    }


    /// <summary>A workstream with the trust's item due in a month and the council's due in two.</summary>
    private async Task<(Guid Consumer, Guid Producer)> SeedAsync(TestSystem system)
    {
        var goalId = await browser.App.AgreedGoalAsync(system, Ct);
        var url = $"/api/v1/systems/{system.Id}";
        var stream = await (await ApiClient.ForAsync(browser.App, system.Convenor)).PostAsJsonAsync($"{url}/workstreams",
            new { name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId } }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        async Task<Guid> ItemAsync(TestPerson by, Guid owner, string title, int dueInDays)
        {
            var response = await (await ApiClient.ForAsync(browser.App, by)).PostAsJsonAsync($"{url}/work-items", new
            {
                title, workstreamId = streamId, ownerOrganisationId = owner, dueOn = Today.AddDays(dueInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, Ct);
            return (await response.JsonAsync())["item"]!["id"]!.GetValue<Guid>();
        }
        return (await ItemAsync(system.TrustLead, system.TrustId, "Falls clinic pathway", 30), await ItemAsync(system.CouncilLead, system.CouncilId, "Reablement staff rota", 60));
    }
}

using System.Globalization;
using System.Net.Http.Json;
using Concordat.Core.Goals;
using Concordat.Core.Measures;
using Concordat.Spc;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// One iteration of the shared work programme, lived in the browser by three people of three organisations: the
/// trust's A&amp;E lead finds their item blocked on the council and asks for the council's item; the council's lead
/// finds both on "Waiting on you" and accepts with a date, which clears the flag; the convenor closes the iteration;
/// both partners answer the retrospective; and the review shows how the goal's measure read at the start and the end.
/// It runs in a system of its own so that the demo's programme cannot change what it sees.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class WorkProgrammeJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    // The iteration began forty days ago, so that a month of the measure began inside it.
    private static readonly DateOnly Start = Today.AddDays(-40);

    [Fact]
    public async Task BlockedOnTheCouncil_AcceptedFromWaitingOnYou_IterationClosed_RetrospectiveAnswered_ReviewReadsTheMeasure()
    {
        var system = await browser.App.CreateSystemAsync();
        var seed = await SeedAsync(system);
        var home = $"/systems/{system.Id}";

        // The A&E lead plans the trust's item into the iteration, asks for the council's item and marks theirs blocked.
        var trust = await browser.SignInAsync(system.TrustLead);
        var page = trust.Page;
        await page.GotoAsync($"{home}/work/iterations/{seed.IterationId}");
        await page.GetByLabel("Item", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Same-day emergency care open at weekends (Westford Hospitals NHS Trust)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan it in" }).ClickAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Same-day emergency care open at weekends");
        await trust.CheckAsync("work-01-iteration-planned");

        await page.GetByRole(AriaRole.Link, new() { Name = "Same-day emergency care open at weekends" }).ClickAsync();
        await page.GetByLabel("This item needs another item first").SelectOptionAsync(new SelectOptionValue { Label = "Care packages within 48 hours (Westford Council)" });
        await page.GetByLabel("What you need from it (optional)").FillAsync("Packages sourced at weekends, so the unit's escalation beds can close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Dependency requested");
        await page.GetByLabel("Blocked", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("If it is blocked: why?").FillAsync("The unit's space holds escalation beds until care packages flow");
        await page.GetByLabel("If it is blocked: whose move is it?").SelectOptionAsync(new SelectOptionValue { Label = "Westford Council" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the item" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Westford Council");
        // The council's item is due a fortnight after the trust's, so the trust's item is at risk because of it.
        await Assertions.Expect(page.Locator(".nhsuk-card--warning")).ToContainTextAsync("At risk because of Westford Council's Care packages within 48 hours");
        await trust.CheckAsync("work-02-blocked-and-at-risk");
        await page.GotoAsync(home);
        await Assertions.Expect(page.Locator("#waiting-on-others-list")).ToContainTextAsync(
            "Westford Council has not yet answered Westford Hospitals NHS Trust's request for Care packages within 48 hours");
        await page.GoBackAsync();

        // The council's lead finds both on their home page and answers the request from there.
        var council = await browser.SignInAsync(system.CouncilLead);
        var cpage = council.Page;
        var waiting = cpage.Locator("#waiting-list");
        await Assertions.Expect(waiting).ToContainTextAsync("Westford Hospitals NHS Trust's Same-day emergency care open at weekends is blocked on Westford Council");
        await Assertions.Expect(cpage.Locator("[data-waiting-count]")).ToHaveTextAsync("Waiting on you: 2");
        await council.CheckAsync("work-03-waiting-on-the-council");
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Westford Hospitals NHS Trust needs Care packages within 48 hours for Same-day emergency care open at weekends" }).ClickAsync();
        await cpage.FillDateAsync("The date you commit to", Today.AddDays(14));
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Accept with this date" }).ClickAsync();
        await Assertions.Expect(cpage.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Accepted, with the date you committed to");
        await cpage.GotoAsync(home);
        await Assertions.Expect(cpage.Locator("#waiting-list")).Not.ToContainTextAsync("needs Care packages within 48 hours");
        await council.CheckAsync("work-04-request-answered");

        // The committed date comes before the trust's item is due: the flag clears, and the trust unblocks and finishes.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".nhsuk-card--warning")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#depends-on + table")).ToContainTextAsync($"Westford Council committed to {Core.Words.Prose.Date(Today.AddDays(14))}");
        await page.GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the item" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Done, for 0 days");
        await trust.CheckAsync("work-05-done");

        // The convenor closes the iteration, carrying the council's unfinished item into the next.
        var convenor = await browser.SignInAsync(system.Convenor);
        var vpage = convenor.Page;
        await vpage.GotoAsync($"{home}/work/iterations/{seed.IterationId}");
        await vpage.GetByLabel("Care packages within 48 hours (Westford Council, doing)").CheckAsync();
        await vpage.GetByRole(AriaRole.Button, new() { Name = "Close the iteration" }).ClickAsync();
        await Assertions.Expect(vpage.Locator(".nhsuk-summary-list")).ToContainTextAsync("Closed on");
        await Assertions.Expect(vpage.Locator("table").First).ToContainTextAsync("Carried into the next iteration");
        await convenor.CheckAsync("work-06-iteration-closed");

        // Each partner answers the retrospective for itself; what they learned of each other sits side by side.
        await page.GotoAsync(home);
        await page.Locator("#waiting-list").GetByRole(AriaRole.Link, new() { Name = "Answer Westford Hospitals NHS Trust's retrospective of Iteration 1" }).ClickAsync();
        await page.GetByLabel("What went well").FillAsync("The unit opened at weekends from the third week");
        await page.GetByLabel("What to change").FillAsync("Ask for partners' items when we plan, not when we are blocked");
        await page.GetByLabel("What you learned about another partner's world").FillAsync("The council buys care packages through a framework that opens monthly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await trust.CheckAsync("work-07-trust-answered");
        await cpage.GotoAsync($"{home}/work/iterations/{seed.IterationId}/retrospective");
        await cpage.GetByLabel("What went well").FillAsync("Weekend brokerage cover agreed");
        await cpage.GetByLabel("What you learned about another partner's world").FillAsync("A blocked bed at the trust costs a four-hour breach downstream");
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        var answers = cpage.Locator("main");
        await Assertions.Expect(answers).ToContainTextAsync("The council buys care packages through a framework that opens monthly");
        await Assertions.Expect(answers).ToContainTextAsync("A blocked bed at the trust costs a four-hour breach downstream");
        await council.CheckAsync("work-08-retrospective-side-by-side");

        // The review: the trust delivered, the council says why its item slipped, and the measure moved during the iteration.
        await cpage.GotoAsync($"{home}/work/iterations/{seed.IterationId}/review");
        await cpage.GetByLabel("Why it slipped (Care packages within 48 hours)").FillAsync("The framework opened two weeks late");
        await cpage.GetByRole(AriaRole.Button, new() { Name = "Save why Care packages within 48 hours slipped" }).ClickAsync();
        await vpage.GotoAsync($"{home}/work/iterations/{seed.IterationId}/review");
        await Assertions.Expect(vpage.Locator("main")).ToContainTextAsync("Same-day emergency care open at weekends");
        await Assertions.Expect(vpage.Locator("#slipped ~ .nhsuk-card").First).ToContainTextAsync("Why it slipped: The framework opened two weeks late");
        var measureRow = vpage.Locator("tr", new() { HasText = "Patients discharged by midday" });
        await Assertions.Expect(measureRow).ToContainTextAsync("13 periods");
        await Assertions.Expect(measureRow).ToContainTextAsync("14 periods");
        await Assertions.Expect(measureRow).ToContainTextAsync("Yes");
        await vpage.FillDateAsync("Held on", Today);
        await vpage.GetByLabel("Notes (optional)").FillAsync("Weekend care packages are the constraint; brokerage cover continues");
        await vpage.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Assertions.Expect(vpage.Locator("main")).ToContainTextAsync("Weekend care packages are the constraint");
        await convenor.CheckAsync("work-09-review");
    }


    private sealed record Seeded(Guid IterationId);

    /// <summary>
    /// A goal with a measure whose thirteen steady months end with the iteration's first month and whose next month,
    /// inside the iteration, jumps; a workstream serving it; the trust's item due in a month, the council's in six weeks;
    /// and the current iteration, with the council's item planned in.
    /// </summary>
    private async Task<Seeded> SeedAsync(TestSystem system)
    {
        Guid goalId;
        await using (var scope = browser.App.Database(system.Id))
        {
            var goal = new Goal
            {
                SystemId = system.Id, Title = "A&E within four hours", OutcomeStatement = "More people leave A&E within four hours by 2028",
                Population = "Everyone attending A&E", WholeSystem = true, Horizon = new DateOnly(2028, 3, 31), LeadOrganisationId = system.TrustId,
                SeniorResponsibleOwner = "Chief Operating Officer", Status = GoalStatus.Agreed, CreatedAtUtc = DateTime.UtcNow,
            };
            scope.Db.Goals.Add(goal);
            var measure = new Measure
            {
                SystemId = system.Id, Name = "Patients discharged by midday", Definition = "Share of discharges before noon", Unit = "%",
                Frequency = MeasureFrequency.Monthly, Improvement = ImprovementDirection.Increase, OwnerOrganisationId = system.TrustId, CreatedAtUtc = DateTime.UtcNow,
            };
            scope.Db.Measures.Add(measure);
            scope.Db.GoalMeasures.Add(new GoalMeasure { SystemId = system.Id, GoalId = goal.Id, MeasureId = measure.Id });
            var first = new DateOnly(Start.Year, Start.Month, 1).AddMonths(-12);
            double[] values = [18, 19, 17, 18, 20, 19, 18, 17, 19, 18, 20, 19, 18, 31];
            scope.Db.Observations.AddRange(values.Select((v, i) => new Observation
            {
                SystemId = system.Id, MeasureId = measure.Id, PeriodStart = first.AddMonths(i), Value = v, RecordedAtUtc = DateTime.UtcNow, RecordedByName = "Test",
            }));
            await scope.Db.SaveChangesAsync(Ct);
            goalId = goal.Id;
        }
        var url = $"/api/v1/systems/{system.Id}";
        var convenor = await ApiClient.ForAsync(browser.App, system.Convenor);
        var stream = await convenor.PostAsJsonAsync($"{url}/workstreams", new
        {
            name = "Urgent and emergency care flow", purpose = "Keep the emergency department clear", leadOrganisationId = system.TrustId,
            goalIds = new[] { goalId }, contributorIds = new[] { system.CouncilId },
        }, Ct);
        var streamId = (await stream.JsonAsync())["id"]!.GetValue<Guid>();
        var iteration = await convenor.PostAsJsonAsync($"{url}/iterations", new
        {
            startsOn = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = Today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            objective = "Open same-day emergency care at weekends",
        }, Ct);
        var iterationId = (await iteration.JsonAsync())["id"]!.GetValue<Guid>();
        async Task<(Guid Id, string ETag)> ItemAsync(TestPerson by, Guid owner, string title, int dueInDays, string status)
        {
            var client = await ApiClient.ForAsync(browser.App, by);
            var response = await client.PostAsJsonAsync($"{url}/work-items", new
            {
                title, workstreamId = streamId, ownerOrganisationId = owner, dueOn = Today.AddDays(dueInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, Ct);
            var id = (await response.JsonAsync())["item"]!["id"]!.GetValue<Guid>();
            var moved = await client.PostJsonAsync($"{url}/work-items/{id}/moves", new { status }, response.Headers.ETag!.ToString());
            return (id, moved.Headers.ETag!.ToString());
        }
        await ItemAsync(system.TrustLead, system.TrustId, "Same-day emergency care open at weekends", 30, "Doing");
        var (councilItem, etag) = await ItemAsync(system.CouncilLead, system.CouncilId, "Care packages within 48 hours", 44, "Doing");
        var planned = await (await ApiClient.ForAsync(browser.App, system.CouncilLead)).PutJsonAsync($"{url}/work-items/{councilItem}/iteration", new { iterationId }, etag);
        Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync(Ct));
        return new Seeded(iterationId);
    }
}

using System.Text;
using Concordat.Core.Words;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// An ICS strategy team's first day, all through the pages: the convenor adds a place with its ONS codes and the
/// integrated care partnership with its members and terms of reference, writes the strategy's own words, imports the
/// strategy the partnership already has from a file, shares one of its priorities with a second goal, and publishes
/// version 1 as agreed by the partnership. It runs in a system of its own, which starts with no forum, no narrative,
/// no goal and no version, so that everything the published version shows was put there by this journey.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class StrategyDayOneJourneyTests(BrowserFixture browser)
{
    private const string Forum = "Westford and Eastvale Integrated Care Partnership";
    private const string Vision = "Everyone in Westford and Eastvale lives a longer, healthier life";
    private const string FallsGoal = "Fewer older people harmed by falls";
    private const string SchoolGoal = "Every child ready for school";
    private const string Priority = "Community hubs in every neighbourhood";
    private const string HubIdea = "Open a hub in each neighbourhood's library";

    private static readonly DateOnly AgreedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);

    // The strategy as the partnership already has it. It names the place, the partners and the forum added on the
    // pages by name only, so the import must find them; and its priority serves only the falls goal, to be shared on
    // the driver diagram page.
    private const string StrategyFile = $"""
        partners:
          - name: Eastvale Community Action
            type: Vcse
            charityNumber: "1099999"
            places: [Eastvale]

        ambitions:
          - title: Start well
            description: Every child has the best start in life.
          - title: Age well
            description: Older people live independently and well for longer.

        goals:
          - title: {FallsGoal}
            outcome: By March 2030, emergency admissions after a fall among people aged 65 and over in Westford and Eastvale fall by a fifth.
            population: People aged 65 and over living in Westford and Eastvale
            wholeSystem: true
            inequalityLens: Core20PLUS5 - the most deprived 20% of neighbourhoods
            horizon: 2030-03-31
            lead: Westford Hospitals NHS Trust
            ambition: Age well
            owningForum: {Forum}
            seniorResponsibleOwner: Director of Community Services
            drivers:
              - title: {Priority}
                secondary:
                  - title: One front door for health, care and voluntary help
                    changeIdeas:
                      - title: {HubIdea}
                        whoseBehaviour: Librarians and care navigators
                        whatDifferently: Welcome residents and book them with the right service on the spot
              - title: Find people at risk of falling early
          - title: {SchoolGoal}
            outcome: By September 2030, seven in ten children in Eastvale reach a good level of development by the end of reception.
            population: Children under five in Eastvale and their families
            places: [Eastvale]
            horizon: 2030-09-30
            lead: Westford Council
            ambition: Start well
            drivers:
              - title: Support parents from pregnancy

        """;

    // The same file with words of its own, which the import must refuse once the partnership has written its own.
    private const string NarrativeInTheFile = """
        narrative:
          vision: Words from an old draft, which must not replace what the partnership wrote.
        """;

    [Fact]
    public async Task TheConvenorSetsUpPlacesAForumAndTheNarrative_ImportsTheStrategy_SharesAPriority_AndPublishesVersion1()
    {
        var system = await browser.App.CreateSystemAsync();
        var convenor = await browser.SignInAsync(system.Convenor);
        var page = convenor.Page;

        // A place, with its local authority and sub-ICB location codes; a mistyped code is refused beside its field.
        await page.GoToAsync("Partners");
        await page.GetByRole(AriaRole.Link, new() { Name = "places", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("caption")).ToHaveTextAsync("1 place");
        await convenor.CheckAsync("day-one-01-places");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Eastvale");
        await page.GetByLabel("Local authority code (optional)", new() { Exact = true }).FillAsync("E0600009");
        await page.GetByLabel("Sub-ICB location code (optional)", new() { Exact = true }).FillAsync("E38000992");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add place" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Local authority code must be an ONS code: E or W and 8 numbers");
        await Assertions.Expect(page.Locator("caption")).ToHaveTextAsync("1 place");
        await convenor.CheckAsync("day-one-02-place-code-refused");
        await page.GetByLabel("Local authority code (optional)", new() { Exact = true }).FillAsync("E06000099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add place" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Eastvale added");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Eastvale");
        // Shown by the area's name from the ONS list, with the code.
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Eastvale (E06000099)");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("NHS Northshire and Eastvale ICB - Eastvale (E38000992)");
        await convenor.CheckAsync("day-one-03-place");

        // The integrated care partnership, with its members and terms of reference.
        await page.GoToAsync("Partners");
        await page.GetByRole(AriaRole.Link, new() { Name = "governance forums", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No forum has been recorded yet.");
        await convenor.CheckAsync("day-one-04-no-forums");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a forum" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Add a forum" })).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Forum);
        await page.GetByLabel("Kind of forum", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Integrated care partnership" });
        await page.GetByLabel("Test ICB").CheckAsync();
        await page.GetByLabel("Westford Hospitals NHS Trust").CheckAsync();
        await page.GetByLabel("Westford Council").CheckAsync();
        await page.GetByLabel("Terms of reference (optional)", new() { Exact = true }).FillAsync("Agrees the integrated care strategy and reviews it each year.\n\nQuorate when half the members are present.");
        await page.GetByLabel("Link to the published terms of reference (optional)", new() { Exact = true }).FillAsync("https://westford-eastvale.example.org/icp/terms-of-reference");
        await convenor.CheckAsync("day-one-05-add-forum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add forum" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{Forum} added");
        await Assertions.Expect(page.Locator("#forum-members li")).ToHaveTextAsync(["Test ICB", "Westford Council", "Westford Hospitals NHS Trust"]);
        await Assertions.Expect(page.Locator("#terms-of-reference p")).ToHaveTextAsync(
            ["Agrees the integrated care strategy and reviews it each year.", "Quorate when half the members are present."]);
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Integrated care partnership");
        await convenor.CheckAsync("day-one-06-forum");
        var forumPage = new Uri(page.Url).AbsolutePath;

        // The strategy's own words.
        await page.GoToAsync("Strategy");
        await page.GetByRole(AriaRole.Link, new() { Name = "The strategy's own words", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#vision")).ToContainTextAsync("Not written yet.");
        await convenor.CheckAsync("day-one-07-no-narrative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the strategy's own words" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Change the strategy's own words" })).ClickAsync();
        await page.GetByLabel("Our vision (optional)").FillAsync($"{Vision}, and the gap between our most and least deprived neighbourhoods narrows every year.");
        await page.GetByLabel("Our principles (optional)").FillAsync("- We decide together, and each partner keeps its own authority.\n- We start where people live: in neighbourhoods, not in organisations.");
        await page.GetByLabel("Our population and its needs (optional)").FillAsync("About 300,000 people live in Westford and Eastvale.");
        await page.GetByLabel("Enabling strategies (optional)").FillAsync("**Workforce:** one recruitment campaign for health and care roles across the partners.");
        var document = page.GetByRole(AriaRole.Group, new() { Name = "Document 1", Exact = true });
        await document.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Joint forward plan" });
        await document.GetByLabel("Title").FillAsync("Westford and Eastvale joint forward plan");
        await document.GetByLabel("Address").FillAsync("https://westford-eastvale.example.org/joint-forward-plan");
        await convenor.CheckAsync("day-one-08-write-narrative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The strategy's own words saved");
        await Assertions.Expect(page.Locator("#vision")).ToContainTextAsync(Vision);
        await Assertions.Expect(page.Locator("#principles")).ToContainTextAsync("We start where people live: in neighbourhoods, not in organisations.");
        await Assertions.Expect(page.Locator("#related-documents")).ToContainTextAsync("Joint forward plan: Westford and Eastvale joint forward plan");
        await convenor.CheckAsync("day-one-09-narrative");

        // The strategy the partnership already has, from a file. A file with words of its own is refused whole, as
        // the partnership has written its own; without them, everything in it comes in.
        await page.GoToAsync("Shared goals");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No goals match.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import an existing strategy from a file" }).ClickAsync();
        await convenor.CheckAsync("day-one-10-import");
        await UploadAsync(page, StrategyFile + NarrativeInTheFile);
        await Assertions.Expect(page.Locator(".nhsuk-error-summary__list a")).ToHaveTextAsync([
            "The file has 1 problem. Nothing has been imported: correct the file and upload it again.",
            "narrative: The system already has the strategy's own words: change them on the strategy's narrative page, or leave narrative out of the file"]);
        await convenor.CheckAsync("day-one-11-import-refused");
        await UploadAsync(page, StrategyFile);
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Imported 2 goals (as drafts) under 2 new ambitions");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("1 partner");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = FallsGoal, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = SchoolGoal, Exact = true })).ToBeVisibleAsync();
        await convenor.CheckAsync("day-one-12-imported");

        // The falls goal's priority also serves the school goal: shared on the driver diagram, not copied.
        await page.GetByRole(AriaRole.Link, new() { Name = FallsGoal, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the driver diagram" }).ClickAsync();
        var sharing = page.Locator("#sharing-list > li", new() { HasText = Priority });
        await Assertions.Expect(sharing).ToContainTextAsync($"serves {FallsGoal}.");
        await convenor.CheckAsync("day-one-13-priority-unshared");
        await sharing.GetByLabel("Also serves").SelectOptionAsync(new SelectOptionValue { Label = SchoolGoal });
        await sharing.GetByRole(AriaRole.Button, new() { Name = $"Share {Priority}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Priority shared");
        var shared = page.Locator("#outline .concordat-shared-priority");
        await Assertions.Expect(shared).ToHaveCountAsync(1);
        await Assertions.Expect(shared).ToContainTextAsync(SchoolGoal);
        await Assertions.Expect(shared).ToContainTextAsync(FallsGoal);
        await convenor.CheckAsync("day-one-14-priority-shared");

        // The school goal's diagram shows the priority with its change idea, entered in the falls goal and changed there.
        await page.GoToAsync("Shared goals");
        await page.GetByRole(AriaRole.Link, new() { Name = SchoolGoal, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the driver diagram" }).ClickAsync();
        var primaries = page.Locator("#outline .concordat-outline > li");
        await Assertions.Expect(primaries).ToHaveCountAsync(2);
        var priority = primaries.Filter(new() { HasText = Priority });
        await Assertions.Expect(priority).ToContainTextAsync($"entered in {FallsGoal}, and changed there");
        await Assertions.Expect(priority).ToContainTextAsync(HubIdea);
        await Assertions.Expect(priority.GetByRole(AriaRole.Button, new() { Name = $"Remove {Priority}" })).ToHaveCountAsync(0);
        await convenor.CheckAsync("day-one-15-priority-in-second-goal");

        // Version 1, agreed by the partnership a week ago; naming the forum without the date is refused.
        await page.GoToAsync("Strategy");
        await page.GetByRole(AriaRole.Link, new() { Name = "Published versions", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No version has been published yet.");
        await page.GetByLabel("Why this version", new() { Exact = true }).FillAsync("The strategy as the partnership adopted it");
        await page.GetByLabel("Forum that agreed it (optional)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Forum });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the date the forum took the decision");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No version has been published yet.");
        await convenor.CheckAsync("day-one-16-publish-without-date");
        await page.FillDateAsync("Date it was agreed (optional)", AgreedOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 1 published");

        // The published version has the narrative, the shared priority under both goals, and the forum that agreed it.
        await Assertions.Expect(page.Locator("#agreed-by")).ToHaveTextAsync($"This version was agreed by {Forum} on {Prose.Date(AgreedOn)}.");
        await Assertions.Expect(page.Locator("#narrative-our-vision")).ToContainTextAsync(Vision);
        await Assertions.Expect(page.Locator("#narrative-our-principles")).ToContainTextAsync("We start where people live: in neighbourhoods, not in organisations.");
        await Assertions.Expect(page.Locator("#narrative-enabling-strategies")).ToContainTextAsync("one recruitment campaign for health and care roles");
        await Assertions.Expect(page.Locator("#related-documents")).ToContainTextAsync("Joint forward plan: Westford and Eastvale joint forward plan");
        var falls = GoalSection(page, FallsGoal);
        var school = GoalSection(page, SchoolGoal);
        await Assertions.Expect(falls).ToContainTextAsync($"Owned by {Forum}");
        await Assertions.Expect(falls).ToContainTextAsync(Priority);
        await Assertions.Expect(falls).ToContainTextAsync(HubIdea);
        await Assertions.Expect(school).ToContainTextAsync($"{Priority} (A priority shared with {FallsGoal}; its change ideas are described under {FallsGoal})");
        await Assertions.Expect(page.Locator("h2.concordat-strategy__ambition")).ToHaveTextAsync(["Start well", "Age well"]);
        await convenor.CheckAsync("day-one-17-version-1");

        // The forum now has the decision on record.
        await page.GotoAsync(forumPage);
        await Assertions.Expect(page.Locator(".nhsuk-summary-list__row", new() { HasText = "Decisions recorded" }).Locator("dd")).ToHaveTextAsync("1");
        await convenor.CheckAsync("day-one-18-forum-with-decision");
        await page.Context.CloseAsync();
    }

    private static ILocator GoalSection(IPage page, string title) =>
        page.Locator("section.concordat-strategy__goal", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    private static async Task UploadAsync(IPage page, string yaml)
    {
        await page.GetByLabel("Strategy file (.yaml, .yml or .json)").SetInputFilesAsync(
            new FilePayload { Name = "strategy.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(yaml) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the strategy" }).ClickAsync();
    }

}

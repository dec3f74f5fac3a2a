using System.Net;
using Concordat.Core.Demo;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// Every page of the demo workspace at a phone's width: none scrolls sideways at 320 or 390 pixels. The pages are
/// those the prose check reads (<see cref="SiteCrawl"/>), found through the browser's own signed-in session; each page
/// is loaded at one address and measured at both widths. The SPC chart keeps its words legible on a phone and the
/// driver diagram gives way to its outline.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class PhoneWidthTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [320, 390];

    private static readonly string[] AdministratorsPages = ["/people/{personId:guid}/account", "/systems/new", "/systems/{systemId:guid}/rename"];

    // Links are followed from this many addresses of each page (some pages link onwards only from some of their
    // addresses: a goal's edit page only from a goal still in draft), but each page is measured at one address.
    private const int AddressesPerPage = 10;

    // Of the elements that reach past the right edge, outside any element that scrolls on its own, the widest, and
    // the innermost (an element none of whose children also reach past the edge), each with its width.
    private const string Offenders = """
        () => {
          const root = document.scrollingElement;
          if (root.scrollWidth <= root.clientWidth) return null;
          const edge = root.clientWidth + 0.5;
          const scrollsItself = e => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            }
            return false;
          };
          const past = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > edge && !scrollsItself(e));
          const name = e => {
            const text = (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
            return `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''}>`
              + ` ${Math.round(e.getBoundingClientRect().width)} px wide "${text}"`;
          };
          const widest = past.reduce((w, e) => !w || e.getBoundingClientRect().width > w.getBoundingClientRect().width ? e : w, null);
          const innermost = past.filter(e => ![...e.children].some(c => past.includes(c)));
          return `scrolls to ${root.scrollWidth} px; widest ${widest ? name(widest) : 'none found'}; innermost `
            + innermost.slice(0, 3).map(name).join(', ');
        }
        """;

    [Fact]
    public async Task NoPageOfTheDemoWorkspace_ScrollsSideways_At320Or390Pixels()
    {
        var ct = TestContext.Current.CancellationToken;
        Guid systemId;
        await using (var lookup = browser.App.Database())
        {
            systemId = await lookup.Db.Systems.Where(s => s.Name == DemoWorkspace.SystemName).Select(s => s.Id).SingleAsync(ct);
        }
        var crawl = new SiteCrawl(browser.App.Services, systemId);
        var overflowing = new List<string>();
        var measured = new HashSet<string>();

        var convenor = await browser.SignInAsync(DemoWorkspace.ConvenorEmail);
        // Another journey may have turned the public view off; then there is no page there to measure (it shows the
        // same document as a published version, which is measured either way).
        var isPublic = (await convenor.Page.Context.APIRequest.GetAsync(crawl.PublicView)).Status == 200;
        await CrawlAsync(convenor.Page, [$"/systems/{systemId}", "/systems", "/account", .. isPublic ? [crawl.PublicView] : Array.Empty<string>()]);
        // The pages only an organisation's own leads see (a position asked of them, a delegation they record).
        var lead = await browser.SignInAsync("community.lead@demo.concordat.example");
        await CrawlAsync(lead.Page, [$"/systems/{systemId}"]);
        // The national bodies an administrator keeps, and a national partner's home outside every system.
        await CrawlAsync((await browser.SignInAsync("admin@demo.concordat.example", landsOn: "/systems$")).Page, ["/national-bodies"]);
        await CrawlAsync((await browser.SignInAsync("national@demo.concordat.example", landsOn: "/national$")).Page, ["/national"]);
        // Signed out: the sign-in page.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        await CrawlAsync(await context.NewPageAsync(), ["/", "/sign-in"]);

        Assert.True(overflowing.Count == 0, $"{overflowing.Count} pages scroll sideways:\n" + string.Join('\n', overflowing));
        // An administrator's pages (accounts, creating and renaming systems) are read by the prose check, signed in as the demo
        // administrator; they are forms and summary lists like the account page measured here.
        var unreached = crawl.Unreached().Where(r => (isPublic || !r.StartsWith("/public/", StringComparison.Ordinal)) && !AdministratorsPages.Contains(r)).ToList();
        Assert.True(unreached.Count == 0, "Pages not reached:\n" + string.Join('\n', unreached));
        Assert.True(crawl.Problems.Count == 0, string.Join('\n', crawl.Problems));

        Task CrawlAsync(IPage page, string[] starts) => crawl.CrawlAsync(
            async url =>
            {
                var response = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
                var headers = response.Headers;
                return new CrawledResponse((HttpStatusCode)response.Status, headers.GetValueOrDefault("location"),
                    headers.GetValueOrDefault("content-type")?.Split(';')[0], await response.TextAsync());
            },
            starts, AddressesPerPage,
            async (url, route, _, document) =>
            {
                if (document is null || !measured.Add(route))
                {
                    return;
                }
                await page.SetViewportSizeAsync(Widths[0], 800);
                await page.GotoAsync(url);
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 800);
                    if (await page.EvaluateAsync<string?>(Offenders) is { } offenders)
                    {
                        overflowing.Add($"{route} at {width} px ({url}): {offenders}");
                    }
                }
            });
    }
    // The visible chart's words: each one's size on screen (its computed size times the SVG's scale), and where the
    // names of the lines sit against the lines and each other.
    private const string ChartReading = """
        () => {
          const svg = [...document.querySelectorAll('figure.concordat-chart svg')].find(s => s.getBoundingClientRect().width > 0);
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const texts = [...svg.querySelectorAll('text')];
          const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
          const box = e => e.getBoundingClientRect();
          const touch = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const names = [...svg.querySelectorAll('.spc-labels text')];
          const lines = [...svg.querySelectorAll('.spc-mean, .spc-limit, .spc-target, .spc-trajectory')];
          const clashes = [];
          names.forEach((n, i) => {
            lines.filter(l => touch(box(n), box(l))).forEach(l => clashes.push(`${n.textContent} on ${l.getAttribute('class')}`));
            names.slice(i + 1).filter(m => touch(box(n), box(m))).forEach(m => clashes.push(`${n.textContent} on ${m.textContent}`));
          });
          return {
            smallest, scale,
            names: names.map(n => n.textContent),
            key: [...svg.querySelectorAll('.spc-key text')].map(t => t.textContent),
            clashes,
          };
        }
        """;

    private sealed class ChartRead
    {
        public double Smallest { get; set; }

        public double Scale { get; set; }

        public string[] Names { get; set; } = [];

        public string[] Key { get; set; } = [];

        public string[] Clashes { get; set; } = [];
    }

    [Fact]
    public async Task TheMeasureChart_OnAPhone_KeepsItsWordsAtLeast12Px_NamesItsLinesBesideThem_AndHasAKey_OnScreenAndOnPaper()
    {
        var convenor = await browser.SignInAsync(DemoWorkspace.ConvenorEmail);
        var page = convenor.Page;
        await page.GoToAsync("Measures");
        await page.GetByRole(AriaRole.Link, new() { Name = "A&E four-hour performance (type 1)" }).ClickAsync();

        foreach (var width in Widths.Append(1024))
        {
            await page.SetViewportSizeAsync(width, 800);
            var chart = await page.EvaluateAsync<ChartRead>(ChartReading);

            Assert.True(chart.Smallest >= 12, $"At {width} px the chart's smallest text is {chart.Smallest:0.#} px (drawn at scale {chart.Scale:0.##})");
            Assert.Equal(["Lower limit", "Mean", "Target", "Trajectory", "Upper limit"], chart.Names.Order(StringComparer.Ordinal));
            Assert.Empty(chart.Clashes);
            Assert.Contains("Common cause variation", chart.Key);
            Assert.Contains("Process limits", chart.Key);
            Assert.Contains("Trajectory", chart.Key);
        }

        await page.SetViewportSizeAsync(Widths[0], 800);
        await convenor.CheckAsync("70-measure-at-320");
        // On paper the whole chart is printed, with its names and key, however narrow the window it was printed from.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".concordat-chart__wide svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".concordat-chart__narrow svg")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".concordat-chart__wide .spc-key")).ToContainTextAsync("Process limits");
        // Paper has room for the data table as a table, which a phone stacks.
        Assert.Equal(["table-header-group", "table-row", "none"], await page.EvaluateAsync<string[]>(
            "() => ['#data thead', '#data tbody tr', '#data tbody .nhsuk-table__heading'].map(s => getComputedStyle(document.querySelector(s)).display)"));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    [Fact]
    public async Task TheDriverDiagram_OnAPhone_GivesWayToItsOutline()
    {
        var lead = await browser.SignInAsync("lead@demo.concordat.example");
        var page = lead.Page;
        await page.GoToAsync("Shared goals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting the A&E four-hour standard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the driver diagram" }).ClickAsync();

        await page.SetViewportSizeAsync(Widths[0], 800);
        await Assertions.Expect(page.Locator("figure svg")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#outline")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#outline")).ToContainTextAsync("Primary driver:");
        await lead.CheckAsync("71-theory-of-change-at-320");

        await page.SetViewportSizeAsync(1024, 800);
        await Assertions.Expect(page.Locator("figure svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("on this screen the outline below gives the same")).ToBeHiddenAsync();
    }
}

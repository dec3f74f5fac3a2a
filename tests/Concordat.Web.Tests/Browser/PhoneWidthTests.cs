using System.Net;
using Concordat.Core.Demo;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>
/// Every page of the demo workspace at a phone's width: none scrolls sideways at 320 or 390 pixels. The pages are
/// those the prose check reads (<see cref="SiteCrawl"/>), one address of each, found through the browser's own
/// signed-in session; each page is loaded at one address and measured at both widths.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class PhoneWidthTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [320, 390];

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
        await CrawlAsync(convenor.Page, [$"/systems/{systemId}", "/systems", "/account", crawl.PublicView]);
        // The pages only an organisation's own leads see (a position asked of them, a delegation they record).
        var lead = await browser.SignInAsync("community.lead@demo.concordat.example");
        await CrawlAsync(lead.Page, [$"/systems/{systemId}"]);
        // Signed out: the sign-in page.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        await CrawlAsync(await context.NewPageAsync(), ["/", "/sign-in"]);

        Assert.True(overflowing.Count == 0, $"{overflowing.Count} pages scroll sideways:\n" + string.Join('\n', overflowing));
        Assert.True(crawl.Unreached().Count == 0, "Pages not reached:\n" + string.Join('\n', crawl.Unreached()));
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
}

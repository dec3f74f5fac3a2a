using System.Net;
using Concordat.Core.Demo;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Words;

/// <summary>
/// Reads every page and document of the demo workspace (the strategy's Markdown and the public view included), as its
/// convenor sees them, and fails on words a board could not print (see <see cref="ProseCheck"/>). Pages are found by
/// following links (see <see cref="SiteCrawl"/>), from the system's home page, the public view, the API reference and the account page. The
/// few pages only an organisation's own leads see are read as one of them.
/// </summary>
public abstract class ProseTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    // Of each page, this many addresses at most (say, ten of the demo's resources), so the reading stays short.
    private const int AddressesPerPage = 10;

    [Fact]
    public async Task EveryPageAndDocument_OfTheDemoWorkspace_ReadsAsProse()
    {
        var systemId = await App.DemoAsync(Ct);
        var crawl = new SiteCrawl(App.Services, systemId);
        var publicView = crawl.PublicView;
        var problems = new List<string>();

        // Signed out: the sign-in page, the API reference and the public view. Then the convenor, who sees nearly everything; then an
        // organisation lead (of the community trust, asked for a position on the hypertension goal and contributing to
        // frailty), for the few pages only an organisation's own leads see, reading fewer addresses of each page.
        await CrawlAsync(new PageClient(App.CreateClient()), ["/", "/sign-in", "/api/reference", publicView, $"{publicView}/markdown"], AddressesPerPage);
        await CrawlAsync(await SignedInAsync(DemoWorkspace.ConvenorEmail),
            [$"/systems/{systemId}", $"/systems/{systemId}/strategy/markdown", "/systems", "/account"], AddressesPerPage);
        await CrawlAsync(await SignedInAsync("community.lead@demo.concordat.example"), [$"/systems/{systemId}"], 4);
        // The administrator, for the account pages and the national bodies only administrators see.
        await CrawlAsync(await SignedInAsync("admin@demo.concordat.example"), [$"/systems/{systemId}/people", "/national-bodies"], 2);
        // A national partner, who sees no system's workspace: their body's home and the public strategies.
        await CrawlAsync(await SignedInAsync("national@demo.concordat.example"), ["/", "/national"], 2);

        var unreached = crawl.Unreached();
        Assert.True(unreached.Count == 0, "Pages not reached (link to them from the demo, or say why in SiteCrawl.NotReached):\n" + string.Join('\n', unreached));
        problems.AddRange(crawl.Problems);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Distinct()));

        async Task<PageClient> SignedInAsync(string email)
        {
            var client = new PageClient(App.CreateClient());
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoWorkspace.Password)).Status);
            return client;
        }

        Task CrawlAsync(PageClient client, string[] starts, int addressesPerPage) => crawl.CrawlAsync(
            async url =>
            {
                var response = await client.Http.GetAsync(url, Ct);
                return new CrawledResponse(response.StatusCode, response.Headers.Location?.OriginalString,
                    response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
            },
            starts, addressesPerPage,
            (url, _, response, document) =>
            {
                if (document is not null)
                {
                    problems.AddRange(ProseCheck.Problems(ProseCheck.VisibleText(document)).Select(p => $"{url}: {p}"));
                }
                else if (response.MediaType == "text/markdown")
                {
                    problems.AddRange(ProseCheck.Problems(ProseCheck.MarkdownText(response.Body)).Select(p => $"{url}: {p}"));
                }
                return Task.CompletedTask;
            });
    }
}

public sealed class ProseSqliteTests(SqliteApp app) : ProseTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ProsePostgresTests(PostgresApp app) : ProseTests(app, DatabaseKind.Postgres);

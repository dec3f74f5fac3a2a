using System.Text.RegularExpressions;
using Concordat.Core.Data;
using Concordat.Core.Demo;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Platform;

/// <summary>
/// No page and no GET of the API queries the database once per goal, measure or partner: each is read in the demo workspace,
/// counting its database commands, then read again after the workspace has grown to three times its goals (each with its
/// measures, their data, contributions and theory of change) and more partners. A read whose count grows queries per item.
/// </summary>
public sealed partial class QueryCountTests
{
    /// <summary>
    /// Commands a single read may take at most, whatever the size of the system. The strategy document (its page, downloads and
    /// comparisons) is the largest read, gathering every part of the system: 38 to 41 commands when this was set, 46 to 47
    /// once the strategy gained ambitions, shared priorities and its own words (the comparison reads them for both sides), 51 to 52
    /// once the health check read the work programme (dependencies, iterations, risks) and the strategy showed it, 61 to 63
    /// once both read the asks of national bodies (two queries each). It does not grow with the system; the cached readings
    /// of the national-scale work are to bring it down.
    /// </summary>
    private const int Ceiling = 64;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoPageOrApiRead_QueriesMore_AsTheSystemGrows()
    {
        var queries = new QueryCounter();
        await using var app = new TestApp(DatabaseKind.Sqlite) { Queries = queries };
        var (systemId, api) = await ApiReads.DemoAsync(app, Ct);
        var pages = new PageClient(app.CreateClient());
        await pages.SignInAsync(DemoWorkspace.ConvenorEmail, DemoWorkspace.Password);

        var pageUrls = await OnePerPageAsync(pages, $"/systems/{systemId}");
        var (reads, _) = await ApiReads.InAsync(api, systemId, Ct);
        var reading = pageUrls.Select(u => (Client: pages.Http, Url: u))
            .Concat(reads.Select(r => (Client: api, r.Url))).ToList();
        var before = await CountAsync();

        await GrowAsync(app, systemId);
        var after = await CountAsync();

        var problems = reading.Select(r => r.Url)
            .Where(u => after[u] > before[u] || after[u] > Ceiling)
            .Select(u => $"{u}: {before[u]} commands, then {after[u]} with three times the goals").ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(pageUrls.Count >= 40 && reads.Count >= 25, $"Only {pageUrls.Count} pages and {reads.Count} API reads were counted");

        async Task<Dictionary<string, int>> CountAsync()
        {
            var counts = new Dictionary<string, int>();
            foreach (var (client, url) in reading)
            {
                var tally = queries.Begin();
                try
                {
                    var response = await client.GetAsync(url, Ct);
                    await response.Content.ReadAsStringAsync(Ct);
                }
                finally
                {
                    queries.End();
                }
                counts[url] = tally.Commands;
            }
            return counts;
        }
    }

    /// <summary>Three times the demo's goals, each with what the demo gives a goal, and three more partners.</summary>
    private static async Task GrowAsync(TestApp app, Guid systemId)
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConcordatDb>();
            db.Tenant.Enter(systemId);
            await scope.ServiceProvider.GetRequiredService<DemoGoals>().CreateAsync(systemId, Ct);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConcordatDb>();
            db.Tenant.Enter(systemId);
            db.Organisations.AddRange(Enumerable.Range(1, 3).Select(n => new Organisation { SystemId = systemId, Name = $"Added partner {n}", Type = OrganisationType.Vcse }));
            await db.SaveChangesAsync(Ct);
        }
    }

    /// <summary>One address of each page reached by following links from the system's home page (the first found of each shape).</summary>
    private static async Task<List<string>> OnePerPageAsync(PageClient client, string home)
    {
        var queue = new Queue<string>([home]);
        var shapes = new HashSet<string> { Shape(home) };
        var urls = new List<string>();
        while (queue.TryDequeue(out var url))
        {
            var response = await client.GetAsync(url);
            urls.Add(url);
            if (response.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            foreach (var link in response.Document.QuerySelectorAll("a[href]"))
            {
                var target = new Uri(new Uri(new Uri("https://localhost"), url), link.GetAttribute("href")!);
                if (target.Host == "localhost" && target.AbsolutePath.StartsWith(home, StringComparison.Ordinal) && shapes.Add(Shape(target.AbsolutePath)))
                {
                    queue.Enqueue(target.PathAndQuery);
                }
            }
        }
        return urls;
    }

    private static string Shape(string path) => Number().Replace(Id().Replace(path.Split('?')[0], "{id}"), "{n}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}")]
    private static partial Regex Id();

    [GeneratedRegex("(?<=/)[0-9]+(?=/|$)")]
    private static partial Regex Number();
}

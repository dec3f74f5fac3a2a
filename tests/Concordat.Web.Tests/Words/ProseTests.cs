using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Concordat.Core.Demo;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Words;

/// <summary>
/// Reads every page and document of the demo workspace (the strategy's Markdown and the public view included), as its
/// convenor sees them, and fails on words a board could not print (see <see cref="ProseCheck"/>). Pages are found by
/// following links, from the system's home page, the public view, the API reference and the account page; the pages the app declares
/// (its endpoint data source) must each be reached, or be listed in <see cref="NotReached"/> with the reason. The few
/// pages only an organisation's own leads see are read as one of them.
/// </summary>
public abstract class ProseTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    // Of each page, this many addresses at most (say, ten of the demo's resources), so the reading stays short.
    private const int AddressesPerPage = 10;

    /// <summary>Pages a convenor does not reach by following links in the demo workspace, and why.</summary>
    private static readonly Dictionary<string, string> NotReached = new()
    {
        ["/sign-out"] = "answers only a POST",
        ["/status/{code:int}"] = "shown in place of a failed request",
        ["/invitation/{secret}"] = "needs an invitation's secret, which is never shown again",
        ["/systems/{systemId:guid}/people/invited"] = "shown once, after adding a person",
    };

    [Fact]
    public async Task EveryPageAndDocument_OfTheDemoWorkspace_ReadsAsProse()
    {
        var systemId = await App.WithScopeAsync(s => s.GetRequiredService<DemoWorkspace>().CreateAsync(Ct));
        var publicView = $"/public/strategy/{systemId}";
        var pages = PagePatterns();
        var reached = new Dictionary<string, int>();
        var problems = new List<string>();

        // Signed out: the sign-in page, the API reference and the public view. Then the convenor, who sees nearly everything; then an
        // organisation lead (of the community trust, asked for a position on the hypertension goal and contributing to
        // frailty), for the few pages only an organisation's own leads see, reading fewer addresses of each page.
        await CrawlAsync(new PageClient(App.CreateClient()), ["/", "/sign-in", "/api/reference", publicView, $"{publicView}/markdown"], AddressesPerPage);
        await CrawlAsync(await SignedInAsync(DemoWorkspace.ConvenorEmail),
            [$"/systems/{systemId}", $"/systems/{systemId}/strategy/markdown", "/systems", "/account"], AddressesPerPage);
        await CrawlAsync(await SignedInAsync("community.lead@demo.concordat.example"), [$"/systems/{systemId}"], 4);
        // The administrator, for the account pages only administrators see.
        await CrawlAsync(await SignedInAsync("admin@demo.concordat.example"), [$"/systems/{systemId}/people"], 2);

        var unreached = pages.Select(p => p.Route).Where(r => !reached.ContainsKey(r) && !NotReached.ContainsKey(r)).ToList();
        Assert.True(unreached.Count == 0, "Pages not reached (link to them from the demo, or say why in NotReached):\n" + string.Join('\n', unreached));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Distinct()));

        async Task<PageClient> SignedInAsync(string email)
        {
            var client = new PageClient(App.CreateClient());
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoWorkspace.Password)).Status);
            return client;
        }

        async Task CrawlAsync(PageClient client, string[] starts, int addressesPerPage)
        {
            var queue = new Queue<string>(starts);
            var seen = new HashSet<string>(queue);
            var readNow = new Dictionary<string, int>();
            while (queue.TryDequeue(out var url))
            {
                if (pages.FirstOrDefault(p => p.Matches(url)) is not { } page || readNow.GetValueOrDefault(page.Route) >= addressesPerPage)
                {
                    continue;
                }
                readNow[page.Route] = readNow.GetValueOrDefault(page.Route) + 1;
                var response = await client.Http.GetAsync(url, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode is HttpStatusCode.Redirect && response.Headers.Location is { } location)
                {
                    reached[page.Route] = reached.GetValueOrDefault(page.Route) + 1;
                    Enqueue(location.OriginalString, url);
                    continue;
                }
                // A link to a page this person may not use (the health check links every finding to where it is fixed,
                // whoever reads it) has no words to check.
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Add($"{url}: {(int)response.StatusCode}");
                    continue;
                }
                reached[page.Route] = reached.GetValueOrDefault(page.Route) + 1;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (mediaType == "text/html")
                {
                    var document = await PageClient.ParseAsync(body);
                    problems.AddRange(ProseCheck.Problems(ProseCheck.VisibleText(document)).Select(p => $"{url}: {p}"));
                    foreach (var link in document.QuerySelectorAll("a[href]"))
                    {
                        Enqueue(link.GetAttribute("href")!, url);
                    }
                }
                else if (mediaType == "text/markdown")
                {
                    problems.AddRange(ProseCheck.Problems(ProseCheck.MarkdownText(body)).Select(p => $"{url}: {p}"));
                }
            }

            void Enqueue(string href, string from)
            {
                var target = new Uri(new Uri(new Uri("https://localhost"), from), href);
                var path = target.PathAndQuery;
                var ours = path.StartsWith($"/systems/{systemId}", StringComparison.Ordinal) || path.StartsWith(publicView, StringComparison.Ordinal)
                    || path.StartsWith("/api/reference", StringComparison.Ordinal) || path is "/" or "/sign-in" or "/systems" or "/account" or "/account/password"
                    || (path.StartsWith("/people/", StringComparison.Ordinal) && path.EndsWith("/account", StringComparison.Ordinal));
                if (target.Host == "localhost" && ours && seen.Add(path))
                {
                    queue.Enqueue(path);
                }
            }
        }
    }

    private sealed record PagePattern(string Route, Regex Path)
    {
        public bool Matches(string url) => Path.IsMatch(url.Split('?')[0]);
    }

    /// <summary>Every page the app declares, most specific first, each with a regular expression for its addresses.</summary>
    private List<PagePattern> PagePatterns()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        return endpoints
            .OrderBy(e => e.Order)
            .ThenByDescending(e => e.RoutePattern.PathSegments.Sum(s => s.Parts.Count(p => p.IsLiteral)))
            .Select(e => new PagePattern("/" + e.RoutePattern.RawText!.TrimStart('/'), ToRegex(e.RoutePattern)))
            .DistinctBy(p => p.Route)
            .ToList();
    }

    private static Regex ToRegex(RoutePattern pattern)
    {
        var regex = "^";
        foreach (var segment in pattern.PathSegments)
        {
            var part = string.Concat(segment.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                RoutePatternParameterPart { ParameterPolicies: [{ Content: "guid" }, ..] } => "[0-9a-fA-F-]{36}",
                RoutePatternParameterPart { ParameterPolicies: [{ Content: "int" }, ..] } => "-?[0-9]+",
                RoutePatternParameterPart { Name: "handler" } => "[a-z][a-z-]*",
                _ => "[^/]+",
            }));
            var optional = segment.Parts is [RoutePatternParameterPart { IsOptional: true }];
            regex += optional ? $"(?:/{part})?" : $"/{part}";
        }
        return new Regex(regex == "^" ? "^/$" : regex + "/?$");
    }
}

public sealed class ProseSqliteTests(SqliteApp app) : ProseTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ProsePostgresTests(PostgresApp app) : ProseTests(app, DatabaseKind.Postgres);

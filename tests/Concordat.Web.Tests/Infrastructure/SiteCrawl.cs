using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Infrastructure;

/// <summary>A page's answer as the crawl needs it, however it was fetched (TestServer or a browser's request context).</summary>
public sealed record CrawledResponse(HttpStatusCode Status, string? Location, string? MediaType, string Body);

/// <summary>
/// Every page of one system's workspace, found by following links: from the addresses given, each link to one of the
/// system's pages (or the public view, the sign-in page, the system chooser or the account page) is followed, reading
/// at most so many addresses of each page (say, ten of the demo's resources). The pages the app declares (its endpoint
/// data source) must each be reached, or be listed in <see cref="NotReached"/> with the reason. The prose check reads
/// the words of every page this way; the browser reads the same pages at a phone's width.
/// </summary>
public sealed class SiteCrawl(IServiceProvider services, Guid systemId)
{
    /// <summary>Pages a convenor does not reach by following links in the demo workspace, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotReached = new Dictionary<string, string>
    {
        ["/sign-out"] = "answers only a POST",
        ["/status/{code:int}"] = "shown in place of a failed request",
        ["/invitation/{secret}"] = "needs an invitation's secret, which is never shown again",
        ["/sign-in/code"] = "shown only between a right password and the code of someone with two-step verification on (TwoStepTests)",
        ["/sign-in/single-sign-on"] = "answers only with single sign-on configured, after the provider's answer (SingleSignOnTests)",
        ["/systems/{systemId:guid}/people/invited"] = "shown once, after adding a person",
        ["/systems/{systemId:guid}/created"] = "shown once, after creating a system",
        ["/systems/{systemId:guid}/asks/{id:guid}/impact"] = "offered only once an agreed ask is implemented, which no demo ask is yet (AskPagesTests walks it)",
    };

    private readonly List<PagePattern> _pages = PagePatterns(services);
    private readonly Dictionary<string, int> _reached = [];

    public string PublicView { get; } = $"/public/strategy/{systemId}";

    /// <summary>Answers other than 200, a redirect or 403 (a link to a page this person may not use has nothing to read).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The declared pages neither reached nor listed in <see cref="NotReached"/>.</summary>
    public IReadOnlyList<string> Unreached() =>
        _pages.Select(p => p.Route).Where(r => !_reached.ContainsKey(r) && !NotReached.ContainsKey(r)).ToList();

    /// <summary>
    /// Follows links from <paramref name="starts"/>, fetching each address with <paramref name="fetch"/> (which must not
    /// follow redirects), and hands every page that answers 200 to <paramref name="read"/> with its route and, for HTML,
    /// the parsed document.
    /// </summary>
    public async Task CrawlAsync(Func<string, Task<CrawledResponse>> fetch, IEnumerable<string> starts, int addressesPerPage,
        Func<string, string, CrawledResponse, IDocument?, Task> read)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(queue);
        var readNow = new Dictionary<string, int>();
        while (queue.TryDequeue(out var url))
        {
            if (_pages.FirstOrDefault(p => p.Matches(url)) is not { } page || readNow.GetValueOrDefault(page.Route) >= addressesPerPage)
            {
                continue;
            }
            readNow[page.Route] = readNow.GetValueOrDefault(page.Route) + 1;
            var response = await fetch(url);
            if (response.Status is HttpStatusCode.Redirect && response.Location is { } location)
            {
                _reached[page.Route] = _reached.GetValueOrDefault(page.Route) + 1;
                Enqueue(location, url);
                continue;
            }
            // A link to a page this person may not use (the health check links every finding to where it is fixed,
            // whoever reads it) has nothing to read.
            if (response.Status == HttpStatusCode.Forbidden)
            {
                continue;
            }
            if (response.Status != HttpStatusCode.OK)
            {
                Problems.Add($"{url}: {(int)response.Status}");
                continue;
            }
            _reached[page.Route] = _reached.GetValueOrDefault(page.Route) + 1;
            IDocument? document = null;
            if (response.MediaType == "text/html")
            {
                document = await PageClient.ParseAsync(response.Body);
                foreach (var link in document.QuerySelectorAll("a[href]"))
                {
                    Enqueue(link.GetAttribute("href")!, url);
                }
            }
            await read(url, page.Route, response, document);
        }

        void Enqueue(string href, string from)
        {
            var target = new Uri(new Uri(new Uri("https://localhost"), from), href);
            var path = target.PathAndQuery;
            var ours = path.StartsWith($"/systems/{systemId}", StringComparison.Ordinal) || path.StartsWith(PublicView, StringComparison.Ordinal)
                || path.StartsWith("/api/reference", StringComparison.Ordinal) || path is "/" or "/sign-in" or "/systems" or "/systems/new" or "/account" or "/account/password"
                    or "/account/two-step"
                || (path.StartsWith("/people/", StringComparison.Ordinal) && path.EndsWith("/account", StringComparison.Ordinal))
                || path is "/national" || path.StartsWith("/national/", StringComparison.Ordinal) || path.StartsWith("/national-bodies", StringComparison.Ordinal);
            if (target.Host == "localhost" && ours && seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }
    }

    private sealed record PagePattern(string Route, Regex Path)
    {
        public bool Matches(string url) => Path.IsMatch(url.Split('?')[0]);
    }

    /// <summary>Every page the app declares, most specific first, each with a regular expression for its addresses.</summary>
    private static List<PagePattern> PagePatterns(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
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

using System.Net;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Api;

/// <summary>
/// Every GET of the API that answers a list is paged: read from the OpenAPI document, so a new list that is not paged fails here.
/// Read in the demo workspace, where most lists have more than one item.
/// </summary>
public sealed class PagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryList_AnswersOnePageOfTheSize_AskedFor_WithTheTotalAndLinksToTheNext()
    {
        await using var app = new TestApp(DatabaseKind.Sqlite);
        var (systemId, api) = await ApiReads.DemoAsync(app, Ct);
        var (reads, _) = await ApiReads.InAsync(api, systemId, Ct);
        var lists = reads.Where(r => r.IsList).ToList();
        var problems = new List<string>();
        var withMore = 0;
        // The lists only administrators read (a national body's partners) are read as the demo's administrator, and a national
        // partner's inbox and themes as the region's partner.
        var administrator = await ApiReads.DemoClientAsync(app, "admin@demo.concordat.example", Ct);
        var national = await ApiReads.DemoClientAsync(app, "national@demo.concordat.example", Ct);
        foreach (var list in lists)
        {
            var reader = list.Template.StartsWith("/api/v1/national-bodies/", StringComparison.Ordinal) ? administrator
                : list.Template.StartsWith("/api/v1/national/", StringComparison.Ordinal) ? national
                : api;
            var first = await reader.GetAsync($"{list.Url}?pageSize=1", Ct);
            if (first.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{list.Template}: {(int)first.StatusCode}");
                continue;
            }
            var items = (JsonArray)(await first.JsonAsync());
            if (!first.Headers.TryGetValues("X-Total-Count", out var totals) || !int.TryParse(totals.Single(), out var total))
            {
                problems.Add($"{list.Template}: no X-Total-Count, so not paged ({items.Count} items)");
                continue;
            }
            if (items.Count != Math.Min(1, total))
            {
                problems.Add($"{list.Template}: {items.Count} items on a page of 1 (of {total})");
            }
            var next = Links(first).GetValueOrDefault("next");
            if (total > 1 != next is not null)
            {
                problems.Add($"{list.Template}: {total} in all, but {(next is null ? "no" : "a")} link to a next page");
            }
            if (next is null)
            {
                continue;
            }
            withMore++;
            var second = (JsonArray)(await (await reader.GetAsync(next, Ct)).JsonAsync());
            if (second.Count != 1 || second[0]!.ToJsonString() == items[0]!.ToJsonString())
            {
                problems.Add($"{list.Template}: the next page does not hold the next item");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(lists.Count >= 15, $"Only {lists.Count} lists found in the OpenAPI document");
        Assert.True(withMore >= 8, $"Only {withMore} lists had more than one item to page through");
    }

    [Fact]
    public async Task APageOutOfRange_IsRefused_NamingTheParameter_AndThePagesLinkToEachOther()
    {
        await using var app = new TestApp(DatabaseKind.Sqlite);
        var (systemId, api) = await ApiReads.DemoAsync(app, Ct);
        var goals = $"/api/v1/systems/{systemId}/goals";

        foreach (var (query, field) in new[] { ("pageSize=0", "pageSize"), ("pageSize=201", "pageSize"), ("page=0", "page") })
        {
            var refused = await api.GetAsync($"{goals}?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await refused.JsonAsync())["errors"]![field]);
        }

        var all = (JsonArray)(await (await api.GetAsync($"{goals}?pageSize=200", Ct)).JsonAsync());
        var agreed = all.Count(g => g!["status"]!.ToString() == "Agreed");
        Assert.True(agreed >= 2);
        var first = await api.GetAsync($"{goals}?status=Agreed&pageSize=1", Ct);
        Assert.Equal(agreed.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Headers.GetValues("X-Total-Count").Single());
        var links = Links(first);
        Assert.Equal(["first", "next", "last"], links.Keys);
        Assert.Contains("status=Agreed&page=2&pageSize=1", links["next"]);
        var last = Links(await api.GetAsync(links["last"], Ct));
        Assert.Equal(["first", "prev", "last"], last.Keys);
        Assert.Contains($"status=Agreed&page={agreed - 1}&pageSize=1", last["prev"]);
        var beyond = await api.GetAsync($"{goals}?page=99", Ct);
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Empty((JsonArray)(await beyond.JsonAsync()));
    }

    private static Dictionary<string, string> Links(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => v.Split(", ")).Select(l => l.Split("; rel=")).ToDictionary(l => l[1].Trim('"'), l => l[0].Trim('<', '>'))
            : [];
}

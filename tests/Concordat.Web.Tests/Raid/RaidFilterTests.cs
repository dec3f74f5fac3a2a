using System.Globalization;
using System.Net;
using System.Text;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Raid;

/// <summary>
/// The RAID log narrowed by owner, band, status, overdue reviews and checks, and linked goal or workstream: through the
/// API's query, the page's GET form (no script), and each kind's CSV, which carries the page's filters.
/// </summary>
public abstract class RaidFilterTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Log(TestSystem System, Guid GoalId, Guid WorkstreamId)
    {
        public string Api => $"/api/v1/systems/{System.Id}/raid";
        public string Page => $"/systems/{System.Id}/raid";
    }

    /// <summary>
    /// Three risks: the trust's winter surge (extreme before mitigation, moderate after), the trust's staff sickness (extreme
    /// after too, its review overdue) and the council's minor delay (low, linked to the goal and workstream); the trust's
    /// assumption whose check is overdue; and the trust's closed issue.
    /// </summary>
    private async Task<Log> LogAsync()
    {
        var system = await App.CreateSystemAsync();
        var workstreamId = await RaidApiTests.AddWorkstreamAsync(App, system);
        Guid goalId;
        await using (var scope = App.Database(system.Id))
        {
            goalId = await scope.Db.Goals.Select(g => g.Id).SingleAsync(Ct);
        }
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        await RaidApiTests.AddAsync(trust, system, RaidApiTests.Risk(system, 5, 4, 2, 2, text: "Winter surge"));
        await RaidApiTests.AddAsync(trust, system, RaidApiTests.Risk(system, 5, 4, 4, 4, text: "Staff sickness", reviewIn: -3));
        await RaidApiTests.AddAsync(council, system, new
        {
            kind = "Risk", text = "Minor delay", ownerOrganisationId = system.CouncilId, cause = "A late referral", effect = "One discharge waits a day",
            likelihood = 1, impact = 1, response = "Accept", residualLikelihood = 1, residualImpact = 1, reviewOn = Day(30),
            goalIds = new[] { goalId }, workstreamIds = new[] { workstreamId },
        });
        await RaidApiTests.AddAsync(trust, system, new { kind = "Assumption", text = "The council keeps its reablement budget", ownerOrganisationId = system.TrustId,
            checkHow = "Ask the council's finance director", checkOn = Day(-1) });
        await RaidApiTests.AddAsync(trust, system, new { kind = "Issue", text = "The discharge lounge has no staff on Saturdays", ownerOrganisationId = system.TrustId,
            issueImpact = "Weekend discharges wait until Monday", status = "Closed" });
        return new Log(system, goalId, workstreamId);
    }

    [Fact]
    public async Task TheApi_NarrowsTheLogByEachFilter_AndRefusesABandItDoesNotKnow_NamingIt()
    {
        var log = await LogAsync();
        var viewer = await ApiClient.ForAsync(App, log.System.Viewer);
        async Task<string[]> TextsAsync(string query)
        {
            var response = await viewer.GetAsync($"{log.Api}?{query}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            return [.. (await response.JsonAsync()).AsArray().Select(e => e!["text"]!.GetValue<string>())];
        }

        var all = await TextsAsync("");
        var council = await TextsAsync($"ownerOrganisationId={log.System.CouncilId}");
        var extreme = await TextsAsync("band=Extreme");
        var moderate = await TextsAsync("band=Moderate");
        var high = await TextsAsync("band=High");
        var closed = await TextsAsync("status=Closed");
        var overdue = await TextsAsync("overdue=true");
        var byGoal = await TextsAsync($"goalId={log.GoalId}");
        var byWorkstream = await TextsAsync($"workstreamId={log.WorkstreamId}");
        var combined = await TextsAsync($"kind=Risk&ownerOrganisationId={log.System.TrustId}&status=Open&overdue=false");
        var unknownBand = await viewer.GetAsync($"{log.Api}?band=Huge", Ct);
        var numberedBand = await viewer.GetAsync($"{log.Api}?band=9", Ct);

        Assert.Equal(5, all.Length);
        Assert.Equal(["Minor delay"], council);
        // The current band is after mitigation: the winter surge was extreme before it, and is moderate now.
        Assert.Equal(["Staff sickness"], extreme);
        Assert.Equal(["Winter surge"], moderate);
        Assert.Empty(high);
        Assert.Equal(["The discharge lounge has no staff on Saturdays"], closed);
        Assert.Equal(["Staff sickness", "The council keeps its reablement budget"], overdue);
        Assert.Equal(["Minor delay"], byGoal);
        Assert.Equal(["Minor delay"], byWorkstream);
        Assert.Equal(["Staff sickness", "Winter surge"], combined);
        Assert.Equal(HttpStatusCode.BadRequest, unknownBand.StatusCode);
        Assert.NotNull((await unknownBand.JsonAsync())["errors"]!["band"]);
        Assert.Equal(HttpStatusCode.BadRequest, numberedBand.StatusCode);
        Assert.NotNull((await numberedBand.JsonAsync())["errors"]!["band"]);
    }

    [Fact]
    public async Task TheApisCsv_HonoursTheFilters()
    {
        var log = await LogAsync();
        var viewer = await ApiClient.ForAsync(App, log.System.Viewer);
        string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var extreme = Lines(await viewer.GetByteArrayAsync($"{log.Api}/risks.csv?band=Extreme", Ct));
        var overdue = Lines(await viewer.GetByteArrayAsync($"{log.Api}/assumptions.csv?overdue=true&ownerOrganisationId={log.System.CouncilId}", Ct));
        var unknownBand = await viewer.GetAsync($"{log.Api}/risks.csv?band=Huge", Ct);

        Assert.Equal(2, extreme.Length);
        Assert.Contains(",Staff sickness,", extreme[1], StringComparison.Ordinal);
        Assert.Single(overdue);
        Assert.Equal(HttpStatusCode.BadRequest, unknownBand.StatusCode);
        Assert.NotNull((await unknownBand.JsonAsync())["errors"]!["band"]);
    }

    [Fact]
    public async Task ThePage_FiltersWithAPlainForm_AndEachKindsCsvMatchesWhatItShows()
    {
        var log = await LogAsync();
        var viewer = await PageClient.SignedInAsync(App, log.System.Viewer);
        var page = await viewer.GetAsync(log.Page);
        static string[] Risks(PageResponse shown) => [.. shown.Document.QuerySelectorAll("#risk-register tbody tr td:first-child a").Select(a => a.TextContent.Trim())];
        async Task<string[]> CsvAsync(PageResponse shown, string section)
        {
            var response = await viewer.Http.GetAsync(shown.Document.QuerySelector($"#{section} a[download]")!.GetAttribute("href")!, Ct);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        }

        var extreme = await page.SubmitGetAsync("#filters", new() { ["Band"] = "Extreme" });
        var council = await page.SubmitGetAsync("#filters", new() { ["OwnerOrganisationId"] = log.System.CouncilId.ToString() });
        var overdue = await page.SubmitGetAsync("#filters", new() { ["Overdue"] = "true" });
        var byGoal = await page.SubmitGetAsync("#filters", new() { ["GoalId"] = log.GoalId.ToString() });
        var byWorkstream = await page.SubmitGetAsync("#filters", new() { ["WorkstreamId"] = log.WorkstreamId.ToString() });
        var closed = await page.SubmitGetAsync("#filters", new() { ["Status"] = "Closed" });
        var unreadable = await viewer.GetAsync($"{log.Page}?Band=Huge");

        Assert.Equal(["Staff sickness", "Winter surge", "Minor delay"], Risks(page));
        Assert.Equal(HttpStatusCode.OK, extreme.Status);
        Assert.Equal(["Staff sickness"], Risks(extreme));
        Assert.Equal("Extreme", extreme.Document.QuerySelector("select[name=Band] option[selected]")!.GetAttribute("value"));
        var extremeCsv = await CsvAsync(extreme, "risks");
        Assert.Single(extremeCsv);
        Assert.Contains(",Staff sickness,", extremeCsv[0], StringComparison.Ordinal);
        // The heat maps count only the risks the filters keep.
        Assert.Equal("1", extreme.Document.QuerySelector("#heat-map-inherent svg g.concordat-heat-map__cell[data-likelihood='5'][data-impact='4']")!.GetAttribute("data-count"));
        Assert.Equal(["Minor delay"], Risks(council));
        Assert.Equal("No assumptions match these filters.", council.Text("#assumptions p"));
        Assert.Empty(await CsvAsync(council, "assumptions"));
        Assert.Equal(["Staff sickness"], Risks(overdue));
        Assert.Contains("The council keeps its reablement budget", overdue.Text("#assumptions table"));
        Assert.NotNull(overdue.Document.QuerySelector("#Overdue[checked]"));
        var overdueCsv = await CsvAsync(overdue, "assumptions");
        Assert.Single(overdueCsv);
        Assert.Contains(",The council keeps its reablement budget,", overdueCsv[0], StringComparison.Ordinal);
        Assert.Equal(["Minor delay"], Risks(byGoal));
        Assert.Equal(["Minor delay"], Risks(byWorkstream));
        Assert.Equal((await CsvAsync(byWorkstream, "risks")).Length, Risks(byWorkstream).Length);
        Assert.Empty(Risks(closed));
        Assert.Contains("The discharge lounge has no staff on Saturdays", closed.Text("#issues table"));
        Assert.NotNull(closed.Document.QuerySelector($"a[href='{log.Page}']"));
        // A filter the page cannot read is ignored: the whole log shows.
        Assert.Equal(HttpStatusCode.OK, unreadable.Status);
        Assert.Equal(3, Risks(unreadable).Length);
    }
}

public sealed class RaidFilterSqliteTests(SqliteApp app) : RaidFilterTests(app, DatabaseKind.Sqlite)
{
    /// <summary>
    /// The filtered log reads its entries in one query: the page, the API and the CSV send as many database commands with
    /// one linked risk matching as with four (counted on a server of its own, as <see cref="Platform.QueryCountTests"/> does).
    /// </summary>
    [Fact]
    public async Task FilteredReads_DoNotQueryPerEntry()
    {
        var queries = new QueryCounter();
        await using var counted = new TestApp(DatabaseKind.Sqlite) { Queries = queries };
        var system = await counted.CreateSystemAsync();
        var workstreamId = await RaidApiTests.AddWorkstreamAsync(counted, system);
        var trust = await ApiClient.ForAsync(counted, system.TrustLead);
        var pages = await PageClient.SignedInAsync(counted, system.Viewer);
        var viewer = await ApiClient.ForAsync(counted, system.Viewer);
        var filters = $"band=Extreme&status=Open&overdue=true&ownerOrganisationId={system.TrustId}&workstreamId={workstreamId}";
        string[] reads = [$"/api/v1/systems/{system.Id}/raid?{filters}", $"/api/v1/systems/{system.Id}/raid/risks.csv?{filters}",
            $"/systems/{system.Id}/raid?{filters}"];
        Task AddRiskAsync(string text) => RaidApiTests.AddAsync(trust, system, new
        {
            kind = "Risk", text, ownerOrganisationId = system.TrustId, cause = "Vacancies", effect = "Longer stays", likelihood = 5, impact = 4, response = "Reduce",
            residualLikelihood = 4, residualImpact = 4, reviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), workstreamIds = new[] { workstreamId },
        });
        async Task<int[]> CountAsync()
        {
            var counts = new List<int>();
            foreach (var url in reads)
            {
                var tally = queries.Begin();
                try
                {
                    var response = await (url.StartsWith("/api/", StringComparison.Ordinal) ? viewer : pages.Http).GetAsync(url, Ct);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    await response.Content.ReadAsStringAsync(Ct);
                }
                finally
                {
                    queries.End();
                }
                counts.Add(tally.Commands);
            }
            return [.. counts];
        }

        await AddRiskAsync("Winter surge");
        var one = await CountAsync();
        await AddRiskAsync("Staff sickness");
        await AddRiskAsync("Agency costs");
        await AddRiskAsync("Lost referrals");
        var four = await CountAsync();

        Assert.All(one, commands => Assert.True(commands > 0));
        Assert.Equal(one, four);
        Assert.Equal(4, (await (await viewer.GetAsync(reads[0], Ct)).JsonAsync()).AsArray().Count);
    }
}

[Collection(PostgresApp.Collection)]
public sealed class RaidFilterPostgresTests(PostgresApp app) : RaidFilterTests(app, DatabaseKind.Postgres);

using System.Net;
using System.Text;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Raid;

/// <summary>The RAID log's pages: the register and its heat maps, the add and change forms, who sees the change link, and CSV.</summary>
public abstract class RaidPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The count each cell of a heat map shows, keyed "likelihood×impact", read from the SVG.</summary>
    private static Dictionary<string, int> Counts(PageResponse page, string id) =>
        page.Document.QuerySelectorAll($"#{id} svg g.concordat-heat-map__cell")
            .ToDictionary(g => $"{g.GetAttribute("data-likelihood")}×{g.GetAttribute("data-impact")}", g => int.Parse(g.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task TheLog_CountsOpenRisksInEachCell_BeforeAndAfterMitigation_AndFlagsOverdueReviews()
    {
        var system = await App.CreateSystemAsync();
        var trust = await Api.ApiClient.ForAsync(App, system.TrustLead);
        await RaidApiTests.AddAsync(trust, system, RaidApiTests.Risk(system, 5, 4, 2, 2, text: "Winter surge"));
        await RaidApiTests.AddAsync(trust, system, RaidApiTests.Risk(system, 5, 4, 2, 3, text: "Staff sickness", reviewIn: -3));
        await RaidApiTests.AddAsync(trust, system, RaidApiTests.Risk(system, 1, 1, text: "Minor delay"));
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await viewer.GetAsync($"/systems/{system.Id}/raid");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var before = Counts(page, "heat-map-inherent");
        var after = Counts(page, "heat-map-residual");
        Assert.Equal(25, before.Count);
        Assert.Equal(2, before["5×4"]);
        Assert.Equal(1, before["1×1"]);
        Assert.Equal(3, before.Values.Sum());
        Assert.Equal(1, after["2×2"]);
        Assert.Equal(1, after["2×3"]);
        Assert.Equal(0, after["5×4"]);
        var svg = page.Document.QuerySelector("#heat-map-inherent svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Open risks before mitigation", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("Likelihood 5, impact 4: 2 risks, extreme.", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Extreme", page.Document.QuerySelector("#heat-map-inherent g[data-likelihood='5'][data-impact='4']")!.GetAttribute("data-band"));
        Assert.Equal("2", page.Document.QuerySelector("#heat-map-inherent td[data-likelihood='5'][data-impact='4']")!.FirstChild!.TextContent);
        // Register order: after mitigation 6 (staff sickness), then 4 (winter surge, inherent 20), then 1.
        var rows = page.Document.QuerySelectorAll("#risk-register tbody tr").Select(r => r.QuerySelector("td a")!.TextContent).ToList();
        Assert.Equal(["Staff sickness", "Winter surge", "Minor delay"], rows);
        Assert.Contains("Review overdue", page.Document.QuerySelectorAll("#risk-register tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Review overdue", page.Document.QuerySelectorAll("#risk-register tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"a[href='/systems/{system.Id}/raid/new/risk']"));
    }

    [Fact]
    public async Task TheAddForm_NamesEachMissingField_ThenAddsTheRisk_WhichOnlyItsOwnersPeopleMayChange()
    {
        var system = await App.CreateSystemAsync();
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var log = await trust.GetAsync($"/systems/{system.Id}/raid");
        var form = await trust.GetAsync(log.Document.QuerySelector("a[href$='/raid/new/risk']")!.GetAttribute("href")!);

        var empty = await form.SubmitAsync("main form", new() { ["Input.Cause"] = "" });
        var added = await form.SubmitAsync("main form", new()
        {
            ["Input.Cause"] = "Vacancies in reablement", ["Input.Text"] = "Too few staff to take discharges", ["Input.Effect"] = "Longer stays in hospital",
            ["Input.Likelihood"] = "4", ["Input.Impact"] = "4", ["Input.Response"] = "Reduce", ["Input.ResidualLikelihood"] = "2", ["Input.ResidualImpact"] = "4",
            ["Input.ReviewOn"] = Today.AddDays(30),
        });
        var entry = await added.FollowAsync();
        var byCouncil = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync(added.Location!);
        var councilEdit = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync(added.Location + "/edit");
        var edit = await trust.GetAsync(entry.Document.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!);
        var closed = await edit.SubmitAsync("main form", new() { ["Input.Status"] = "Closed" });
        var afterClosing = await closed.FollowAsync();

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Describe the cause: what gives rise to the risk", empty.ErrorSummary);
        Assert.Contains("Select the likelihood, from 1 to 5", empty.ErrorSummary);
        Assert.Contains("Enter the date of the next review", empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, added.Status);
        Assert.Contains("16 Extreme", entry.Text("main"), StringComparison.Ordinal);
        Assert.Contains("8 High", entry.Text("main"), StringComparison.Ordinal);
        Assert.Null(byCouncil.Document.QuerySelector("a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, councilEdit.Status);
        Assert.Equal(HttpStatusCode.Found, closed.Status);
        Assert.Contains("Closed", afterClosing.Text("main"), StringComparison.Ordinal);
        Assert.Contains("RAID log entry Too few staff to take discharges changed", afterClosing.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachKind_DownloadsFromTheLogAsCsv()
    {
        var system = await App.CreateSystemAsync();
        var trust = await Api.ApiClient.ForAsync(App, system.TrustLead);
        await RaidApiTests.AddAsync(trust, system, new { kind = "Issue", text = "The discharge lounge has no staff on Saturdays", ownerOrganisationId = system.TrustId,
            issueImpact = "Weekend discharges wait until Monday" });
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var log = await viewer.GetAsync($"/systems/{system.Id}/raid");

        var response = await viewer.Http.GetAsync(log.Document.QuerySelector("#issues a[download]")!.GetAttribute("href")!, Ct);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("id,status,owner,description,impact,resolution", lines[0]);
        Assert.EndsWith(",Open,Westford Hospitals NHS Trust,The discharge lounge has no staff on Saturdays,Weekend discharges wait until Monday,", lines[1], StringComparison.Ordinal);
    }
}

public sealed class RaidPagesSqliteTests(SqliteApp app) : RaidPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class RaidPagesPostgresTests(PostgresApp app) : RaidPagesTests(app, DatabaseKind.Postgres);

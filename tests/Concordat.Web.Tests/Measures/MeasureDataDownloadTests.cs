using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Measures;

/// <summary>A measure's data taken away from its page and from the API, as CSV and XLSX, by whoever may read the measure.</summary>
public abstract class MeasureDataDownloadTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>Fifteen months at about 80%, then a recalculation from April 2025 and a rise to about 90%.</summary>
    private async Task<string> MeasureWithDataAsync(TestSystem system)
    {
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Four-hour performance (type 1)", definition = "Seen within 4 hours / all attendances", unit = "%", frequency = "Monthly",
            improvement = "Increase", target = 95, ownerOrganisationId = system.TrustId, format = "Percentage",
            trajectory = new[] { new { periodStart = "2025-06-01", value = 91.5 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.AbsolutePath;
        var csv = new StringBuilder("period,value,count,denominator,note\n");
        for (var i = 0; i < 18; i++)
        {
            var value = (i < 15 ? 80 : 90) + (i % 3 * 0.5);
            csv.Append(CultureInfo.InvariantCulture, $"{new DateOnly(2024, 1, 1).AddMonths(i):yyyy-MM-dd},{value},{value * 10},1000,{(i == 0 ? "\"First month, \"\"provisional\"\"\"" : "")}\n");
        }
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync($"{url}/imports", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync($"{url}/rebases", new { periodStart = "2025-04-01", reason = "New streaming model" }, Ct)).StatusCode);
        return url.Replace("/api/v1", "", StringComparison.Ordinal);
    }

    /// <summary>The rows of a downloaded file as text, each as wide as the header, as CSV and XLSX should both read.</summary>
    private static List<string> Rows(byte[] file, string name) =>
        [.. TabularFile.Read(new MemoryStream(file), name).Select(r => string.Join('|', r.Cells.Concat(Enumerable.Repeat<string?>(null, MeasureDataTable.Header.Count)).Take(MeasureDataTable.Header.Count)))];

    [Fact]
    public async Task TheMeasurePage_LinksToItsDataAsCsvAndXlsx_ForAViewer()
    {
        var system = await App.CreateSystemAsync();
        var url = await MeasureWithDataAsync(system);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var page = await viewer.GetAsync(url);
        var links = page.Document.QuerySelectorAll("#downloads a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal([("Download the data (CSV)", $"{url}?handler=Csv"), ("Download the data (XLSX)", $"{url}?handler=Xlsx")], links);
        var csv = await viewer.Http.GetAsync(links[0].Item2, Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("four-hour-performance-type-1.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n");
        Assert.Equal(string.Join(',', MeasureDataTable.Header), lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("Four-hour performance (type 1),%,January 2024,2024-01-01,2024-01-31,80,800,1000,,,\"First month, \"\"provisional\"\"\",95,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Common cause,,,2024-01-01,no,", lines[1], StringComparison.Ordinal);
        // From April 2025 the limits start again, for only three points: provisional, and saying why.
        Assert.EndsWith(",2025-04-01,yes,New streaming model", lines[16], StringComparison.Ordinal);
        Assert.Contains(",2025-06-01,2025-06-30,91,910,1000,,,,95,91.5,", lines[18], StringComparison.Ordinal);
        Assert.Equal([""], lines[19..]);

        var xlsx = await viewer.Http.GetAsync(links[1].Item2, Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("four-hour-performance-type-1.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        var rows = Rows(await xlsx.Content.ReadAsByteArrayAsync(Ct), "data.xlsx");
        Assert.Equal(19, rows.Count);
        Assert.StartsWith("Four-hour performance (type 1)|%|January 2024|2024-01-01|2024-01-31|80|800|1000|||First month, \"provisional\"|95||", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDownloads_AreForPeopleOfTheSystemOnly()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var url = await MeasureWithDataAsync(system);
        var outsider = await PageClient.SignedInAsync(App, other.Convenor);
        var signedOut = App.CreateClient();

        var byOutsider = await outsider.Http.GetAsync($"{url}?handler=Csv", Ct);
        var crossed = await outsider.Http.GetAsync($"{url.Replace(system.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal)}?handler=Xlsx", Ct);
        var anonymous = await signedOut.GetAsync($"{url}?handler=Csv", Ct);

        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/sign-in", anonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheApi_GivesTheSameRows_AndNothingOfAnotherSystem()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var url = "/api/v1" + await MeasureWithDataAsync(system);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var outsider = await ApiClient.ForAsync(App, other.Convenor);

        var csv = await viewer.GetAsync($"{url}/data.csv", Ct);
        var xlsx = await viewer.GetAsync($"{url}/data.xlsx", Ct);
        var byOutsider = await outsider.GetAsync($"{url}/data.csv", Ct);
        var crossed = await outsider.GetAsync($"{url.Replace(system.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal)}/data.csv", Ct);

        Assert.Equal((HttpStatusCode.OK, "text/csv"), (csv.StatusCode, csv.Content.Headers.ContentType!.MediaType));
        Assert.Equal("four-hour-performance-type-1.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var fromCsv = Rows(await csv.Content.ReadAsByteArrayAsync(Ct), "data.csv");
        Assert.Equal(19, fromCsv.Count);
        Assert.Equal(fromCsv, Rows(await xlsx.Content.ReadAsByteArrayAsync(Ct), "data.xlsx"));
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
    }
}

public sealed class MeasureDataDownloadSqliteTests(SqliteApp app) : MeasureDataDownloadTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class MeasureDataDownloadPostgresTests(PostgresApp app) : MeasureDataDownloadTests(app, DatabaseKind.Postgres);

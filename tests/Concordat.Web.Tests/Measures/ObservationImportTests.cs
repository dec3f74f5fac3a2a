using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.History;
using Concordat.Core.Measures;
using Concordat.Spc;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Measures;

public abstract class ObservationImportTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static async Task<string> DefineAsync(HttpClient client, TestSystem system, string name = "Four-hour performance", object? extra = null)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["definition"] = "Type 1 attendances seen within four hours / all type 1 attendances", ["unit"] = "%", ["format"] = "Percentage",
            ["frequency"] = "Monthly", ["improvement"] = "Increase", ["target"] = 95, ["ownerOrganisationId"] = system.TrustId,
        };
        foreach (var (key, value) in extra is null ? [] : JsonSerializerNode(extra))
        {
            body[key] = value?.DeepClone();
        }
        var created = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();

    private static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string csv, string mediaType = "text/csv") =>
        client.PostAsync(url, new StringContent(csv, Encoding.UTF8, mediaType), Ct);

    private static string[] Problems(JsonNode problem) =>
        [.. problem["problems"]!.AsArray().OrderBy(p => p!["row"]!.GetValue<int>()).Select(p => $"{p!["row"]}|{p["column"]}|{p["reason"]}")];

    [Fact]
    public async Task UploadPage_SaysWhenTheChosenFileIsEmpty_AndListsEveryProblemInTheErrorSummary()
    {
        var system = await App.CreateSystemAsync();
        var url = await DefineAsync(await ApiClient.ForAsync(App, system.TrustLead), system);
        var form = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(url.Replace("/api/v1", "", StringComparison.Ordinal) + "/upload");
        const string upload = "form[enctype='multipart/form-data']";

        var none = await form.SubmitFileAsync(upload, "DataFile", null);
        var empty = await form.SubmitFileAsync(upload, "DataFile", ("empty.csv", []));
        var wrong = await form.SubmitFileAsync(upload, "DataFile", ("wrong.csv", Encoding.UTF8.GetBytes("period,value\n2024-04-01,n/a\n2024-05-15,80\n")));

        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Equal(["Select a CSV or XLSX file"], none.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["The selected file is empty"], empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(3, wrong.ErrorSummary.Count);
        Assert.Equal("The file has 2 problems. Nothing has been imported: correct the file and upload it again.", wrong.ErrorSummary[0]);
        Assert.StartsWith("Row 2, value: ", wrong.ErrorSummary[1], StringComparison.Ordinal);
        Assert.StartsWith("Row 3, period: ", wrong.ErrorSummary[2], StringComparison.Ordinal);
        Assert.All(wrong.Document.QuerySelectorAll(".nhsuk-error-summary__list a"), a => Assert.Equal("#DataFile", a.GetAttribute("href")));
        // The problems are in the summary at the top of the page, not in a table under the button.
        Assert.Null(wrong.Document.QuerySelector("#problems"));
    }

    [Fact]
    public async Task Preview_OfTheSameValueWithoutItsNote_SaysTheNoteIsCleared_NotThatTheValueChanges()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        await PostFileAsync(lead, $"{url}/imports", "period,value,note\n2024-04-01,81.5,Provisional\n2024-05-01,82,\n");

        var preview = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true", "period,value\n2024-04-01,81.5\n2024-05-01,83\n")).JsonAsync();
        var form = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(new Uri(url).AbsolutePath.Replace("/api/v1", "", StringComparison.Ordinal) + "/upload");
        var check = await (await form.SubmitFileAsync("form[enctype='multipart/form-data']", "DataFile",
            ("again.csv", Encoding.UTF8.GetBytes("period,value\n2024-04-01,81.5\n2024-05-01,83\n")))).FollowAsync();

        var rows = preview["rows"]!.AsArray();
        Assert.Equal(("Changed", "note cleared"), (rows[0]!["change"]!.GetValue<string>(), Assert.Single(rows[0]!["changes"]!.AsArray())!.GetValue<string>()));
        Assert.Null(rows[0]!["previousValue"]);
        Assert.Equal(("Changed", "value changed"), (rows[1]!["change"]!.GetValue<string>(), Assert.Single(rows[1]!["changes"]!.AsArray())!.GetValue<string>()));
        Assert.Equal(82, rows[1]!["previousValue"]!.GetValue<double>());
        Assert.Equal(["Note cleared", "Value changed"], check.Document.QuerySelectorAll("#changes tbody tr td:last-child").Select(PageClient.Spoken));
    }

    [Fact]
    public async Task UploadPage_ChecksAndImportsAFile_WithTheAddressOfEachPageShown()
    {
        var system = await App.CreateSystemAsync();
        var url = await DefineAsync(await ApiClient.ForAsync(App, system.TrustLead), system);
        var page = new Uri(url).AbsolutePath.Replace("/api/v1", "", StringComparison.Ordinal);
        var form = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(page + "/upload");

        var checkedFile = await form.SubmitFileAsync("form[enctype='multipart/form-data']", "DataFile",
            ("two-months.csv", Encoding.UTF8.GetBytes("period,value\n2024-04-01,81.5\n2024-05-01,83\n")));
        var check = await checkedFile.FollowAsync();
        var imported = await check.SubmitAsync("#confirm-import", []);

        // Post/redirect/get: the check is a page of its own address, and so is the measure after the import.
        Assert.Equal(HttpStatusCode.Redirect, checkedFile.Status);
        Assert.StartsWith(page + "/upload?upload=", checkedFile.Location, StringComparison.Ordinal);
        Assert.Equal("Check the import", check.Text("h1"));
        Assert.Equal("2", check.Text("#added"));
        Assert.Contains("two-months.csv (period and value layout)", check.Text("main"));
        Assert.Equal(HttpStatusCode.Redirect, imported.Status);
        Assert.Equal(page, imported.Location);
    }

    [Fact]
    public async Task RealAeData_PreviewWritesNothing_ImportStoresEveryRow_AndTheChartReadsAsSpcSays()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var series = TestFiles.FourHourPerformance("RRK");
        var csv = TestFiles.SimpleCsv(series);

        var preview = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true", csv)).JsonAsync();
        var afterPreview = await (await lead.GetAsync(url, Ct)).JsonAsync();
        var imported = await PostFileAsync(lead, $"{url}/imports", csv);
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(36, series.Count);
        Assert.Equal((false, 36, 0), (preview["applied"]!.GetValue<bool>(), preview["added"]!.GetValue<int>(), preview["changed"]!.GetValue<int>()));
        Assert.Empty(afterPreview["observations"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var stored = measure["observations"]!.AsArray();
        Assert.Equal(series.Select(s => s.Percent), stored.Select(o => o!["value"]!.GetValue<double>()));
        Assert.Equal(series[0].Attendances, stored[0]!["denominator"]!.GetValue<double>());
        var expected = XmrAnalysis.Analyse(series.Select(s => (double?)s.Percent).ToArray(), new SpcOptions { Improvement = ImprovementDirection.Increase, Target = 95 });
        Assert.Equal(expected.VariationIcon.ToName(), measure["variationIcon"]!.GetValue<string>());
        Assert.Equal(expected.AssuranceIcon!.Value.ToName(), measure["assuranceIcon"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reimport_WithOneCorrection_PreviewsAddedChangedUnchanged_AndTheAuditKeepsTheOldValue()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var series = TestFiles.FourHourPerformance("RRK");
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(lead, $"{url}/imports", TestFiles.SimpleCsv(series.Take(30)))).StatusCode);
        var corrected = series.Select((s, i) => i == 3 ? s with { Percent = 88.8 } : s).ToList();

        var preview = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true", TestFiles.SimpleCsv(corrected))).JsonAsync();
        await PostFileAsync(lead, $"{url}/imports", TestFiles.SimpleCsv(corrected));
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal((6, 1, 29), (preview["added"]!.GetValue<int>(), preview["changed"]!.GetValue<int>(), preview["unchanged"]!.GetValue<int>()));
        var change = Assert.Single(preview["rows"]!.AsArray(), r => r!["change"]!.GetValue<string>() == "Changed")!;
        Assert.Equal((88.8, series[3].Percent), (change["value"]!.GetValue<double>(), change["previousValue"]!.GetValue<double>()));
        Assert.Equal(88.8, measure["observations"]!.AsArray()[3]!["value"]!.GetValue<double>());
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.Where(e => e.Action == "ObservationsImported").OrderBy(e => e.OccurredAtUtc).ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.Equal(series[3].Percent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditLog.ReadFields(audit[1].BeforeJson)[series[3].Period.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))]);
    }

    [Fact]
    public async Task EveryKindOfBadRow_IsReportedWithRowAndColumn_AndNothingIsImported()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var csv = """
            period,value,count,denominator,note
            2024-01-01,91.5,915,1000,fine
            2024-02-01,,,,
            2024-13-01,90,,,
            2024-03-01,ninety,,,
            2024-04-01,120,,,
            2024-01-01,92,,,
            2024-05-15,90,,,
            2099-01-01,90,,,
            2024-06-01,90,1200,1000,
            """;

        var response = await PostFileAsync(lead, $"{url}/imports", csv);
        var problem = await response.JsonAsync();
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("import_rows_invalid", problem["errorCode"]!.GetValue<string>());
        Assert.Equal(
        [
            "3|value|is empty; every period needs a value",
            "4|period|\"2024-13-01\" is not a month; write it like April 2026, Apr 2026 or 2026-04",
            "5|value|\"ninety\" is not a number",
            "6|value|120 must be a percentage from 0 to 100 (Four-hour performance is a percentage)",
            "7|period|January 2024 appears twice (rows 2 and 7)",
            "8|period|15 May 2024 does not start a month: a month starts on its first day, like 1 April 2026",
            "9|period|January 2099 has not started yet",
            "10|count|Count cannot be more than the denominator",
        ], Problems(problem));
        Assert.Equal(8, problem["problemCount"]!.GetValue<int>());
        Assert.Empty(measure["observations"]!.AsArray());
    }

    [Fact]
    public async Task FingertipsExport_ChoosesIndicatorAndArea_TakesHeadlineRows_AndLeavesOutSuppressedValues()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system, "Smoking at time of delivery", new { improvement = "Decrease", target = 6, sourceKind = "Fingertips", source = "93085", frequency = "FinancialYear" });
        var csv = TestFiles.FingertipsHeader + "\n"
            + TestFiles.FingertipsRow("93085", "E38000014", "2019/20", "11.2", "10.5", "11.9", "412", "3680")
            + TestFiles.FingertipsRow("93085", "E38000014", "2020/21", "10.4", "9.7", "11.1", "380", "3650")
            + TestFiles.FingertipsRow("93085", "E38000014", "2020/21", "14.0", "12.0", "16.0", "90", "640", category: "Deprivation deciles")
            + TestFiles.FingertipsRow("93085", "E38000014", "2021/22", "", "", "", "", "", note: "Value suppressed for disclosure control")
            + TestFiles.FingertipsRow("93085", "E38000015", "2019/20", "9.1", "8.5", "9.7", "300", "3300")
            + TestFiles.FingertipsRow("90366", "E38000014", "2019/20", "78.1", "77.0", "79.2", "", "");

        var unchosen = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true", csv)).JsonAsync();
        var wrongArea = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true&area=E38000999", csv)).JsonAsync();
        var wrongIndicator = await (await PostFileAsync(lead, $"{url}/imports?dryRun=true&area=E38000014&indicator=11111", csv)).JsonAsync();
        var imported = await PostFileAsync(lead, $"{url}/imports?area=E38000014", csv);
        var result = await imported.JsonAsync();
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(["0|Area Code|the file has 2 areas; choose one of E38000014 (Area E38000014), E38000015 (Area E38000015)"], Problems(unchosen));
        Assert.Contains("0|Area Code|area E38000999 is not in this file", Problems(wrongArea)[0], StringComparison.Ordinal);
        Assert.Contains("0|Indicator ID|indicator 11111 is not in this file; it has 90366 (Indicator 90366), 93085 (Indicator 93085)", Problems(wrongIndicator), StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(("Fingertips", 2), (result["layout"]!.GetValue<string>(), result["added"]!.GetValue<int>()));
        Assert.Equal("Value suppressed for disclosure control", Assert.Single(result["leftOut"]!.AsArray())!["reason"]!.GetValue<string>());
        var first = measure["observations"]!.AsArray()[0]!;
        Assert.Equal(("2019-04-01", 11.2, 10.5, 11.9, 412.0, 3680.0), (first["periodStart"]!.GetValue<string>(), first["value"]!.GetValue<double>(),
            first["lowerCi"]!.GetValue<double>(), first["upperCi"]!.GetValue<double>(), first["count"]!.GetValue<double>(), first["denominator"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Xlsx_And_Json_GoThroughTheSameRules()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var series = TestFiles.FourHourPerformance("RF4").Take(12).ToList();
        var workbook = TestFiles.Xlsx(new object?[][] { ["Period", "Value", "Denominator"] }
            .Concat(series.Select(s => new object?[] { s.Period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Percent, s.Attendances })));
        var badWorkbook = TestFiles.Xlsx([["period", "value"], ["Apr 2024", "n/a"]]);
        var xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        var fromXlsx = await lead.PostAsync($"{url}/imports", new ByteArrayContent(workbook) { Headers = { ContentType = new MediaTypeHeaderValue(xlsx) } }, Ct);
        var badXlsx = await lead.PostAsync($"{url}/imports", new ByteArrayContent(badWorkbook) { Headers = { ContentType = new MediaTypeHeaderValue(xlsx) } }, Ct);
        var notXlsx = await lead.PostAsync($"{url}/imports", new ByteArrayContent("not a zip"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(xlsx) } }, Ct);
        var fromJson = await lead.PostAsJsonAsync($"{url}/imports", new { observations = new object[] { new { period = "2017-04-01", value = 90.5, note = "Provisional" }, new { period = "May 2017", value = 91.0 } } }, Ct);
        var badJson = await lead.PostAsJsonAsync($"{url}/imports", new { observations = new object[] { new { period = "2017-06-01", value = 101 } } }, Ct);
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, fromXlsx.StatusCode);
        Assert.Equal(["2|value|\"n/a\" is not a number"], Problems(await badXlsx.JsonAsync()));
        Assert.Equal("import_file_invalid", (await notXlsx.JsonAsync())["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, fromJson.StatusCode);
        Assert.Equal(["2|value|101 must be a percentage from 0 to 100 (Four-hour performance is a percentage)"], Problems(await badJson.JsonAsync()));
        var stored = measure["observations"]!.AsArray();
        Assert.Equal(14, stored.Count);
        Assert.Equal(series[0].Attendances, stored[0]!["denominator"]!.GetValue<double>());
        Assert.Equal("Provisional", stored.Single(o => o!["periodStart"]!.GetValue<string>() == "2017-04-01")!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeveralMeasuresInOneFile_NeedPermissionForEach_AndUnknownNamesAreRowErrors()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        await DefineAsync(lead, system, "Four-hour performance");
        await DefineAsync(lead, system, "Ambulance handovers", new { format = "Count", unit = "handovers", improvement = "Decrease", target = (double?)null });
        var csv = "measure,period,value\nFour-hour performance,2024-01-01,80\nambulance handovers,2024-01-01,400\nBed days,2024-01-01,3\n";

        var withUnknown = await PostFileAsync(lead, $"/api/v1/systems/{system.Id}/measures/imports", csv);
        var byCouncil = await PostFileAsync(await ApiClient.ForAsync(App, system.CouncilContributor), $"/api/v1/systems/{system.Id}/measures/imports", csv.Replace("Bed days,2024-01-01,3\n", "", StringComparison.Ordinal));
        var valid = await PostFileAsync(lead, $"/api/v1/systems/{system.Id}/measures/imports", csv.Replace("Bed days,2024-01-01,3\n", "", StringComparison.Ordinal));
        var list = await (await lead.GetAsync($"/api/v1/systems/{system.Id}/measures", Ct)).JsonAsync();

        Assert.Equal(["4|measure|there is no measure \"Bed days\" in this system"], Problems(await withUnknown.JsonAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, byCouncil.StatusCode);
        Assert.Contains("you cannot record data for Four-hour performance", Problems(await byCouncil.JsonAsync())[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.All(list.AsArray(), m => Assert.Equal(1, m!["points"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Limits_AreStatedWhenExceeded_AndAViewerCannotImport()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system, "Weekly referrals", new { format = "Count", unit = "referrals", frequency = "Weekly", target = (double?)null });
        var rows = new StringBuilder("period,value\n");
        var monday = new DateOnly(1800, 1, 6);
        for (var i = 0; i <= 100_000; i++)
        {
            rows.Append(monday.AddDays(7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(",1\n");
        }

        var tooMany = await PostFileAsync(lead, $"{url}/imports?dryRun=true", rows.ToString());
        var tooBig = await lead.PostAsync($"{url}/imports", new ByteArrayContent(new byte[11 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, Ct);
        var byViewer = await PostFileAsync(await ApiClient.ForAsync(App, system.Viewer), $"{url}/imports", "period,value\n2024-01-01,3\n");

        Assert.Equal("The file has more than 100,000 rows. Files can have at most 100,000 rows; split it, or use the command line.",
            (await tooMany.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("Files can be at most 10 MB and 100,000 rows.", (await tooBig.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }

    [Fact]
    public async Task AWorkbookThatUnpacksToHundredsOfMegabytes_IsRefusedBeforeItIsRead()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        using var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await zip.CreateEntry("xl/sharedStrings.xml", System.IO.Compression.CompressionLevel.Fastest).OpenAsync(Ct);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 210; i++)
            {
                await entry.WriteAsync(spaces, Ct);
            }
        }

        var response = await lead.PostAsync($"{url}/imports", new ByteArrayContent(bomb.ToArray())
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
        }, Ct);

        Assert.True(bomb.Length < 10 * 1024 * 1024, $"{bomb.Length} bytes compressed");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The workbook unpacks to more than 200 MB. Save the data as .csv, or split it.", (await response.JsonAsync())["detail"]!.GetValue<string>());
    }
}

public sealed class ObservationImportSqliteTests(SqliteApp app) : ObservationImportTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ObservationImportPostgresTests(PostgresApp app) : ObservationImportTests(app, DatabaseKind.Postgres);
